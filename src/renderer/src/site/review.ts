import type { HostClient } from '../../../shared/host-api/client'
import type { StockroomDb } from '../db/db'
import type { CounterPart } from '../count/counters'
import { lineIdOf, roundQty } from '../count/lines'
import { siteParts } from './parts'

export interface SiteReviewLine {
  lineId: string
  itemKey: string
  lotKey?: string
  /** This PC's part first, then each other PC's: what `formatParts` shows ("PC-1 5 + PC-2 3 = 8"). */
  parts: CounterPart[]
  total: number
}

export type SiteReview =
  | { state: 'off' }
  | { state: 'unreachable' }
  | { state: 'ok'; lines: SiteReviewLine[]; pcs: string[] }

/**
 * The review of a count with what the other PCs counted at the same location
 * summed in live, line by line, as a brought-in file is summed: read again on
 * every `site:changed`. Nothing is taken from the other PCs until this count
 * is submitted ({@link submitWithSite}).
 */
export async function siteReview(
  db: StockroomDb,
  host: HostClient,
  countId: string,
  here: string
): Promise<SiteReview> {
  const remote = await siteParts(db, host, countId)
  if (remote.state !== 'ok') return remote
  const own = await db.countLines.where('countId').equals(countId).toArray()
  const lines = new Map<string, SiteReviewLine>()
  for (const l of own)
    lines.set(l.id, {
      lineId: l.id,
      itemKey: l.itemKey,
      ...(l.lotKey !== undefined && { lotKey: l.lotKey }),
      parts: l.counted !== 0 ? [{ counter: here, quantity: l.counted }] : [],
      total: l.counted
    })
  for (const p of remote.parts) {
    const id = lineIdOf(countId, p.itemKey, p.lotKey)
    if (!lines.has(id))
      lines.set(id, {
        lineId: id,
        itemKey: p.itemKey,
        ...(p.lotKey !== undefined && { lotKey: p.lotKey }),
        parts: [],
        total: 0
      })
  }
  for (const [id, theirs] of remote.byLine) {
    const line = lines.get(id)!
    for (const t of theirs) line.parts.push({ counter: t.pc, quantity: t.quantity })
    line.total = roundQty(line.parts.reduce((n, p) => n + p.quantity, 0))
  }
  return { state: 'ok', lines: [...lines.values()], pcs: remote.pcs }
}
