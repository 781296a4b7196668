import { afterEach, describe, expect, it } from 'vitest'
import { forgemrpConnector } from '../../src/main/connectors/forgemrp'
import { startForgeFake, FORGE_DEMO_KEY } from '../../src/main/fakes/forgemrp/server'
import { ManualClock } from '../../src/main/fakes/common/time'
import { VendorHttp } from '../../src/main/gateway/vendor-http'
import { connectVendor, type Connected } from '../helpers/connected'
import type { VendorHarness } from './conformance'
import { forgemrpHarness } from './forgemrp-harness'
import type { ForgeData } from '../../src/main/fakes/forgemrp/server'

/** The ForgeMRP fake, connected with a key that holds only `scopes`. */
const withScopes = (scopes: string[]): VendorHarness<ForgeData> => ({
  ...forgemrpHarness,
  async start(o) {
    const fake = await forgemrpHarness.start(o)
    return { ...fake, apiKey: fake.server.data.addKey(scopes) }
  }
})

describe('ForgeMRP: a key without a scope', () => {
  let c: Connected<ForgeData> | undefined
  afterEach(() => c?.close())

  it('names the missing scope and where to add it, while the lists it may read still come', async () => {
    c = await connectVendor(
      withScopes(['suppliers.view', 'inventory.view', 'jobs.view', 'purchase_orders.view']),
      { seed: 3, size: 250 }
    )
    const { t, cid, fake } = c
    const gateway = t.services.gateway
    await expect(
      gateway.fetchPage(cid, { resource: 'clients', phase: 'full', cursor: null })
    ).rejects.toThrow('This key lacks clients.view — add it in ForgeMRP Settings → Integrations.')
    // The key is still good for everything else: the connection is not paused.
    expect((await t.services.connections.get(cid))?.status).not.toBe('paused')
    const items = await gateway.fetchPage(cid, { resource: 'inventory_items', phase: 'full', cursor: null })
    expect(items.batch.items).toHaveLength(100)
    // Jobs come without client names, and the refused list is not asked again to label them.
    const jobs = await gateway.fetchPage(cid, { resource: 'jobs', phase: 'full', cursor: null })
    expect(jobs.batch.tasks!.length).toBeGreaterThan(0)
    expect(jobs.batch.tasks![0]!.name).toMatch(/^J-\d{5} · /)
    expect(fake.server.requests.filter((r) => r.path === '/clients')).toHaveLength(1)
  })
})

describe('ForgeMRP: pacing on the live RateLimit-* headers', () => {
  it('waits out RateLimit-Reset (seconds until the reset) instead of running into 429s', async () => {
    const clock = new ManualClock(Date.UTC(2026, 5, 1, 3, 0, 50))
    const fake = await startForgeFake({ size: 600, requestsPerMinute: 2, now: clock.now })
    try {
      const waits: number[] = []
      const http = new VendorHttp({
        baseUrl: fake.url,
        authHeaders: async () => forgemrpConnector.authHeaders(FORGE_DEMO_KEY),
        limits: forgemrpConnector.limits,
        rateLimitHeaders: forgemrpConnector.rateLimitHeaders!,
        parseError: forgemrpConnector.parseError,
        clock: { now: () => clock.now().getTime(), sleep: async (ms) => clock.advance(ms) },
        onWait: (ms) => waits.push(ms)
      })
      const connector = forgemrpConnector.create(http, { id: 'c1' } as never)
      let cursor: unknown = null
      let pages = 0
      do {
        const page = await connector.fetchPage({ resource: 'inventory_items', phase: 'full', cursor })
        cursor = page.next
        pages++
      } while (cursor !== null)
      expect(pages).toBe(6)
      expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
      // Two requests per minute: after each pair the pacer waited for the window to reset.
      expect(waits).toEqual([10_000, 60_000])
    } finally {
      await fake.close()
    }
  })
})
