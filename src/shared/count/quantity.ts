/**
 * Quantities that cannot go wrong silently.
 *
 * A keyboard-wedge scan whose keys come slower than the burst gap is typed into
 * whatever field has focus. In the Quantity field that turns a barcode into a
 * quantity ("12" + "09442575…" = 1,209,442,575 units). Two guards, each enough on
 * its own: a code-like run of digits in the field is never a quantity, and a
 * line far from what was expected needs an explicit confirmation when entered and
 * a supervisor's approval before it is sent.
 */

/** A typed quantity with this many digits in a row is a barcode (GTIN-8 and up, most SKUs), not a count. */
export const CODE_LIKE_DIGITS = 7

export type TypedQuantity =
  | { status: 'empty' }
  | { status: 'ok'; value: number }
  /** Looks like a barcode that landed in the field: never used. */
  | { status: 'code-like'; text: string }
  | { status: 'invalid'; text: string }

/** Reads what is in the Quantity field ("12", "2.5", "1,000"); anything doubtful is not a quantity. */
export function readTypedQuantity(text: string): TypedQuantity {
  const t = text.trim()
  if (t === '') return { status: 'empty' }
  const digitRun = Math.max(0, ...(t.match(/\d+/g) ?? []).map((run) => run.length))
  if (digitRun >= CODE_LIKE_DIGITS) return { status: 'code-like', text: t }
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(t)) return { status: 'invalid', text: t }
  const value = Number(t.replace(/,/g, ''))
  if (!Number.isFinite(value) || value <= 0) return { status: 'invalid', text: t }
  return { status: 'ok', value }
}

/** When a line is far enough from what was expected to need confirming and approving. Set per PC. */
export interface VarianceLimits {
  /** Counted more than this many times what was expected (1 when nothing was expected). */
  factor: number
  /** A difference of more than this many units either way. */
  ceiling: number
}

export const defaultVarianceLimits: VarianceLimits = { factor: 10, ceiling: 10_000 }

/** Says why a line is outside the limits, in plain words, or null when it is within them. */
export function outsized(expected: number, counted: number, limits: VarianceLimits): string | null {
  const variance = counted - expected
  if (Math.abs(variance) > limits.ceiling) {
    return `a difference of ${Math.abs(variance).toLocaleString('en')} units is over the limit of ${limits.ceiling.toLocaleString('en')}`
  }
  const base = Math.max(Math.abs(expected), 1)
  if (counted > limits.factor * base) {
    return expected > 0
      ? `${counted.toLocaleString('en')} is more than ${limits.factor}× the ${expected.toLocaleString('en')} expected`
      : `${counted.toLocaleString('en')} is more than ${limits.factor} where none were expected`
  }
  return null
}
