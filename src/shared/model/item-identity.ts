import type { ItemRecord } from './schemas'

type Named = Pick<ItemRecord, 'name' | 'sku' | 'vendorId'> & { detail?: string | undefined }

/**
 * The identifier shown beside an item's name wherever it appears: its SKU, or
 * where the vendor gives none (ForgeMRP items), the vendor's own id for it. With
 * {@link itemDetail} it tells look-alikes of the same name apart.
 */
export function itemRef(item: Pick<ItemRecord, 'sku'> & { vendorId?: string }): string {
  return item.sku.trim() || (item.vendorId ?? '')
}

/** The detail that tells look-alikes apart, where the vendor gives one. */
export const itemDetail = (item: Named): string | undefined => item.detail?.trim() || undefined

/** "Ball Bearing 608-2RS · inv_3k2… · Hardware · Hardware Shelf": one line for notices, files and lists. */
export function itemLine(item: Named): string {
  return [item.name, itemRef(item), itemDetail(item)].filter(Boolean).join(' · ')
}
