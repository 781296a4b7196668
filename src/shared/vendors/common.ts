import { codeKeys } from '../scan/gtin'

/** Every normalised lookup key of an item: its SKU and all its barcodes, without repeats. */
export function itemCodes(...codes: (string | null | undefined)[]): string[] {
  const keys = new Set<string>()
  for (const c of codes) if (c) for (const k of codeKeys(c)) keys.add(k)
  return [...keys]
}

/** Lower-cased words of name and SKU, for prefix search as you type (same rule as the replica schema). */
export function searchWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>()
  for (const text of texts) {
    for (const w of (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w)
  }
  return [...words]
}

/** zod issues of a rejected vendor record as one short reason. */
export function issueSummary(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`)
    .join('; ')
}
