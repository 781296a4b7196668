import type { z } from 'zod'
import { recordKey } from '../../model/records'
import type { ItemRecord, LocationRecord, LotRecord, StockRecord } from '../../model/schemas'
import { itemCodes, searchWords } from '../common'
import { fbLocationId } from './ids'
import type { fbBatch, fbProduct, fbStockRow, fbWarehouse } from './schemas'

/** Warehouses, zones and bins share the locations table; their ids are prefixed by level. */
export const fbWarehouseKey = (cid: string, id: string) => recordKey(cid, 'location', fbLocationId('wh', id))

export function mapFbProduct(cid: string, p: z.infer<typeof fbProduct>, raw: unknown): ItemRecord {
  return {
    key: recordKey(cid, 'item', p.id),
    connectionId: cid,
    vendorId: p.id,
    resource: 'products',
    vendorUpdatedAt: p.updatedAt,
    raw,
    sku: p.sku,
    name: p.name,
    codes: itemCodes(p.sku, p.barcode, p.purchaseUnit?.barcode),
    words: searchWords(p.name, p.sku),
    tracking: p.trackSerials ? 'serial' : p.trackBatches ? 'lot' : 'none',
    kind: 'product',
    ...(p.unitOfMeasure?.abbreviation && { unit: p.unitOfMeasure.abbreviation }),
    ...(p.minStockLevel != null && { minLevel: p.minStockLevel }),
    ...(p.totalStockOnHand != null && { onHand: p.totalStockOnHand })
  }
}

/**
 * A stock-on-hand row is one product in one warehouse. Where it breaks down by
 * batch, each batch becomes its own stock record (item × location × lot), plus
 * any quantity outside batches, so the records always add up to the row.
 */
export function mapFbStockRow(cid: string, row: z.infer<typeof fbStockRow>, raw: unknown): StockRecord[] {
  if (!row.product) return []
  const base = {
    connectionId: cid,
    resource: 'stock-on-hand',
    raw,
    itemKey: recordKey(cid, 'item', row.product.id),
    locationKey: fbWarehouseKey(cid, row.warehouse.id),
    ...(row.updatedAt && { vendorUpdatedAt: row.updatedAt })
  }
  const batches = row.batches ?? []
  const bins = (batchId: string | null) => binsOf(row, batchId)
  if (batches.length === 0) {
    return [
      {
        ...base,
        key: recordKey(cid, 'stock', row.id),
        vendorId: row.id,
        onHand: row.quantityOnHand,
        ...bins(null),
        ...(row.quantityReserved !== undefined && { reserved: row.quantityReserved }),
        ...(row.quantityAvailable !== undefined && { available: row.quantityAvailable })
      }
    ]
  }
  const records: StockRecord[] = batches.map((b) => ({
    ...base,
    key: recordKey(cid, 'stock', `${row.id}/${b.batchId}`),
    vendorId: `${row.id}/${b.batchId}`,
    lotKey: recordKey(cid, 'lot', b.batchId),
    onHand: b.quantity,
    ...(b.expiryDate && { expiry: b.expiryDate }),
    ...bins(b.batchId)
  }))
  const rest = Math.round((row.quantityOnHand - batches.reduce((n, b) => n + b.quantity, 0)) * 1e6) / 1e6
  if (rest !== 0) {
    records.push({
      ...base,
      key: recordKey(cid, 'stock', `${row.id}/-`),
      vendorId: `${row.id}/-`,
      onHand: rest,
      ...bins(null)
    })
  }
  return records
}

/**
 * The bins (by code) a stock record's quantity stands in: the row's bin entries of
 * that batch (null: outside any batch). Nothing where the row says no bins.
 */
function binsOf(row: z.infer<typeof fbStockRow>, batchId: string | null): Pick<StockRecord, 'bins'> {
  const byCode = new Map<string, number>()
  for (const b of row.bins ?? []) {
    if ((b.batchId ?? null) !== batchId || !b.binCode) continue
    byCode.set(b.binCode, Math.round(((byCode.get(b.binCode) ?? 0) + b.quantity) * 1e6) / 1e6)
  }
  if (byCode.size === 0) return {}
  return { bins: [...byCode].map(([code, onHand]) => ({ code, onHand })) }
}

export function mapFbWarehouse(cid: string, w: z.infer<typeof fbWarehouse>, raw: unknown): LocationRecord[] {
  const whKey = fbWarehouseKey(cid, w.id)
  const base = { connectionId: cid, resource: 'warehouses' }
  const out: LocationRecord[] = [
    {
      ...base,
      key: whKey,
      vendorId: fbLocationId('wh', w.id),
      raw,
      name: w.name,
      kind: 'warehouse',
      ...(w.code && { code: w.code })
    }
  ]
  for (const z of w.zones ?? []) {
    const zoneKey = recordKey(cid, 'location', fbLocationId('zone', z.id))
    out.push({
      ...base,
      key: zoneKey,
      vendorId: fbLocationId('zone', z.id),
      raw: z,
      name: z.name ?? z.code ?? z.id,
      kind: 'zone',
      parentKey: whKey,
      ...(z.code && { code: z.code })
    })
    for (const b of z.bins ?? []) {
      out.push({
        ...base,
        key: recordKey(cid, 'location', fbLocationId('bin', b.id)),
        vendorId: fbLocationId('bin', b.id),
        raw: b,
        name: b.code ?? b.name ?? b.id,
        kind: 'bin',
        parentKey: zoneKey,
        ...(b.code && { code: b.code })
      })
    }
  }
  return out
}

export function mapFbBatch(cid: string, b: z.infer<typeof fbBatch>, raw: unknown): LotRecord | undefined {
  if (!b.product) return undefined // an empty batch has no product and no stock to show
  return {
    key: recordKey(cid, 'lot', b.id),
    connectionId: cid,
    vendorId: b.id,
    resource: 'batches',
    raw,
    itemKey: recordKey(cid, 'item', b.product.id),
    lotNumber: b.batchNumber,
    ...(b.expiryDate && { expiry: b.expiryDate }),
    ...(b.status && { status: b.status }),
    ...(b.updatedAt && { vendorUpdatedAt: b.updatedAt })
  }
}
