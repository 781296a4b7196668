import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CountLine } from '../../../shared/model/records'
import { lineIdOf } from './lines'
import { missingFrom, type StockAt } from './not-counted'
import { groupStock, uncounted } from './uncounted'

const COUNT = 'count-1'
const items = ['i1', 'i2', 'i3', 'i4']
const lots = [undefined, 'l1', 'l2']

const stockRow = fc.record({
  itemKey: fc.constantFrom(...items),
  lotKey: fc.constantFrom(...lots),
  onHand: fc.constantFrom(0, 1, 2.5, -1, 7)
})
const lineRow = fc.record({
  itemKey: fc.constantFrom(...items),
  lotKey: fc.constantFrom(...lots),
  zeroed: fc.boolean()
})

const asStock = (r: { itemKey: string; lotKey: string | undefined; onHand: number }): StockAt => ({
  itemKey: r.itemKey,
  ...(r.lotKey !== undefined && { lotKey: r.lotKey }),
  onHand: r.onHand
})

const asLine = (r: { itemKey: string; lotKey: string | undefined; zeroed: boolean }): CountLine => ({
  id: lineIdOf(COUNT, r.itemKey, r.lotKey),
  countId: COUNT,
  itemKey: r.itemKey,
  ...(r.lotKey !== undefined && { lotKey: r.lotKey }),
  counted: r.zeroed ? 0 : 1,
  expected: 0,
  countedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...(r.zeroed && { zeroed: true })
})

describe('what a count leaves uncounted, read per scan', () => {
  it('lists exactly what a full pass over the stock lists, in the same order, with the same totals', () => {
    fc.assert(
      fc.property(fc.array(stockRow, { maxLength: 25 }), fc.array(lineRow, { maxLength: 8 }), (s, l) => {
        const stock = s.map(asStock)
        const lines = [...new Map(l.map(asLine).map((x) => [x.id, x])).values()]
        const expected = missingFrom(COUNT, stock, lines)
        const view = uncounted(groupStock(COUNT, stock), lines)
        expect(view.all()).toEqual(expected)
        expect(view.total).toBe(expected.length)
        const waiting = expected.filter((r) => r.choice === 'leave')
        expect(view.waiting).toBe(waiting.length)
        expect(view.firstWaiting(2)).toEqual(waiting.slice(0, 2))
      }),
      { seed: 15, numRuns: 500 }
    )
  })

  it('reads the stock only as far as the rows shown', () => {
    const stock = Array.from({ length: 10_000 }, (_, i) => ({ itemKey: `i${i}`, onHand: 1 }))
    const groups = groupStock(COUNT, stock)
    const view = uncounted(groups, [asLine({ itemKey: 'i0', lotKey: undefined, zeroed: false })])
    expect(view.waiting).toBe(9_999)
    expect(view.firstWaiting(3).map((r) => r.itemKey)).toEqual(['i1', 'i2', 'i3'])
  })
})
