import { afterEach, describe, expect, it } from 'vitest'
import { freshDb, inProcessHost } from '../helpers/replica'
import { createTestServices, type TestServices } from '../helpers/main-services'
import { syncConnection, type ResourceProgress } from '../../src/renderer/src/sync/driver'
import { FIGGRO_DEMO_KEY, startFiggroFake, type FiggroFakeOptions } from '../../src/main/fakes/figgro/server'
import type { FakeServer } from '../../src/main/fakes/common/types'
import type { FiggroData } from '../../src/main/fakes/figgro/data'
import type { StockroomDb } from '../../src/renderer/src/db/db'

/**
 * Figgro's budget at the boundaries people meet: the words of a refused
 * endpoint, the "waiting until …" the renderer hears before a wait starts,
 * and a stop during a wait that sends nothing more. Real HTTP, real clock,
 * a vendor window shrunk to seconds.
 */
let fake: FakeServer<FiggroData>
let t: TestServices
let db: StockroomDb

afterEach(async () => {
  db?.close()
  await fake?.close()
  await t?.cleanup()
})

async function connect(o: FiggroFakeOptions, apiKey = FIGGRO_DEMO_KEY) {
  fake = await startFiggroFake({ seed: 2, size: 10, ...o })
  t = await createTestServices({ random: () => 0.05 })
  db = freshDb()
  const host = inProcessHost(t.services)
  const created = await t.services.connections.create({
    vendor: 'figgro',
    label: 'Figgro test',
    baseUrl: fake.url,
    apiKey
  })
  await db.connections.put({ ...created } as never)
  return { host, cid: created.id }
}

const arrivals = () => fake.requests.filter((r) => r.status !== 0).map((r) => Date.parse(r.at))

describe('Figgro under its request budget', () => {
  it('a key without job runs is told so in plain words, the rest syncs, and job runs are not asked again', async () => {
    const { host, cid } = await connect(
      { scopedKeys: { fgr_no_jobs: ['products', 'rawMaterials', 'jobRunTickets'] } },
      'fgr_no_jobs'
    )
    const results = await syncConnection(db, host, cid)
    expect(results.map((r) => [r.resource, r.state])).toEqual([
      ['products', 'done'],
      ['raw-materials', 'done'],
      ['job-runs', 'error'],
      ['job-run-tickets', 'done']
    ])
    expect(results[2]!.message).toBe('This key has no access to job runs — ask Figgro to widen it.')
    expect((await db.checkpoints.get([cid, 'job-runs']))?.failure?.message).toBe(
      'This key has no access to job runs — ask Figgro to widen it.'
    )
    expect((await t.services.connections.get(cid))?.status).not.toBe('paused')
    expect(await db.items.where('connectionId').equals(cid).count()).toBe(
      fake.data.products.length + fake.data.rawMaterials.length
    )
    const jobRunAsks = () => fake.requests.filter((r) => r.path.endsWith('getjobruns')).length
    expect(jobRunAsks()).toBe(1)
    await syncConnection(db, host, cid)
    expect(jobRunAsks()).toBe(1) // not again while the key is the same
  })

  it('a short wait is announced to the renderer before it starts, with when it ends', async () => {
    // 4 a window, 10% kept: the 4th page (of 4) waits for the first to leave the window
    // (short enough, even learnt from whole-second Reset headers, to be waited out in main).
    const { host, cid } = await connect({ limit: 4, windowMs: 800 })
    const heard: { at: number; ms: number; reason: string }[] = []
    const off = host.on('sync:wait', (e) => heard.push({ at: Date.now(), ms: e.ms, reason: e.reason }))
    await syncConnection(db, host, cid)
    off()
    const times = arrivals()
    expect(times).toHaveLength(4)
    expect(heard).toHaveLength(1)
    const [wait] = heard
    expect(wait!.reason).toBe('rate-limit')
    expect(wait!.at).toBeLessThan(times[3]!)
    // The announced end is when the request really went (±150 ms of timers and loopback).
    expect(Math.abs(wait!.at + wait!.ms - times[3]!)).toBeLessThan(150)
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(800)
  })

  it('a long wait is handed to the renderer: shown with its end, and a stop during it sends nothing more', async () => {
    const { host, cid } = await connect({ limit: 4, windowMs: 4_000 })
    const controller = new AbortController()
    const seen: ResourceProgress[] = []
    const run = syncConnection(db, host, cid, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p)
        if (p.waitingUntil) controller.abort()
      }
    })
    await run
    const waiting = seen.find((p) => p.waitingUntil)!
    expect(waiting.resource).toBe('job-run-tickets')
    expect(waiting.plan).toMatchObject({ pagesDone: 3, pages: 4, limit: 4 })
    // Learnt from whole-second Reset headers: the true window, rounded up by at most a second.
    expect(waiting.plan!.windowMs).toBeGreaterThanOrEqual(4_000)
    expect(waiting.plan!.windowMs).toBeLessThan(5_000)
    expect(waiting.waitingUntil! - Date.now()).toBeGreaterThan(2_000)
    expect(waiting.plan!.resumesInMs).toBeGreaterThan(2_000)
    await new Promise((r) => setTimeout(r, 300))
    expect(arrivals()).toHaveLength(3) // nothing went after the stop
    // The next sync asks the page the stop left, once, and the vendor never had to refuse one.
    await syncConnection(db, host, cid)
    // (A long pass may also measure a resource with a page past its end: no records, not a page fetched.)
    const ticketPages = fake.requests.filter(
      (r) => r.path.endsWith('getproductjobruntickets') && r.query.page === '1'
    )
    expect(ticketPages).toHaveLength(1)
    expect(fake.requests.every((r) => r.status === 200)).toBe(true)
    expect(await db.tasks.where('connectionId').equals(cid).count()).toBe(
      fake.data.jobRuns.length + fake.data.jobRunTickets.length
    )
  }, 30_000)
})
