/** Quantities as vendors take them: at most six decimals, no float noise. */
export const roundQty = (n: number) => Math.round(n * 1e6) / 1e6

export const signed = (n: number) => (n > 0 ? `+${roundQty(n)}` : `${roundQty(n)}`)

/** "3 lines (A, B, C, …)" for a write's description. */
export function describeLines(lines: { label: string }[]): string {
  const names = lines.map((v) => v.label).slice(0, 3)
  return `${lines.length} lines (${names.join(', ')}${lines.length > 3 ? ', …' : ''})`
}

/** The `notes` a frozen JSON body carries (shown in the vendor's history), if any. */
export function notesOf(body: string): string | undefined {
  try {
    const notes = (JSON.parse(body) as { notes?: unknown }).notes
    return typeof notes === 'string' ? notes : undefined
  } catch {
    return undefined
  }
}
