import { codeKeys } from '../scan/gtin'

/** Every normalised lookup key of an item: its SKU and all its barcodes, without repeats. */
export function itemCodes(...codes: (string | null | undefined)[]): string[] {
  const keys = new Set<string>()
  for (const c of codes) if (c) for (const k of codeKeys(c)) keys.add(k)
  return [...keys]
}

/**
 * The one tokeniser of item search: lower-cased runs of letters and digits.
 * The replica indexes an item's name and SKU with it and the search splits what
 * was typed with it, so the two can never disagree about what a word is.
 */
export function searchWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>()
  for (const text of texts) {
    for (const w of (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w)
  }
  return [...words]
}

/** Length of the pieces {@link searchGrams} cuts words into. */
export const GRAM = 3

/**
 * Every three-letter piece of the given words ("honey" → hon, one, ney), without
 * repeats: the index that finds a word inside another ("flower" in "wildflower")
 * and a word typed with a slip ("wildflowr" shares 6 of its 7 pieces with
 * "wildflower"). Words shorter than a piece are left to the word index.
 */
export function searchGrams(words: readonly string[]): string[] {
  const grams = new Set<string>()
  for (const w of words) for (let i = 0; i + GRAM <= w.length; i++) grams.add(w.slice(i, i + GRAM))
  return [...grams]
}

/** zod issues of a rejected vendor record as one short reason. */
export function issueSummary(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`)
    .join('; ')
}
