import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { bringInCount } from '../../src/renderer/src/count/bring-in'
import { countCounters, formatParts } from '../../src/renderer/src/count/counters'
import { handOverCount } from '../../src/renderer/src/count/hand-over'
import { addToCount, lineIdOf, recountLine } from '../../src/renderer/src/count/lines'
import { setCountState, startCount } from '../../src/renderer/src/count/sessions'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { createTestServices, instantClock, type TestServices } from '../helpers/main-services'
import { freshDb, inProcessHost } from '../helpers/replica'
import { drain } from './replay-helpers'

/** Stock-adjustment lines the fake applied. */
function applied(c: Connected<FrostbyteData>) {
  return c.fake.server.ledger
    .filter((e) => e.method === 'POST' && e.path === '/stock-adjustments')
    .flatMap((e) => (e.body as { lines: { productId: string; quantityChange: number }[] }).lines)
}

describe('several counters, one location: two PCs count, one write per item', () => {
  let c: Connected<FrostbyteData>
  // The second PC: its own main services, connection (another id) and replica, same vendor.
  let b: { t: TestServices; db: StockroomDb; cid: string }
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 37, size: 300 })
    await syncConnection(c.db, c.host, c.cid)
    const t = await createTestServices({ random: () => 0.05, maxAttempts: 10, clock: instantClock() })
    const db = freshDb()
    const host = inProcessHost(t.services)
    const created = await t.services.connections.create({
      vendor: 'frostbyte',
      label: 'Main warehouse',
      baseUrl: `${c.fake.url}/`,
      apiKey: c.fake.apiKey
    })
    await db.connections.put({ ...created } as never)
    await syncConnection(db, host, created.id)
    b = { t, db, cid: created.id }
  })
  afterEach(async () => {
    b.db.close()
    await b.t.cleanup()
    await c.close()
  })

  it('sums both PCs’ scans per item, shows each part, and the vendor gets one write per item', async () => {
    const data = c.fake.server.data
    const warehouseId = data.warehouses[0]!.id
    const plain = data.products
      .all()
      .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials)
      .filter((p) => data.totalOnHand(p.id, warehouseId) > 0)
    const [shared, onlyA, onlyB] = plain
    if (!shared || !onlyA || !onlyB)
      throw new Error('fewer than three plain products stocked in the warehouse')
    expect(b.cid).not.toBe(c.cid)

    const keyA = (id: string) => `${c.cid}:item:${id}`
    const keyB = (id: string) => `${b.cid}:item:${id}`
    const a = await startCount(c.db, {
      connectionId: c.cid,
      locationKey: `${c.cid}:location:wh/${warehouseId}`,
      blind: false
    })
    await addToCount(c.db, a.id, { itemKey: keyA(shared.id), quantity: 5, counter: 'Ana' })
    await addToCount(c.db, a.id, { itemKey: keyA(onlyA.id), quantity: 2, counter: 'Ana' })

    const bc = await startCount(b.db, {
      connectionId: b.cid,
      locationKey: `${b.cid}:location:wh/${warehouseId}`,
      blind: false
    })
    await addToCount(b.db, bc.id, { itemKey: keyB(shared.id), quantity: 3, counter: 'Ben' })
    await addToCount(b.db, bc.id, { itemKey: keyB(shared.id), quantity: 4, counter: 'Ben' })
    await addToCount(b.db, bc.id, { itemKey: keyB(onlyB.id), quantity: 9, counter: 'Ben' })
    // A supervisor on B corrects Ben's 9 to 8: its own part, not an edit of Ben's scans.
    await recountLine(b.db, lineIdOf(bc.id, keyB(onlyB.id)), 8, { by: 'Sam' })

    const file = await handOverCount(b.db, bc.id, { counter: 'Ben', pc: 'PC-B' })
    // Handed over: B never sends it itself.
    expect((await b.db.counts.get(bc.id))?.outcome).toBe('handed-over')
    await expect(submitCount(b.db, bc.id)).rejects.toThrow(/already submitted/)

    const brought = await bringInCount(c.db, file.text)
    expect(brought).toMatchObject({ started: false, counter: 'Ben', pc: 'PC-B', scans: 4, lines: 2 })
    expect(brought.count.id).toBe(a.id)
    // The same file again is refused in plain words, and changes nothing.
    await expect(bringInCount(c.db, file.text)).rejects.toThrow(
      /Ben's count from PC-B \(4 scans\) was already brought in here\. It is not added twice/
    )

    const lines = await c.db.countLines.where('countId').equals(a.id).toArray()
    const countedOf = (id: string) => lines.find((l) => l.itemKey === keyA(id))?.counted
    expect(lines).toHaveLength(3)
    expect([countedOf(shared.id), countedOf(onlyA.id), countedOf(onlyB.id)]).toEqual([12, 2, 8])
    const { counters, parts } = await countCounters(c.db, a.id)
    expect(counters).toEqual(['Ana', 'Ben', 'Sam (recount)'])
    const fmt = (n: number) => String(n)
    expect(formatParts(parts.get(lineIdOf(a.id, keyA(shared.id)))!, 12, fmt)).toBe('Ana 5 + Ben 7 = 12')
    expect(formatParts(parts.get(lineIdOf(a.id, keyA(onlyB.id)))!, 8, fmt)).toBe(
      'Ben 9 + Sam (recount) −1 = 8'
    )

    await setCountState(c.db, a.id, 'review')
    expect(await submitCount(c.db, a.id)).toMatchObject({ outcome: 'queued' })
    await drain({ db: c.db, host: c.host, random: () => 0.5 }, c.cid)
    await expect(bringInCount(c.db, file.text)).rejects.toThrow(/already brought in here and submitted/)

    const writes = applied(c)
    const onHand = (id: string) => c.fake.server.data.totalOnHand(id, warehouseId)
    // Exactly one write per item, for the summed quantity; the stock now says what was counted.
    expect(writes.map((l) => l.productId).sort()).toEqual([shared.id, onlyA.id, onlyB.id].sort())
    expect([onHand(shared.id), onHand(onlyA.id), onHand(onlyB.id)]).toEqual([12, 2, 8])
  })
})
