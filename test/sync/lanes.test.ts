import { afterEach, describe, expect, it } from 'vitest'
import type { FakeServer } from '../../src/main/fakes/common/types'
import { FIGGRO_DEMO_KEY, startFiggroFake } from '../../src/main/fakes/figgro/server'
import type { FiggroData } from '../../src/main/fakes/figgro/data'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { parkedLine } from '../../src/renderer/src/features/shell/status-summary'
import { startSyncScheduler, type SyncScheduler } from '../../src/renderer/src/sync/scheduler'
import { syncStoreReporter, useSync } from '../../src/renderer/src/stores/sync'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { inventoraHarness } from '../contract/inventora-harness'
import type { VendorFake } from '../contract/conformance'
import type { HostClient } from '../../src/shared/host-api/client'
import { createTestServices, type TestServices } from '../helpers/main-services'
import { freshDb, inProcessHost } from '../helpers/replica'

/**
 * Three connections on one PC, as a site has them: Figgro's hourly budget (a
 * window shrunk to seconds) runs out half-way through its pass. Figgro alone
 * waits; Frostbyte and Inventora each finish their pass meanwhile, and Figgro
 * resumes by itself when its budget returns. Real HTTP, real clock.
 */
let figgro: FakeServer<FiggroData>
let others: VendorFake<unknown>[] = []
let t: TestServices
let db: StockroomDb
let scheduler: SyncScheduler | undefined

afterEach(async () => {
  await scheduler?.stop()
  db?.close()
  await figgro?.close()
  for (const f of others) await f.close()
  others = []
  await t?.cleanup()
  useSync.setState({ lanes: {}, progress: {}, running: false })
})

/** Resolves when `test` holds for the store's state; fails after `ms` (a loaded machine gets plenty). */
function until(test: (s: ReturnType<typeof useSync.getState>) => boolean, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test(useSync.getState())) return resolve()
    const timer = setTimeout(() => {
      off()
      reject(new Error('timed out waiting for the sync store'))
    }, ms)
    const off = useSync.subscribe((s) => {
      if (!test(s)) return
      clearTimeout(timer)
      off()
      resolve()
    })
  })
}

/** Every resource the connection syncs has a completed pass in the replica. */
const passDone = async (host: HostClient, cid: string) => {
  const plan = await host.call('sync:plan', { connectionId: cid })
  if (!plan.ok) throw new Error(plan.error.message)
  const cps = await db.checkpoints.where('connectionId').equals(cid).toArray()
  return (
    cps.length === plan.value.resources.length && cps.every((c) => c.completedAt !== undefined && !c.running)
  )
}

describe('connections sync on their own lanes', () => {
  it('Figgro parked on its budget holds up neither Frostbyte nor Inventora, and resumes by itself', async () => {
    // 6 requests a 20-second window (5 for a sync, one kept for people): Figgro's pass of 4 resources
    // does not fit in one, and its wait outlasts the others' passes even on a busy PC.
    figgro = await startFiggroFake({ seed: 3, size: 100, limit: 6, windowMs: 20_000 })
    const frostbyte = await frostbyteHarness.start({ seed: 4, size: 300 })
    const inventora = await inventoraHarness.start({ seed: 4, size: 300 })
    others = [frostbyte as VendorFake<unknown>, inventora as VendorFake<unknown>]
    t = await createTestServices({ random: () => 0.05 })
    db = freshDb()
    const host = inProcessHost(t.services)
    const add = async (
      vendor: 'figgro' | 'frostbyte' | 'inventora',
      label: string,
      url: string,
      apiKey: string
    ) => {
      const created = await t.services.connections.create({ vendor, label, baseUrl: url, apiKey })
      await db.connections.put({ ...created } as never)
      return created
    }
    // Figgro first: the old one-after-another run would have made the others wait behind it.
    const fg = await add('figgro', 'Figgro', figgro.url, FIGGRO_DEMO_KEY)
    const fb = await add('frostbyte', 'Frostbyte', frostbyte.url, frostbyte.apiKey!)
    const inv = await add('inventora', 'Inventora', inventora.url, inventora.apiKey!)

    scheduler = startSyncScheduler(db, host, syncStoreReporter, { intervalMs: 3_600_000 })
    await until((s) => s.lanes[fg.id]?.state === 'parked')
    const parkedUntil = (useSync.getState().lanes[fg.id] as { until: number }).until
    expect(parkedUntil).toBeGreaterThan(Date.now())

    // While Figgro waits, the others complete whole passes.
    await until((s) => s.lanes[fb.id]?.state === 'idle' && s.lanes[inv.id]?.state === 'idle')
    expect(await passDone(host, fb.id)).toBe(true)
    expect(await passDone(host, inv.id)).toBe(true)
    expect(await db.items.where('connectionId').equals(fb.id).count()).toBeGreaterThan(0)
    expect(await db.items.where('connectionId').equals(inv.id).count()).toBeGreaterThan(0)
    const figgroAsked = figgro.requests.length
    expect(useSync.getState().lanes[fg.id]?.state).toBe('parked')
    {
      expect(await passDone(host, fg.id)).toBe(false)
      // The status bar's words name who waits, until when, and who is up to date.
      const connections = [fg, fb, inv].map((c) => ({ id: c.id, label: c.label, status: 'ok' as const }))
      expect(parkedLine(connections, useSync.getState().lanes, new Set())).toMatch(
        /^Figgro waits for its request budget until \d\d:\d\d(\s?[AP]M)? · Frostbyte and Inventora up to date$/
      )
      // Activity says so too, in the same words.
      const said = await db.activity.where('connectionId').equals(fg.id).toArray()
      expect(said.map((a) => a.message).join('\n')).toMatch(
        /Figgro waits for its request budget until \d\d:\d\d(\s?[AP]M)? \(.+, page \d+/
      )
      // A Sync now the budget cannot serve says when it will run, and asks the vendor nothing.
      const answer = await scheduler.syncNow(fg.id)
      expect(answer).toEqual({ state: 'parked', until: parkedUntil })
      expect(figgro.requests.length).toBe(figgroAsked)
    }

    // Figgro resumes on its own once its window has room again, and completes its pass.
    await until((s) => s.lanes[fg.id]?.state === 'idle', 120_000)
    expect(await passDone(host, fg.id)).toBe(true)
    expect(await db.items.where('connectionId').equals(fg.id).count()).toBe(
      figgro.data.products.length + figgro.data.rawMaterials.length
    )
    // It waited rather than being refused: the vendor never answered 429.
    expect(figgro.requests.filter((r) => r.status === 429)).toHaveLength(0)
    // And the others ended their passes before Figgro did.
    const completedAt = async (cid: string) =>
      Math.max(
        ...(await db.checkpoints.where('connectionId').equals(cid).toArray()).map((c) =>
          Date.parse(c.completedAt!)
        )
      )
    expect(await completedAt(fb.id)).toBeLessThan(await completedAt(fg.id))
    expect(await completedAt(inv.id)).toBeLessThan(await completedAt(fg.id))
  }, 180_000)

  it('Stop on one connection stops that one only', async () => {
    figgro = await startFiggroFake({ seed: 3, size: 100, limit: 6, windowMs: 6_000 })
    const frostbyte = await frostbyteHarness.start({ seed: 4, size: 300 })
    others = [frostbyte as VendorFake<unknown>]
    t = await createTestServices({ random: () => 0.05 })
    db = freshDb()
    const host = inProcessHost(t.services)
    const fg = await t.services.connections.create({
      vendor: 'figgro',
      label: 'Figgro',
      baseUrl: figgro.url,
      apiKey: FIGGRO_DEMO_KEY
    })
    const fb = await t.services.connections.create({
      vendor: 'frostbyte',
      label: 'Frostbyte',
      baseUrl: frostbyte.url,
      apiKey: frostbyte.apiKey!
    })
    for (const c of [fg, fb]) await db.connections.put({ ...c } as never)
    scheduler = startSyncScheduler(db, host, syncStoreReporter, { intervalMs: 3_600_000 })
    await until((s) => s.lanes[fg.id]?.state === 'parked')
    scheduler.cancel(fg.id)
    await until((s) => s.lanes[fb.id]?.state === 'idle')
    expect(await passDone(host, fb.id)).toBe(true)
    // The stopped lane keeps its resume time: a Sync now says when instead of asking again.
    const answer = await scheduler.syncNow(fg.id)
    expect(answer.state).toBe('parked')
  }, 120_000)
})
