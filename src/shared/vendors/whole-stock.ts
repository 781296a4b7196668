import { recordKey } from '../model/records'
import type { LocationRecord, StockRecord } from '../model/schemas'

/**
 * The one count location of a vendor that keeps stock without locations
 * (FractionERP parts, Figgro products and raw materials): every stocked record
 * stands there, so a count of it compares everything the vendor holds. Its
 * label is its code, printed like any location label.
 */
export const WHOLE_STOCK_ID = 'whole-stock'
export const WHOLE_STOCK_CODE = 'WHOLE-STOCK'
export const WHOLE_STOCK_NAME = 'Whole stock'

export const wholeStockKey = (cid: string) => recordKey(cid, 'location', WHOLE_STOCK_ID)

/** The place, listed by the resource whose pass keeps it (the deletion sweep of that resource keeps it too). */
export function wholeStockPlace(cid: string, resource: string): LocationRecord {
  return {
    key: wholeStockKey(cid),
    connectionId: cid,
    vendorId: WHOLE_STOCK_ID,
    resource,
    raw: null,
    name: WHOLE_STOCK_NAME,
    code: WHOLE_STOCK_CODE,
    kind: 'location'
  }
}

/** A record's quantity at the whole-stock place; none where the vendor does not say how much (unknown, not 0). */
export function wholeStock(
  cid: string,
  o: {
    resource: string
    vendorId: string
    itemKey: string
    onHand: number | null | undefined
    available?: number | null
  }
): StockRecord | undefined {
  if (o.onHand == null) return undefined
  return {
    key: recordKey(cid, 'stock', o.vendorId),
    connectionId: cid,
    vendorId: o.vendorId,
    resource: o.resource,
    raw: null,
    itemKey: o.itemKey,
    locationKey: wholeStockKey(cid),
    onHand: o.onHand,
    ...(o.available != null && { available: o.available })
  }
}
