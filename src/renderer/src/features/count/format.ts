// One formatter, made once: `toLocaleString` with options builds a new one on every call, which
// cost a count screen milliseconds per scan.
const qty = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 })

/** Quantities as people read them: grouped thousands, at most three decimals (kg, m). */
export function formatQty(n: number): string {
  return qty.format(n)
}

/** A difference with its sign always shown, and a real minus sign. */
export function formatVariance(n: number): string {
  if (n === 0) return '0'
  return `${n > 0 ? '+' : '−'}${formatQty(Math.abs(n))}`
}

export function formatShare(share: number | null): string {
  if (share === null) return '—'
  return `${share > 0 ? '+' : share < 0 ? '−' : ''}${Math.abs(share * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })} %`
}
