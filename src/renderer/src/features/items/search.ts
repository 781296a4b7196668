import { parseScan } from '../../../../shared/scan/parse-scan'
import type { Item } from '../../../../shared/model/records'
import type { StockroomDb } from '../../db/db'

export const SEARCH_LIMIT = 100

/**
 * Items matching what was typed or scanned, across every connection: a code
 * (barcode, GTIN in any length, SKU, supplier code) by the code index, else
 * words of name and SKU by prefix. Exact code matches come first.
 */
export async function searchItems(db: StockroomDb, text: string, limit = SEARCH_LIMIT): Promise<Item[]> {
  const q = text.trim()
  if (q === '') return db.items.orderBy('name').limit(limit).toArray()

  const scan = parseScan(q)
  const keys = scan.ok ? scan.keys : [q.toUpperCase()]
  const exact = keys.length > 0 ? await db.items.where('codes').anyOf(keys).limit(limit).toArray() : []
  if (scan.ok && scan.kind !== 'plain') return dedupe(exact) // a valid barcode means that code only

  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
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
  return dedupe([...exact, ...bySku, ...byWords]).slice(0, limit)
}

function dedupe(items: Item[]): Item[] {
  const seen = new Set<string>()
  return items.filter((i) => !seen.has(i.key) && (seen.add(i.key), true))
}
