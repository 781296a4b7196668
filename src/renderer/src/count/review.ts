import { defaultVarianceLimits, outsized, type VarianceLimits } from '../../../shared/count/quantity'
import type { CountLine } from '../../../shared/model/records'
import { roundQty } from './lines'

/** A difference of at least this share of the expected quantity asks for a recount. */
export const RECOUNT_THRESHOLD = 0.1

export interface ReviewRow {
  line: CountLine
  /** counted − expected */
  variance: number
  /** variance / expected; null when nothing was expected. */
  share: number | null
  /** Counted again with "recount" since. */
  recounted: boolean
  /**
   * Worth a second look before the difference is sent: a large difference (at least
   * {@link RECOUNT_THRESHOLD} of expected, or anything where nothing was expected), or
   * any difference on a line someone marked for recount. Recounting settles a large
   * difference; marking the line again asks for yet another look.
   */
  needsRecount: boolean
  /** Outside this PC's variance limits (why, in plain words), or null. */
  outsized: string | null
  /** Outside the limits and not approved for the quantity it now has: it cannot be sent. */
  needsApproval: boolean
}

export interface ReviewTotals {
  lines: number
  expected: number
  counted: number
  /** Net: counted − expected over all lines. */
  variance: number
  /** Lines whose counted quantity differs from the expected one. */
  withVariance: number
  toRecount: number
  toApprove: number
}

/** True when a line is outside the limits and no approval covers the quantity it has now. */
export function needsApproval(line: CountLine, limits: VarianceLimits): boolean {
  return outsized(line.expected, line.counted, limits) !== null && line.approval?.counted !== line.counted
}

export function reviewRow(
  line: CountLine,
  recounted: boolean,
  threshold = RECOUNT_THRESHOLD,
  limits: VarianceLimits = defaultVarianceLimits
): ReviewRow {
  const variance = roundQty(line.counted - line.expected)
  const share = line.expected === 0 ? null : variance / line.expected
  const large = variance !== 0 && Math.abs(variance) >= threshold * Math.abs(line.expected)
  const flagged = line.recount === true && variance !== 0
  return {
    line,
    variance,
    share,
    recounted,
    needsRecount: flagged || (large && !recounted),
    outsized: outsized(line.expected, line.counted, limits),
    needsApproval: needsApproval(line, limits)
  }
}

export function reviewCount(
  lines: CountLine[],
  recounted: ReadonlySet<string>,
  threshold = RECOUNT_THRESHOLD,
  limits: VarianceLimits = defaultVarianceLimits
): { rows: ReviewRow[]; totals: ReviewTotals } {
  const rows = lines.map((l) => reviewRow(l, recounted.has(l.id), threshold, limits))
  const totals: ReviewTotals = {
    lines: rows.length,
    expected: roundQty(rows.reduce((n, r) => n + r.line.expected, 0)),
    counted: roundQty(rows.reduce((n, r) => n + r.line.counted, 0)),
    variance: roundQty(rows.reduce((n, r) => n + r.variance, 0)),
    withVariance: rows.filter((r) => r.variance !== 0).length,
    toRecount: rows.filter((r) => r.needsRecount).length,
    toApprove: rows.filter((r) => r.needsApproval).length
  }
  return { rows, totals }
}
