import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GS } from '../../../shared/scan'
import { createDb, type StockroomDb } from '../db/db'
import { countItem, countScan, type CountScanOutcome } from './count-scan'
import { defaultVarianceLimits } from '../../../shared/count/quantity'
import { submitCount } from '../outbox/submit-count'
import {
  addToCount,
  approveLine,
  lineIdOf,
  markForRecount,
  recountedLineIds,
  recountLine,
  UnconfirmedQuantity,
  undoLast
} from './lines'
import { chooseNotCounted, notCounted, recountNotCounted } from './not-counted'
import { reviewCount, reviewRow } from './review'
import { activeCount, CountError, discardCount, locationLabel, setCountState, startCount } from './sessions'
import { fx, seedReplica } from './testing'

let db: StockroomDb
let n = 0
let clock = Date.parse('2026-03-02T09:00:00.000Z')
const now = () => new Date(clock)
const tick = (ms = 1000) => (clock += ms)

beforeEach(async () => {
  db = createDb(`count-${Math.random()}-${++n}`)
  await seedReplica(db)
})
afterEach(() => db.close())

const start = (locationKey = fx.warehouse, blind = false) =>
  startCount(db, { connectionId: fx.c1, locationKey, blind }, { now })

function counted(o: CountScanOutcome) {
  if (o.status !== 'counted') throw new Error(`expected counted, got ${o.status}`)
  return o
}

const gtin14 = (ean13: string) => ean13.padStart(14, '0')

describe('count sessions', () => {
  it('starts one open count at a location and remembers how old the replica was', async () => {
    const s = await start(fx.warehouse, true)
    expect(s).toMatchObject({
      connectionId: fx.c1,
      locationKey: fx.warehouse,
      state: 'open',
      blind: true,
      startedAt: '2026-03-02T09:00:00.000Z',
      replicaSyncedAt: '2026-03-01T08:00:00.000Z'
    })
    expect((await activeCount(db))?.id).toBe(s.id)
    await expect(start(fx.bin)).rejects.toThrow(/already open at Main DC/)
  })

  it('refuses a location of another connection', async () => {
    await expect(
      startCount(db, { connectionId: fx.c1, locationKey: fx.otherWarehouse, blind: false })
    ).rejects.toBeInstanceOf(CountError)
  })

  it('survives a reopen of the database: the open count, its lines and its scans are all there', async () => {
    const s = await start()
    await countScan(db, s.id, fx.bolt.ean, { now })
    db.close()
    const again = createDb(db.name)
    const open = await activeCount(again)
    expect(open?.id).toBe(s.id)
    expect(await again.countLines.where('countId').equals(s.id).count()).toBe(1)
    expect(await again.countEvents.where('countId').equals(s.id).count()).toBe(1)
    again.close()
  })

  it('moves between counting and review, and discards with every line and scan', async () => {
    const s = await start()
    await countScan(db, s.id, fx.bolt.ean, { now })
    await setCountState(db, s.id, 'review')
    expect((await activeCount(db))?.state).toBe('review')
    await discardCount(db, s.id)
    expect(await activeCount(db)).toBeUndefined()
    expect(await db.countLines.count()).toBe(0)
    expect(await db.countEvents.count()).toBe(0)
  })

  it('names a location with its parents', async () => {
    expect(await locationLabel(db, fx.bin)).toBe('Main DC › Ambient › A-01-01')
  })
})

describe('scanning into a count', () => {
  it('adds one per scan; expected and T are taken at the first count of the line', async () => {
    const s = await start()
    const first = counted(await countScan(db, s.id, fx.bolt.ean, { now }))
    expect(first.line).toMatchObject({
      itemKey: fx.bolt.key,
      counted: 1,
      expected: 7,
      countedAt: '2026-03-02T09:00:00.000Z'
    })
    expect(first.event).toMatchObject({ kind: 'add', quantity: 1, previous: 0, createdLine: true })

    // Stock moves after T: the line keeps what stood there at T.
    await db.stock.where('itemKey').equals(fx.bolt.key).modify({ onHand: 100 })
    tick()
    const second = counted(await countScan(db, s.id, `${fx.bolt.ean}\r`, { now }))
    expect(second.line).toMatchObject({ counted: 2, expected: 7, countedAt: '2026-03-02T09:00:00.000Z' })
    expect(second.line.updatedAt).toBe('2026-03-02T09:00:01.000Z')
    expect(second.event).toMatchObject({ previous: 1, createdLine: false })

    const lines = await db.countLines.where('countId').equals(s.id).toArray()
    expect(lines).toHaveLength(1)
    expect(lines[0]?.counted).toBe(2)
  })

  it('finds an item by any of its codes, its SKU included, in any case', async () => {
    const s = await start()
    counted(await countScan(db, s.id, gtin14(fx.bolt.ean), { now }))
    const bySku = counted(await countScan(db, s.id, fx.bolt.sku.toLowerCase(), { now }))
    expect(bySku.line.counted).toBe(2)
  })

  it('takes the quantity of a GS1 label (AI 30 and AI 37) and multiplies by a typed quantity', async () => {
    const s = await start()
    const ai30 = counted(await countScan(db, s.id, `(01)${gtin14(fx.bolt.ean)}(30)12`, { now }))
    expect(ai30.quantity).toBe(12)
    expect(ai30.line.counted).toBe(12)
    const ai37 = counted(
      await countScan(db, s.id, `]C102${gtin14(fx.bolt.ean)}37${'6'}${GS}`, { now, times: 3 })
    )
    expect(ai37.quantity).toBe(18)
    expect(ai37.line.counted).toBe(30)
  })

  it('adds a typed quantity in one event', async () => {
    const s = await start()
    const o = counted(await countScan(db, s.id, fx.bolt.ean, { now, times: 24 }))
    expect(o.line.counted).toBe(24)
    expect(o.event.quantity).toBe(24)
    await expect(countScan(db, s.id, fx.bolt.ean, { now, times: 0 })).rejects.toThrow(/greater than 0/)
    expect((await db.countLines.get(o.line.id))?.counted).toBe(24)
  })

  it('counts a lot on its own line with that lot’s expected quantity', async () => {
    const s = await start()
    const l1 = counted(await countScan(db, s.id, `(01)${gtin14(fx.milk.ean)}(10)L1`, { now }))
    expect(l1.line).toMatchObject({ lotKey: fx.lotL1, expected: 10, counted: 1 })
    expect(l1.lot?.lotNumber).toBe('L1')
    const l2 = counted(await countScan(db, s.id, `(01)${gtin14(fx.milk.ean)}(17)271231(10)l2`, { now }))
    expect(l2.line).toMatchObject({ lotKey: fx.lotL2, expected: 4 })
    expect(l2.context.expiry).toBe('2027-12-31')

    // Without a lot, or with a lot the replica does not know: the item's whole stock there.
    const plain = counted(await countScan(db, s.id, fx.milk.ean, { now }))
    expect(plain.line.lotKey).toBeUndefined()
    expect(plain.line.expected).toBe(15)
    const unknownLot = counted(await countScan(db, s.id, `(01)${gtin14(fx.milk.ean)}(10)L9`, { now }))
    expect(unknownLot.unknownLot).toBe('L9')
    expect(unknownLot.line.id).toBe(plain.line.id)
    expect(unknownLot.line.counted).toBe(2)
  })

  it("records the instant of a line by the vendor's clock too, from the connection's clock skew", async () => {
    await db.connections.update(fx.c1, { clockSkewMs: 90_000 })
    const s = await start()
    const { line } = counted(await countScan(db, s.id, fx.bolt.ean, { now }))
    expect(Date.parse(line.countedAtVendor!) - Date.parse(line.countedAt)).toBe(90_000)
  })

  it('refuses a bin count where the vendor keeps stock per warehouse (Frostbyte), saying why', async () => {
    await expect(start(fx.bin)).rejects.toThrow(/per warehouse, not per zone or bin/)
  })

  it('expects 0 at a bin or zone that has no stock records', async () => {
    await db.connections.update(fx.c1, { vendor: 'forgemrp' })
    const s = await start(fx.bin)
    expect(counted(await countScan(db, s.id, fx.bolt.ean, { now })).line.expected).toBe(0)
  })

  it('shows an unknown code, a bad check digit and a code of another connection, and counts none of them', async () => {
    const s = await start()
    const unknown = await countScan(db, s.id, '4006381333931', { now })
    expect(unknown).toMatchObject({
      status: 'unknown',
      reason: 'no-item',
      context: { code: '4006381333931' }
    })

    const badCheck = fx.bolt.ean.slice(0, 12) + String((Number(fx.bolt.ean[12]) + 1) % 10)
    const invalid = await countScan(db, s.id, badCheck, { now })
    expect(invalid.status).toBe('invalid')
    if (invalid.status === 'invalid') {
      expect(invalid.error.code).toBe('bad-check-digit')
      expect(invalid.error.message).toMatch(/check digit/)
    }

    const elsewhere = await countScan(db, s.id, fx.tape.ean, { now })
    expect(elsewhere.status).toBe('elsewhere')
    if (elsewhere.status === 'elsewhere') expect(elsewhere.items.map((i) => i.key)).toEqual([fx.tape.key])

    const lotOnly = await countScan(db, s.id, '(10)L1', { now })
    expect(lotOnly).toMatchObject({ status: 'unknown', reason: 'no-product-number' })

    expect(await db.countLines.count()).toBe(0)
    expect(await db.countEvents.count()).toBe(0)
  })

  it('prefers the count’s connection when two connections carry the code', async () => {
    const s = await start()
    const o = counted(await countScan(db, s.id, fx.glue.ean, { now }))
    expect(o.item.key).toBe(fx.glue.c1)
    expect(o.line.expected).toBe(3)
  })

  it('counts an item picked by hand after an unknown scan, with the scan’s quantity', async () => {
    const s = await start()
    const unknown = await countScan(db, s.id, '(01)04006381333931(30)5', { now })
    if (unknown.status !== 'unknown') throw new Error(unknown.status)
    const bolt = (await db.items.get(fx.bolt.key))!
    const o = counted(await countItem(db, s.id, bolt, unknown.context, { now }))
    expect(o.line.counted).toBe(5)
    expect(o.event.code).toBe(unknown.context.code)
    const tape = (await db.items.get(fx.tape.key))!
    await expect(countItem(db, s.id, tape, unknown.context, { now })).rejects.toThrow(/another connection/)
  })

  it('counts a serial number once however often its label is scanned', async () => {
    const s = await start()
    const label = `(01)${gtin14(fx.bolt.ean)}(21)SN-001`
    counted(await countScan(db, s.id, label, { now }))
    expect((await countScan(db, s.id, label, { now })).status).toBe('duplicate')
    counted(await countScan(db, s.id, `(01)${gtin14(fx.bolt.ean)}(21)SN-002`, { now }))
    expect((await db.countLines.get(lineIdOf(s.id, fx.bolt.key)))?.counted).toBe(2)
  })

  it('writes line and scan together or not at all', async () => {
    const s = await start()
    const failing = () => {
      throw new Error('disk full')
    }
    db.countEvents.hook('creating', failing)
    await expect(countScan(db, s.id, fx.bolt.ean, { now })).rejects.toThrow('disk full')
    db.countEvents.hook('creating').unsubscribe(failing)
    expect(await db.countLines.count()).toBe(0)
    expect(await db.countEvents.count()).toBe(0)
  })

  it('takes no scan into a submitted count', async () => {
    const s = await start()
    await db.counts.update(s.id, { state: 'submitted' })
    await expect(countScan(db, s.id, fx.bolt.ean, { now })).rejects.toThrow(/not open/)
    await expect(addToCount(db, s.id, { itemKey: fx.bolt.key, quantity: 1 })).rejects.toThrow(/submitted/)
  })
})

describe('undo and recount', () => {
  it('undoes scans last first: restores the previous quantity, then removes the line it created', async () => {
    const s = await start()
    await countScan(db, s.id, fx.bolt.ean, { now })
    await countScan(db, s.id, fx.milk.ean, { now, times: 4 })
    await countScan(db, s.id, fx.bolt.ean, { now, times: 2 })
    const bolt = lineIdOf(s.id, fx.bolt.key)

    const u1 = await undoLast(db, s.id, { now })
    expect(u1).toMatchObject({ removed: false, event: { quantity: 2, previous: 1 } })
    expect((await db.countLines.get(bolt))?.counted).toBe(1)

    const u2 = await undoLast(db, s.id, { now })
    expect(u2?.removed).toBe(true)
    expect(await db.countLines.get(lineIdOf(s.id, fx.milk.key))).toBeUndefined()

    await undoLast(db, s.id, { now })
    expect(await db.countLines.count()).toBe(0)
    expect(await undoLast(db, s.id, { now })).toBeNull()
    expect(await db.countEvents.count()).toBe(0)
  })

  it('undoes only the scans of its own count', async () => {
    const s = await start()
    await countScan(db, s.id, fx.bolt.ean, { now })
    await db.countEvents.add({
      countId: 'older-count',
      lineId: 'x',
      kind: 'add',
      quantity: 1,
      previous: 0,
      createdLine: true,
      at: now().toISOString()
    })
    const u = await undoLast(db, s.id, { now })
    expect(u?.event.countId).toBe(s.id)
    expect(await db.countEvents.where('countId').equals('older-count').count()).toBe(1)
  })

  it('recounts a line: sets the quantity, clears the mark, and can be undone', async () => {
    const s = await start()
    const o = counted(await countScan(db, s.id, fx.bolt.ean, { now, times: 3 }))
    await markForRecount(db, o.line.id, true)
    expect((await db.countLines.get(o.line.id))?.recount).toBe(true)

    const r = await recountLine(db, o.line.id, 6, { now })
    expect(r.line).toMatchObject({ counted: 6, recount: false, expected: 7 })
    expect(r.event).toMatchObject({ kind: 'set', quantity: 6, previous: 3 })
    expect(await recountedLineIds(db, s.id)).toEqual(new Set([o.line.id]))

    await undoLast(db, s.id, { now })
    expect((await db.countLines.get(o.line.id))?.counted).toBe(3)
    // Undoing the recount puts back the mark it had cleared.
    expect((await db.countLines.get(o.line.id))?.recount).toBe(true)
    expect(await recountedLineIds(db, s.id)).toEqual(new Set())
    await expect(recountLine(db, o.line.id, -1)).rejects.toThrow(/0 or more/)
  })
})

describe('variance review', () => {
  const line = (expected: number, counted: number, recount?: boolean) => ({
    id: `${expected}/${counted}`,
    countId: 'c',
    itemKey: 'i',
    expected,
    counted,
    countedAt: '',
    updatedAt: '',
    ...(recount !== undefined && { recount })
  })

  it('asks for a recount of a difference of 10 % or more, or of anything where nothing was expected', () => {
    expect(reviewRow(line(100, 91), false).needsRecount).toBe(false)
    expect(reviewRow(line(100, 90), false)).toMatchObject({ variance: -10, share: -0.1, needsRecount: true })
    expect(reviewRow(line(100, 111), false).needsRecount).toBe(true)
    expect(reviewRow(line(0, 2), false)).toMatchObject({ variance: 2, share: null, needsRecount: true })
    expect(reviewRow(line(0, 0), false).needsRecount).toBe(false)
    expect(reviewRow(line(7, 7), false).needsRecount).toBe(false)
  })

  it('settles a large difference by recounting, and flags any difference on a line marked for recount', () => {
    expect(reviewRow(line(100, 50), true).needsRecount).toBe(false)
    expect(reviewRow(line(100, 99, true), false).needsRecount).toBe(true)
    expect(reviewRow(line(100, 100, true), false).needsRecount).toBe(false)
    expect(reviewRow(line(100, 99, true), true).needsRecount).toBe(true)
  })

  it('totals expected, counted and the net difference', () => {
    const { totals } = reviewCount([line(10, 12), line(5, 5), line(0, 1), line(8, 2)], new Set(['8/2']))
    expect(totals).toEqual({
      lines: 4,
      expected: 23,
      counted: 20,
      variance: -3,
      withVariance: 3,
      toRecount: 2,
      toApprove: 0
    })
  })
})

describe('a quantity far from expected', () => {
  const limits = defaultVarianceLimits

  it('is not counted until confirmed, then counted as confirmed', async () => {
    const s = await start()
    const asked = await countScan(db, s.id, fx.bolt.ean, { now, times: 71, limits })
    expect(asked).toMatchObject({ status: 'confirm', quantity: 71, counted: 71, expected: 7 })
    expect(asked.status === 'confirm' && asked.reason).toMatch(/more than 10× the 7 expected/)
    expect(await db.countLines.count()).toBe(0)
    expect(counted(await countScan(db, s.id, fx.bolt.ean, { now, times: 70, limits })).line.counted).toBe(70)
    // The next unit takes the line over the limit: asked again.
    const again = await countScan(db, s.id, fx.bolt.ean, { now, limits })
    if (again.status !== 'confirm') throw new Error(again.status)
    const done = counted(
      await countItem(db, s.id, again.item, again.context, { now, limits, confirmed: true })
    )
    expect(done.line.counted).toBe(71)
  })

  it('asks for confirmation of a recount outside the limits too', async () => {
    const s = await start()
    const o = counted(await countScan(db, s.id, fx.bolt.ean, { now }))
    await expect(recountLine(db, o.line.id, 20_000, { limits })).rejects.toBeInstanceOf(UnconfirmedQuantity)
    expect((await db.countLines.get(o.line.id))?.counted).toBe(1)
    await recountLine(db, o.line.id, 20_000, { limits, confirmed: true })
    expect((await db.countLines.get(o.line.id))?.counted).toBe(20_000)
  })

  it('is held at review until a supervisor approves that very quantity', async () => {
    const s = await start()
    const o = counted(await countScan(db, s.id, fx.bolt.ean, { now, times: 1000 }))
    await setCountState(db, s.id, 'review')
    const row = () => db.countLines.get(o.line.id).then((l) => reviewRow(l!, false, 0.1, limits))
    expect(await row()).toMatchObject({ needsApproval: true })
    await expect(submitCount(db, s.id, { limits })).rejects.toThrow(/1 line is far from what was expected/)
    expect((await db.counts.get(s.id))?.state).toBe('review')

    await expect(approveLine(db, o.line.id, { by: '', counted: 1000 })).rejects.toThrow(
      /name of the supervisor/
    )
    await expect(approveLine(db, o.line.id, { by: 'Ana', counted: 100 })).rejects.toThrow(
      /not the one counted/
    )
    await approveLine(db, o.line.id, { by: 'Ana', counted: 1000 }, { now })
    expect(await row()).toMatchObject({ needsApproval: false })

    // A changed quantity needs a new approval.
    await recountLine(db, o.line.id, 999, { confirmed: true })
    expect(await row()).toMatchObject({ needsApproval: true })
    await approveLine(db, o.line.id, { by: 'Ana', counted: 999 })
    const sent = await submitCount(db, s.id, { limits })
    expect(sent).toMatchObject({ variances: 1 })
    expect(sent.csv?.text).toContain('999')
  })
})

describe('items not counted', () => {
  it('lists the stocked items (× lot) no scan found; a line without a lot covers every lot', async () => {
    const s = await start()
    await countScan(db, s.id, fx.bolt.ean, { now })
    const rows = await notCounted(db, s.id)
    expect(rows.map((r) => [r.itemKey, r.lotKey, r.onHand, r.choice])).toEqual(
      expect.arrayContaining([
        [fx.milk.key, fx.lotL1, 10, 'leave'],
        [fx.milk.key, fx.lotL2, 4, 'leave'],
        [fx.milk.key, undefined, 1, 'leave'],
        [fx.glue.c1, undefined, 3, 'leave']
      ])
    )
    expect(rows).toHaveLength(4)
    await countScan(db, s.id, fx.milk.ean, { now })
    expect((await notCounted(db, s.id)).map((r) => r.itemKey)).toEqual([fx.glue.c1])
  })

  it('sets one to zero as the vendor means it, leaves it as is again, and recounts another', async () => {
    const s = await start()
    const rows = await notCounted(db, s.id)
    const glue = rows.find((r) => r.itemKey === fx.glue.c1)!
    await chooseNotCounted(db, s.id, glue, 'zero', { now })
    expect(await db.countLines.get(glue.id)).toMatchObject({ counted: 0, expected: 3, zeroed: true })
    expect((await notCounted(db, s.id)).find((r) => r.id === glue.id)?.choice).toBe('zero')
    await chooseNotCounted(db, s.id, glue, 'leave')
    expect(await db.countLines.get(glue.id)).toBeUndefined()
    expect(await db.countEvents.where('countId').equals(s.id).count()).toBe(0)

    // Frostbyte writes off batch-tracked stock batch by batch: the item's stock outside a batch cannot be zeroed.
    const loose = rows.find((r) => r.itemKey === fx.milk.key && r.lotKey === undefined)!
    await expect(chooseNotCounted(db, s.id, loose, 'zero')).rejects.toThrow(/batch by batch/)
    const l1 = rows.find((r) => r.lotKey === fx.lotL1)!
    await chooseNotCounted(db, s.id, l1, 'zero')
    expect(await db.countLines.get(l1.id)).toMatchObject({ counted: 0, expected: 10 })

    const l2 = rows.find((r) => r.lotKey === fx.lotL2)!
    await recountNotCounted(db, s.id, l2, 3, { now })
    expect(await db.countLines.get(l2.id)).toMatchObject({ counted: 3, expected: 4 })
    expect((await notCounted(db, s.id)).some((r) => r.id === l2.id)).toBe(false)
    // Undo takes the recount back: the lot is not counted again.
    await undoLast(db, s.id)
    expect((await notCounted(db, s.id)).some((r) => r.id === l2.id)).toBe(true)
  })
})
