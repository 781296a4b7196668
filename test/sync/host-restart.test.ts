import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { startWebHost, type WebHost } from '../../src/main/web/web-host'
import { createHostClient } from '../../src/renderer/src/bridge/host'
import { createWsTransport } from '../../src/renderer/src/bridge/ws-transport'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { useSync } from '../../src/renderer/src/stores/sync'
import { startSyncScheduler, type SyncScheduler } from '../../src/renderer/src/sync/scheduler'
import { syncStoreReporter } from '../../src/renderer/src/stores/sync'
import { expectReplicaEquals, type VendorFake } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { hostSocketUrl } from '../helpers/launch'
import { createTestServices, instantClock, type TestServices } from '../helpers/main-services'
import { freshDb } from '../helpers/replica'

/**
 * The web host stops in the middle of a sync and comes back (same port, a new
 * launch secret): the page's transport finds the new secret, reconnects, and
 * the interrupted sync resumes at once, not at the next scheduled run (an hour
 * away here), ending with the replica equal to the vendor.
 */
describe('a sync interrupted by a host restart', () => {
  let fake: VendorFake<FrostbyteData>
  let t: TestServices
  let host: WebHost
  let db: StockroomDb
  let scheduler: SyncScheduler | undefined
  let transport: ReturnType<typeof createWsTransport> | undefined
  afterEach(async () => {
    await scheduler?.stop()
    transport?.close()
    await host.close()
    db.close()
    await fake.close()
    await t.cleanup()
  })

  it('resumes as soon as the host is back', { timeout: 120_000 }, async () => {
    fake = await frostbyteHarness.start({ seed: 7, size: 800 })
    t = await createTestServices({ random: () => 0.05, clock: instantClock() })
    const rendererDir = await mkdtemp(join(tmpdir(), 'renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head></head></html>')
    host = await startWebHost({ services: t.services, rendererDir, port: 0 })
    const pageUrl = host.openUrl
    const port = Number(new URL(pageUrl).port)
    const origin = host.url.replace(/\/$/, '')
    // The page's WebSocket: a browser sends its Origin itself.
    vi.stubGlobal(
      'WebSocket',
      class extends WebSocket {
        constructor(url: string) {
          super(url, { origin })
        }
      }
    )
    transport = createWsTransport({
      url: await hostSocketUrl(pageUrl),
      refreshUrl: () => hostSocketUrl(pageUrl).catch(() => undefined)
    })
    const client = createHostClient(transport)
    const created = await t.services.connections.create({
      vendor: 'frostbyte',
      label: 'Plant',
      baseUrl: fake.url,
      apiKey: fake.apiKey
    })
    db = freshDb()
    await db.connections.put({ ...created } as never)
    useSync.setState({ progress: {} })

    let backAt = 0
    const restarted = new Promise<void>((resolve) => {
      const off = useSync.subscribe((s) => {
        const products = s.progress[`${created.id}/products`]
        if (!products || products.pagesDone < 1) return
        off()
        void (async () => {
          await host.close()
          // The same data directory keeps its access token (host-token.ts): the open page stays admitted.
          host = await startWebHost({ services: t.services, rendererDir, port, token: host.token })
          backAt = Date.now()
          resolve()
        })()
      })
    })
    scheduler = startSyncScheduler(db, client, syncStoreReporter, { intervalMs: 3_600_000 })
    await restarted
    // The first run lost its host mid-page; only a run started by the reconnect can complete the replica.
    await vi.waitFor(() => expectReplicaEquals(db, created.id, fake.expected(created.id)), {
      timeout: 60_000,
      interval: 100
    })
    console.log(`sync resumed and completed ${Date.now() - backAt} ms after the host came back`)
    const products = useSync.getState().progress[`${created.id}/products`]
    expect(products?.state).toBe('done')
    vi.unstubAllGlobals()
  })
})
