import type { Item } from '../../../shared/model/records'
import { searchGrams } from '../../../shared/vendors/common'

/** An item as the replica stores it: with the pieces of its words, for search inside words and past a typo. */
export type IndexedItem = Item & { grams?: string[] }

/** Adds the search pieces to an item on its way into the replica (every write of a whole item goes through this). */
export function indexItem<T extends Item>(item: T): T & { grams: string[] } {
  return { ...item, grams: searchGrams(item.words) }
}
