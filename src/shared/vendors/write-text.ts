/** Quantities as vendors take them: at most six decimals, no float noise. */
export const roundQty = (n: number) => Math.round(n * 1e6) / 1e6

export const signed = (n: number) => (n > 0 ? `+${roundQty(n)}` : `${roundQty(n)}`)

/** "3 lines (A, B, C, …)" for a write's description. */
export function describeLines(lines: { label: string }[]): string {
  const names = lines.map((v) => v.label).slice(0, 3)
  return `${lines.length} lines (${names.join(', ')}${lines.length > 3 ? ', …' : ''})`
}
