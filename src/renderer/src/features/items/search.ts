import { parseScan } from '../../../../shared/scan/parse-scan'
import type { Item } from '../../../../shared/model/records'
import { searchGrams, searchWords } from '../../../../shared/vendors/common'
import type { StockroomDb } from '../../db/db'
import { itemsForCode } from '../../count/barcode-links'
import { fuzzyWordMatch } from './fuzzy-match'

/** Results drawn at most while typing: enough to pick from, few enough to draw within a frame or two. */
export const SEARCH_LIMIT = 50

/**
 * Keys read per piece when looking inside words. A piece as common as "ing"
 * may sit in thousands of names; reading only this many keeps a search quick at
 * a hundred thousand items, and the other pieces of the word still find the rest.
 */
const KEYS_PER_GRAM = 1_000
/** Fewer items than this with a word starting so, and a word is rare enough to read all its items. */
const RARE = 200
/** Items read per page, and at most, when every typed word is common. */
const PAGE = 250
const READ_BUDGET = 2_500
/** Candidates read in full and checked letter by letter, best-matched first. */
const CANDIDATES = 120

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
  const byCode = itemsForCode(db, keys).then((items) => items.slice(0, limit))
  if (scan.ok && scan.kind !== 'plain') return dedupe(await byCode)

  const words = searchWords(q)
  const [exact, byName, byWords, bySku] = await Promise.all([
    byCode,
    // An item's exact name or description comes first, however many others share its words.
    db.items.where('name').equalsIgnoreCase(q).limit(limit).toArray(),
    byWordPrefixes(db, words, limit),
    db.items.where('sku').startsWithIgnoreCase(q).limit(limit).toArray()
  ])
  const found = dedupe([...exact, ...byName, ...bySku, ...byWholeWords(byWords, words)])
  if (found.length > 0) return found.slice(0, limit)
  return byPieces(db, words, limit, new Set())
}

/**
 * Items with a word starting with each typed word, by the word index and always
 * with bulk reads (a filtered cursor costs a round trip per item it passes over).
 * The first {@link RARE} keys of each word tell a rare word from a common one: a
 * rare word's items are all read at once and checked for the other words;
 * when every word is common, the longest (the last of equals, usually the most
 * specific: "fnb 007") is read a page at a time until enough match or
 * {@link READ_BUDGET} items were read.
 */
async function byWordPrefixes(db: StockroomDb, words: string[], limit: number): Promise<Item[]> {
  const [only] = words
  if (only === undefined) return []
  if (words.length === 1) return db.items.where('words').startsWith(only).limit(limit).toArray()
  const hasAll = (item: Item) => words.every((w) => item.words.some((iw) => iw.startsWith(w)))
  const keys = await Promise.all(
    words.map((w) => db.items.where('words').startsWith(w).limit(RARE).primaryKeys())
  )
  const rarest = keys.reduce((a, b) => (b.length < a.length ? b : a))
  if (rarest.length < RARE) {
    const items = await db.items.bulkGet([...new Set(rarest)])
    return byWholeWords(
      items.filter((i): i is Item => i !== undefined && hasAll(i)),
      words
    ).slice(0, limit)
  }
  const lead = words.reduce((a, b) => (b.length >= a.length ? b : a))
  const found = new Map<string, Item>()
  for (let read = 0; read < READ_BUDGET && found.size < limit; read += PAGE) {
    const page = await db.items.where('words').startsWith(lead).offset(read).limit(PAGE).toArray()
    for (const item of page) if (hasAll(item) && found.size < limit) found.set(item.key, item)
    if (page.length < PAGE) break
  }
  return [...found.values()]
}

/** Items whose words contain every query word, or nearly (see {@link fuzzyWordMatch}), best first. */
async function byPieces(db: StockroomDb, words: string[], room: number, seen: Set<string>): Promise<Item[]> {
  const grams = searchGrams(words)
  if (grams.length === 0) return []
  const hits = new Map<string, number>()
  await Promise.all(
    grams.map(async (g) => {
      const keys = await db.itemPieces.where('grams').equals(g).limit(KEYS_PER_GRAM).primaryKeys()
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

/**
 * Items whose words equal more of the typed words first ("1018 sheet #30" before
 * "1018 sheet #300"); otherwise in the order found.
 */
function byWholeWords(items: Item[], words: string[]): Item[] {
  const whole = (i: Item) => words.filter((w) => i.words.includes(w)).length
  return items
    .map((item, at) => ({ item, at, whole: whole(item) }))
    .sort((a, b) => b.whole - a.whole || a.at - b.at)
    .map((x) => x.item)
}

function dedupe(items: Item[]): Item[] {
  const seen = new Set<string>()
  return items.filter((i) => !seen.has(i.key) && (seen.add(i.key), true))
}
