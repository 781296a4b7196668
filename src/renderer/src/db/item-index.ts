import type { Item } from '../../../shared/model/records'
import { searchGrams } from '../../../shared/vendors/common'

/** An item as the replica stores it (rows written before schema 9 may still carry their pieces). */
export type IndexedItem = Item & { grams?: string[] }

/**
 * The three-letter pieces of an item's words, in a store of their own: search
 * inside words and past a typo reads them; the item store stays lean for the
 * sync and the scans.
 */
export interface ItemPieces {
  key: string
  grams: string[]
}

/** The pieces row of an item (undefined when its words are too short to have pieces). */
export function piecesOf(item: Pick<Item, 'key' | 'words'>): ItemPieces | undefined {
  const grams = searchGrams(item.words)
  return grams.length > 0 ? { key: item.key, grams } : undefined
}
