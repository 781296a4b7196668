import type { CountEvent } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { roundQty } from './lines'

/** Who counted what of one line: the parts, in the order each counter first counted it. */
export interface CounterPart {
  counter: string
  quantity: number
}

/** Scans made before counters had names (and tests without one) count under this. */
export const UNNAMED_COUNTER = 'This PC'

/**
 * Each counter's part of every line, from the count's scans in order. A recount
 * ("set") is a part of its own: what it added or took away from the line as it then
 * stood, so the parts always sum to the line's counted quantity.
 */
export function counterParts(events: readonly CountEvent[]): Map<string, CounterPart[]> {
  const byLine = new Map<string, Map<string, number>>()
  for (const e of events) {
    let parts = byLine.get(e.lineId)
    if (!parts) byLine.set(e.lineId, (parts = new Map()))
    const who = e.counter ?? UNNAMED_COUNTER
    const delta = e.kind === 'set' ? e.quantity - e.previous : e.quantity
    parts.set(who, roundQty((parts.get(who) ?? 0) + delta))
  }
  const out = new Map<string, CounterPart[]>()
  for (const [lineId, parts] of byLine) {
    out.set(
      lineId,
      [...parts].filter(([, q]) => q !== 0).map(([counter, quantity]) => ({ counter, quantity }))
    )
  }
  return out
}

/** "Ana 5 + Ben 7 = 12"; a recount that took units away reads "Sam (recount) −1". */
export function formatParts(
  parts: readonly CounterPart[],
  total: number,
  format: (n: number) => string
): string {
  const terms = parts.map((p, i) => {
    const n = `${p.quantity < 0 ? '−' : ''}${format(Math.abs(p.quantity))}`
    return i === 0 ? `${p.counter} ${n}` : `+ ${p.counter} ${n}`
  })
  return `${terms.join(' ')} = ${format(total)}`
}

/** The counters of a count and each one's parts per line: read once, for the review. */
export async function countCounters(
  db: StockroomDb,
  countId: string
): Promise<{ counters: string[]; parts: Map<string, CounterPart[]> }> {
  const events = await db.countEvents
    .where('[countId+id]')
    .between([countId, -Infinity], [countId, Infinity])
    .toArray()
  const parts = counterParts(events)
  // Only who has a part in some line counted: "set to zero" for stock nobody found is a choice at
  // review, not a counter, and must not turn one person's count into "several counters".
  const counters = new Set<string>()
  for (const e of events) {
    const who = e.counter ?? UNNAMED_COUNTER
    if (parts.get(e.lineId)?.some((p) => p.counter === who)) counters.add(who)
  }
  return { counters: [...counters], parts }
}
