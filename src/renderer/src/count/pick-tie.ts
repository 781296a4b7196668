import { itemRef } from '../../../shared/model/item-identity'
import type { Item } from '../../../shared/model/records'

/**
 * The best matches tie when the first results look alike (the same name) and
 * what was typed does not single one out (its SKU or id): Enter must not link
 * the first of them; the person chooses, with the differences shown.
 */
export function tiedAtTop(items: Pick<Item, 'name' | 'sku' | 'vendorId'>[], typed: string): boolean {
  const [first, second] = items
  if (!first || !second) return false
  const q = typed.trim().toLowerCase()
  if (items.filter((i) => itemRef(i).toLowerCase() === q).length === 1) return false
  const name = first.name.trim().toLowerCase()
  return second.name.trim().toLowerCase() === name
}
