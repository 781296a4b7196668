import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { addToCount } from '../../src/renderer/src/count/lines'
import { setCountState, startCount } from '../../src/renderer/src/count/sessions'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { sendAgainstNow, sendAnyway } from '../../src/renderer/src/outbox/review-choices'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { HostClient } from '../../src/shared/host-api/client'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { createTestServices, instantClock, type TestServices } from '../helpers/main-services'
import { freshDb, inProcessHost } from '../helpers/replica'

interface Pc {
  db: StockroomDb
  host: HostClient
  cid: string
  name: string
}

/** The stock adjustments the fake applied, with their notes and lines. */
function adjustments(c: Connected<FrostbyteData>) {
  return c.fake.server.ledger
    .filter((e) => e.method === 'POST' && e.path === '/stock-adjustments')
    .map((e) => e.body as { notes: string; lines: { productId: string; quantityChange: number }[] })
}

/**
 * Two warehouse PCs, each with its own replica and main-side services, on one
 * Frostbyte account: both count the same item at the same warehouse and find
 * the same error. The first write goes; the second is caught before it leaves.
 */
describe('two PCs count the same item at one place', () => {
  let c: Connected<FrostbyteData>
  let t2: TestServices
  let pc1: Pc
  let pc2: Pc
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 41, size: 200 })
    t2 = await createTestServices({ random: () => 0.05, maxAttempts: 10, clock: instantClock() })
    const db2 = freshDb()
    const host2 = inProcessHost(t2.services)
    const created = await t2.services.connections.create({
      vendor: 'frostbyte',
      label: 'Main warehouse',
      baseUrl: c.fake.url,
      apiKey: c.fake.apiKey
    })
    await db2.connections.put({ ...created } as never)
    pc1 = { db: c.db, host: c.host, cid: c.cid, name: 'PC-1' }
    pc2 = { db: db2, host: host2, cid: created.id, name: 'PC-2' }
    await syncConnection(pc1.db, pc1.host, pc1.cid)
    await syncConnection(pc2.db, pc2.host, pc2.cid)
  })
  afterEach(async () => {
    pc2.db.close()
    await t2.cleanup()
    await c.close()
  })

  const shelf = () => {
    const d = c.fake.server.data
    const wh = d.warehouses[0]!.id
    const p = d.products
      .all()
      .find((x) => x.isActive && !x.trackBatches && !x.trackSerials && d.totalOnHand(x.id, wh) >= 5)
    if (!p) throw new Error('no plain product with stock in the first warehouse')
    return { d, wh, p, expected: d.totalOnHand(p.id, wh), where: d.warehouses[0]!.name }
  }

  /** The Count screen's path: start a count, scan the item `n` times, submit with this PC's name. */
  async function count(pc: Pc, wh: string, productId: string, n: number) {
    const session = await startCount(pc.db, {
      connectionId: pc.cid,
      locationKey: `${pc.cid}:location:wh/${wh}`,
      blind: false
    })
    await addToCount(pc.db, session.id, { itemKey: `${pc.cid}:item:${productId}`, quantity: n })
    await setCountState(pc.db, session.id, 'review')
    expect(await submitCount(pc.db, session.id, { pc: pc.name })).toMatchObject({ outcome: 'queued' })
  }

  const replay = (pc: Pc) => replayConnection({ db: pc.db, host: pc.host, random: () => 0.5 }, pc.cid)

  it('the second write goes to review naming the first PC’s adjustment; the vendor holds one adjustment', async () => {
    const { d, wh, p, expected, where } = shelf()
    const onShelf = expected - 3
    await count(pc1, wh, p.id, onShelf)
    await count(pc2, wh, p.id, onShelf)

    const before = c.t.services.gateway.stats().requests
    expect(await replay(pc1)).toEqual({ state: 'drained' })
    // PC 1 asked the vendor's movement log once before sending (nothing had changed), then sent.
    expect(c.t.services.gateway.stats().requests - before).toBe(2)
    expect(d.totalOnHand(p.id, wh)).toBe(onShelf)
    const [first] = await pc1.db.outbox.toArray()
    expect(first).toMatchObject({ state: 'done', vendorRef: expect.stringMatching(/^ADJ-/) })

    const sentBefore = t2.services.gateway.stats().requests
    expect(await replay(pc2)).toEqual({ state: 'drained' })
    const [second] = await pc2.db.outbox.toArray()
    expect(second?.state).toBe('needs-review')
    expect(second?.review?.reason).toBe('changed-at-vendor')
    expect(second?.lastError).toMatch(
      new RegExp(
        `^Stock of ${p.sku} .* at ${where} changed by −3 at the vendor at \\d\\d:\\d\\d \\(stock adjustment 'Stockroom count — PC-1 at ${where}, .* UTC'\\)\\. Send your −3 anyway / send the difference against now / drop\\.`
      )
    )
    // The vendor's level now is shown beside it.
    expect(second?.review?.vendorLevels?.[0]?.onHand).toBe(onShelf)
    // Its checks were paced requests like any other: the log, the adjustment's name, the level now.
    expect(t2.services.gateway.stats().requests - sentBefore).toBe(3)
    expect(adjustments(c)).toHaveLength(1)
    expect(adjustments(c)[0]).toMatchObject({ lines: [{ productId: p.id, quantityChange: -3 }] })
    expect(d.totalOnHand(p.id, wh)).toBe(expected - 3)

    // "Send the difference against now": the vendor already holds what PC 2 counted; nothing is sent.
    expect(await sendAgainstNow(pc2.db, pc2.host, second!)).toEqual({ outcome: 'nothing-to-send' })
    expect((await pc2.db.outbox.get(second!.seq!))?.state).toBe('discarded')
    expect(await replay(pc2)).toEqual({ state: 'drained' })
    expect(adjustments(c)).toHaveLength(1)
    expect(d.totalOnHand(p.id, wh)).toBe(expected - 3)
  })

  it('a PC’s own earlier adjustment is not a change under its next count; "send anyway" sends once', async () => {
    const { d, wh, p, expected } = shelf()
    await count(pc1, wh, p.id, expected - 1)
    expect(await replay(pc1)).toEqual({ state: 'drained' })
    // PC 1 counts again without a sync in between: its own −1 is no reason to stop.
    await count(pc1, wh, p.id, expected - 2)
    expect(await replay(pc1)).toEqual({ state: 'drained' })
    expect(adjustments(c).map((a) => a.lines[0]!.quantityChange)).toEqual([-1, -1])

    // PC 2 counted before either arrived: review, then its person sends it anyway — once.
    await count(pc2, wh, p.id, expected - 2)
    expect(await replay(pc2)).toEqual({ state: 'drained' })
    const [held] = await pc2.db.outbox.toArray()
    expect(held?.state).toBe('needs-review')
    expect(held?.lastError?.match(/changed by −1 at the vendor/g)).toHaveLength(2)
    await sendAnyway(pc2.db, held!)
    expect(await replay(pc2)).toEqual({ state: 'drained' })
    expect(await replay(pc2)).toEqual({ state: 'drained' })
    expect(adjustments(c).map((a) => a.lines[0]!.quantityChange)).toEqual([-1, -1, -2])
    expect(d.totalOnHand(p.id, wh)).toBe(expected - 4)
  })

  it('a change after the count that is not a count (a receipt) also goes to review; against now sends the rest', async () => {
    const { d, wh, p, expected } = shelf()
    await count(pc2, wh, p.id, expected - 3)
    // A delivery is booked in the vendor after PC 2's replica was synced.
    d.changeStock({
      productId: p.id,
      warehouseId: wh,
      binId: d.defaultBin(p.id, wh)!,
      batchId: null,
      delta: 10,
      type: 'RECEIPT',
      reference: 'GR-00077',
      at: Date.now()
    })
    expect(await replay(pc2)).toEqual({ state: 'drained' })
    const [held] = await pc2.db.outbox.toArray()
    expect(held?.lastError).toMatch(/changed by \+10 at the vendor at \d\d:\d\d \(receipt GR-00077\)/)
    expect(adjustments(c)).toHaveLength(0)
    const again = await sendAgainstNow(pc2.db, pc2.host, held!)
    expect(again.outcome).toBe('queued')
    expect(await replay(pc2)).toEqual({ state: 'drained' })
    // Against the level now (expected + 10), what was counted stands: one write of −13.
    expect(adjustments(c).map((a) => a.lines[0]!.quantityChange)).toEqual([-13])
    expect(d.totalOnHand(p.id, wh)).toBe(expected - 3)
  })
})

describe('the vendor’s movement log, over more than one answer', () => {
  let c: Connected<FrostbyteData>
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 43, size: 100 })
    await syncConnection(c.db, c.host, c.cid)
  })
  afterEach(() => c.close())

  it('reads the warehouse’s whole log past the report’s 1,000-row cap, each movement once, this count’s items only', async () => {
    const d = c.fake.server.data
    const wh = d.warehouses[0]!.id
    const [p, q] = d.products.all().filter((x) => x.isActive && !x.trackBatches && !x.trackSerials)
    if (!p || !q) throw new Error('fewer than two plain products')
    const since = new Date(Date.now() - 60_000)
    // Another product's movements at the same warehouse come in the same answers, and are not this count's.
    for (let i = 0; i < 50; i++)
      d.changeStock({
        productId: q.id,
        warehouseId: wh,
        binId: d.defaultBin(q.id, wh)!,
        batchId: null,
        delta: 1,
        type: 'RECEIPT',
        reference: `GR-Q${i}`,
        at: since.getTime() + 2_000 + i * 7
      })
    for (let i = 0; i < 1_100; i++)
      d.changeStock({
        productId: p.id,
        warehouseId: wh,
        binId: d.defaultBin(p.id, wh)!,
        batchId: null,
        delta: 1,
        type: 'RECEIPT',
        reference: `GR-${i}`,
        at: since.getTime() + 1_000 + i * 5
      })
    const before = c.t.services.gateway.stats().requests
    const reply = await c.host.call('outbox:changesSince', {
      connectionId: c.cid,
      locationVendorId: `wh/${wh}`,
      itemVendorIds: [p.id],
      since: since.toISOString()
    })
    if (!reply.ok || reply.value.kind !== 'log') throw new Error('no movement log')
    expect(reply.value.changes).toHaveLength(1_100)
    expect(new Set(reply.value.changes.map((m) => m.reference)).size).toBe(1_100)
    expect(reply.value.changes.every((m) => m.itemVendorId === p.id)).toBe(true)
    // One request per 1,000 rows of the warehouse's log (1,150 rows): two.
    expect(c.t.services.gateway.stats().requests - before).toBe(2)
  })
})
