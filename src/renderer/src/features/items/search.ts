import { parseScan } from '../../../../shared/scan/parse-scan'
import type { Item } from '../../../../shared/model/records'
import { searchGrams, searchWords } from '../../../../shared/vendors/common'
import type { StockroomDb } from '../../db/db'
import { itemsForCode } from '../../count/barcode-links'
import { fuzzyWordMatch } from './fuzzy-match'

export const SEARCH_LIMIT = 100

/**
 * Keys read per piece when looking inside words. A piece as common as "ing"
 * may sit in thousands of names; reading only this many keeps a search quick at
 * a hundred thousand items, and the other pieces of the word still find the rest.
 */
const KEYS_PER_GRAM = 2_000
/** Candidates read in full and checked letter by letter, best-matched first. */
const CANDIDATES = 400

/**
 * Items matching what was typed or scanned, across every connection, all by
 * index (never a walk over the whole table):
 * 1. a code (barcode, GTIN in any length, SKU, supplier code) by the code index,
 *    or a code linked by hand; a valid barcode means that code only;
 * 2. words of name and SKU by prefix, and the SKU by prefix;
 * 3. only when those find nothing: words found inside other words and words with
 *    one slip (two in long words), by three-letter pieces. A code or name that
 *    matches as typed is never crowded by near misses (a count's item picker
 *    shows the one SKU typed, not eight that look like it).
 * In that order, without repeats.
 */
export async function searchItems(db: StockroomDb, text: string, limit = SEARCH_LIMIT): Promise<Item[]> {
  const q = text.trim()
  if (q === '') return db.items.orderBy('name').limit(limit).toArray()

  const scan = parseScan(q)
  const keys = scan.ok ? scan.keys : [q.toUpperCase()]
  const exact = (await itemsForCode(db, keys)).slice(0, limit)
  if (scan.ok && scan.kind !== 'plain') return dedupe(exact)

  const words = searchWords(q)
  const [first, ...rest] = words
  const byWords = first
    ? await db.items
        .where('words')
        .startsWith(first)
        .filter((item) => rest.every((w) => item.words.some((iw) => iw.startsWith(w))))
        .limit(limit)
        .toArray()
    : []
  const bySku = await db.items.where('sku').startsWithIgnoreCase(q).limit(limit).toArray()
  const found = dedupe([...exact, ...bySku, ...byWords])
  if (found.length > 0) return found.slice(0, limit)
  return byPieces(db, words, limit, new Set())
}

/** Items whose words contain every query word, or nearly (see {@link fuzzyWordMatch}), best first. */
async function byPieces(db: StockroomDb, words: string[], room: number, seen: Set<string>): Promise<Item[]> {
  const grams = searchGrams(words)
  if (grams.length === 0) return []
  const hits = new Map<string, number>()
  await Promise.all(
    grams.map(async (g) => {
      const keys = await db.items.where('grams').equals(g).limit(KEYS_PER_GRAM).primaryKeys()
      for (const k of keys) if (!seen.has(k)) hits.set(k, (hits.get(k) ?? 0) + 1)
    })
  )
  // A slip changes at most three pieces of a word (two in long words is allowed: six).
  const slack = words.reduce((n, w) => n + (w.length >= 8 ? 6 : w.length >= 4 ? 3 : 0), 0)
  const need = Math.max(1, grams.length - slack)
  const candidates = [...hits]
    .filter(([, n]) => n >= need)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES)
  const items = await db.items.bulkGet(candidates.map(([k]) => k))
  return items
    .flatMap((item) => {
      if (!item) return []
      let cost = 0
      for (const w of words) {
        const best = Math.min(...item.words.map((iw) => fuzzyWordMatch(w, iw)))
        if (!Number.isFinite(best)) return []
        cost += best
      }
      return [{ item, cost }]
    })
    .sort((a, b) => a.cost - b.cost || a.item.name.localeCompare(b.item.name))
    .slice(0, room)
    .map((m) => m.item)
}

function dedupe(items: Item[]): Item[] {
  const seen = new Set<string>()
  return items.filter((i) => !seen.has(i.key) && (seen.add(i.key), true))
}
