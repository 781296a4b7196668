import type { CountLine } from '../../../shared/model/records'
import { lineIdOf, roundQty } from './lines'
import type { NotCountedRow, StockAt } from './not-counted'
import { addBins } from './zones'

/**
 * The stock of a location grouped as count lines (one per item × lot), in the order
 * it is listed. Built once per sync of that stock, not per scan.
 */
export interface StockGroups {
  rows: Omit<NotCountedRow, 'choice'>[]
  byId: Map<string, Omit<NotCountedRow, 'choice'>>
  /** Ids of an item's lot rows: a line for the whole item covers them all. */
  lotRowsOf: Map<string, string[]>
  /** Rows with something on hand: what is not counted before anything is. */
  stocked: number
}

export function groupStock(countId: string, stock: readonly StockAt[]): StockGroups {
  const byId = new Map<string, Omit<NotCountedRow, 'choice'>>()
  const lotRowsOf = new Map<string, string[]>()
  for (const s of stock) {
    const id = lineIdOf(countId, s.itemKey, s.lotKey)
    let row = byId.get(id)
    if (!row) {
      row = { id, itemKey: s.itemKey, ...(s.lotKey !== undefined && { lotKey: s.lotKey }), onHand: 0 }
      byId.set(id, row)
      if (s.lotKey !== undefined) lotRowsOf.set(s.itemKey, [...(lotRowsOf.get(s.itemKey) ?? []), id])
    }
    row.onHand = roundQty(row.onHand + s.onHand)
    const bins = addBins(row.bins, s.bins)
    if (bins) row.bins = bins
  }
  const rows = [...byId.values()]
  return { rows, byId, lotRowsOf, stocked: rows.filter((r) => r.onHand !== 0).length }
}

/** What the lines leave uncounted, read without a pass over the location's stock. */
export interface Uncounted {
  /** Rows listed (left as they are, or set to zero). */
  total: number
  /** Rows left as they are: still waiting for a scan. */
  waiting: number
  /** The first `n` waiting rows, in the stock's order. */
  firstWaiting(n: number): NotCountedRow[]
  /** Every row, as {@link missingFrom} gives them. */
  all(): NotCountedRow[]
}

/**
 * {@link missingFrom} for a count screen: the same rows, but a scan costs as much as
 * the count has lines, not as much as the location has stock (only the rows the lines
 * touch are looked at, and the list is read only as far as it is shown).
 */
export function uncounted(groups: StockGroups, lines: readonly CountLine[]): Uncounted {
  const lineOf = new Map<string, CountLine>()
  const wholeItems = new Set<string>()
  for (const l of lines) {
    lineOf.set(l.id, l)
    if (l.lotKey === undefined && !l.zeroed) wholeItems.add(l.itemKey)
  }
  const choiceOf = (row: Omit<NotCountedRow, 'choice'>): NotCountedRow['choice'] | null => {
    const line = lineOf.get(row.id)
    if ((line && !line.zeroed) || (row.lotKey !== undefined && wholeItems.has(row.itemKey))) return null
    const choice = line?.zeroed ? 'zero' : 'leave'
    return row.onHand !== 0 || choice === 'zero' ? choice : null
  }
  // Only rows the lines touch can differ from "stocked and waiting".
  const touched = new Set<string>()
  for (const l of lines) if (groups.byId.has(l.id)) touched.add(l.id)
  for (const item of wholeItems) for (const id of groups.lotRowsOf.get(item) ?? []) touched.add(id)
  let total = groups.stocked
  let waiting = groups.stocked
  for (const id of touched) {
    const row = groups.byId.get(id)!
    const was = row.onHand !== 0 ? 1 : 0
    const choice = choiceOf(row)
    total += (choice === null ? 0 : 1) - was
    waiting += (choice === 'leave' ? 1 : 0) - was
  }
  const listed = function* (): Generator<NotCountedRow> {
    for (const row of groups.rows) {
      const choice = touched.has(row.id) ? choiceOf(row) : row.onHand !== 0 ? 'leave' : null
      if (choice !== null) yield { ...row, choice }
    }
  }
  return {
    total,
    waiting,
    firstWaiting(n) {
      const out: NotCountedRow[] = []
      if (n <= 0) return out
      for (const row of listed()) if (row.choice === 'leave' && out.push(row) >= n) break
      return out
    },
    all: () => [...listed()]
  }
}
