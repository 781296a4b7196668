import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type StockroomDb } from '../db/db'
import { chooseNotCountedAll, notCounted } from './not-counted'
import { startCount } from './sessions'
import { fx, seedReplica } from './testing'
import { inZone, zoneOf } from './zones'

let db: StockroomDb
let n = 0

beforeEach(async () => {
  db = createDb(`not-counted-bulk-${Math.random()}-${++n}`)
  await seedReplica(db)
})
afterEach(() => db.close())

describe('items not counted, chosen in bulk', () => {
  it('sets exactly the rows shown to zero in one go, names what the vendor refuses, and leaves them all again', async () => {
    const s = await startCount(db, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false })
    const rows = await notCounted(db, s.id)
    const milk = rows.filter((r) => r.itemKey === fx.milk.key)
    expect(milk).toHaveLength(3)

    // Frostbyte zeroes batch-tracked stock batch by batch: the unit outside any batch is refused, by name.
    const { changed, refused } = await chooseNotCountedAll(db, s.id, milk, 'zero')
    expect(changed).toBe(2)
    expect(refused.map((r) => [r.row.lotKey, r.reason])).toEqual([
      [undefined, expect.stringMatching(/batch by batch/)]
    ])
    const lines = await db.countLines.where('countId').equals(s.id).toArray()
    expect(lines.map((l) => [l.lotKey, l.counted, l.zeroed]).sort()).toEqual(
      [
        [fx.lotL1, 0, true],
        [fx.lotL2, 0, true]
      ].sort()
    )
    const after = await notCounted(db, s.id)
    expect(
      after
        .filter((r) => r.choice === 'zero')
        .map((r) => r.lotKey)
        .sort()
    ).toEqual([fx.lotL1, fx.lotL2])

    expect((await chooseNotCountedAll(db, s.id, milk, 'leave')).changed).toBe(3)
    expect(await db.countLines.where('countId').equals(s.id).count()).toBe(0)
    expect(await db.countEvents.where('countId').equals(s.id).count()).toBe(0)
  })
})

describe('items not counted, chosen for one zone', () => {
  it("reads the zone from the bin code, shows the zone's lines and zeroes only those wholly in it", async () => {
    expect(zoneOf('AKL-A-01-02')).toBe('AKL-A')
    expect(zoneOf('A-01')).toBe('A-01')
    // Bolt stands in zone MDC-A only; glue in MDC-A and MDC-B.
    await db.stock
      .where('itemKey')
      .anyOf(fx.bolt.key, fx.glue.c1)
      .and((s) => s.locationKey === fx.warehouse)
      .modify((s) => {
        s.bins =
          s.itemKey === fx.bolt.key
            ? [{ code: 'MDC-A-01-01', onHand: 7 }]
            : [
                { code: 'MDC-A-02-01', onHand: 2 },
                { code: 'MDC-B-01-01', onHand: 1 }
              ]
      })
    const s = await startCount(db, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false })
    const rows = await notCounted(db, s.id)
    const shown = inZone(rows, 'MDC-A')
    expect(shown.map((r) => r.itemKey).sort()).toEqual([fx.bolt.key, fx.glue.c1].sort())
    expect(inZone(rows, 'MDC-B').map((r) => r.itemKey)).toEqual([fx.glue.c1])

    const { changed, refused } = await chooseNotCountedAll(db, s.id, shown, 'zero', { zone: 'MDC-A' })
    expect(changed).toBe(1)
    expect(refused.map((r) => [r.row.itemKey, r.reason])).toEqual([
      [fx.glue.c1, 'part of its stock is in zone MDC-B: recount it instead.']
    ])
    const lines = await db.countLines.where('countId').equals(s.id).toArray()
    expect(lines.map((l) => [l.itemKey, l.counted, l.expected])).toEqual([[fx.bolt.key, 0, 7]])
  })
})
