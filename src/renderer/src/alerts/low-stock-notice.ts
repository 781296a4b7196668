import { plural } from '../../../shared/plural'
import type { Notice } from '../../../shared/host-api/notices'
import { itemRef } from '../../../shared/model/item-identity'
import type { Item } from '../../../shared/model/records'

/** How many item names a grouped notice lists before "and N more". */
const NAMED = 3

/**
 * The one notice a sync of one connection raises for the items that crossed
 * their minimum: the item itself when one did, a group when several did, a
 * summary on the first sync of a connection (everything low is "new" then).
 */
export function lowStockNotice(o: {
  connectionId: string
  connectionLabel: string
  crossed: (Pick<Item, 'key' | 'sku' | 'name' | 'onHand' | 'minLevel' | 'unit'> & { vendorId?: string })[]
  firstSync: boolean
}): Notice | undefined {
  const { crossed, connectionLabel: at, connectionId } = o
  if (crossed.length === 0) return undefined
  const list = { kind: 'low-stock' as const, connectionId }
  if (o.firstSync)
    return {
      title: `${plural(crossed.length, 'item is', 'items are')} low at ${at}`,
      body: `First sync: ${plural(crossed.length, 'item stands', 'items stand')} at or below the minimum. From now on you are told when another one runs low.`,
      target: list
    }
  if (crossed.length === 1) {
    const item = crossed[0]!
    const unit = item.unit ? ` ${item.unit}` : ''
    return {
      title: `Low stock: ${itemRef(item)} ${item.name}`.trim(),
      body: `${item.onHand ?? 0}${unit} on hand at ${at}, minimum ${item.minLevel ?? 0}${unit}.`,
      target: { kind: 'item', itemKey: item.key }
    }
  }
  const names = crossed.slice(0, NAMED).map((i) => `${itemRef(i)} ${i.name}`.trim())
  const more = crossed.length - names.length
  return {
    title: `${plural(crossed.length, 'item')} ran low at ${at}`,
    body: `${names.join(', ')}${more > 0 ? ` and ${plural(more, 'other')}` : ''}.`,
    target: list
  }
}
