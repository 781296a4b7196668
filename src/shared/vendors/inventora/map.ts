import type { z } from 'zod'
import type { ItemRecord, LocationRecord, StockRecord, TaskRecord } from '../../model/schemas'
import { recordKey } from '../../model/records'
import { itemCodes, searchWords } from '../common'
import type { invLocation, invResource, invTask } from './schemas'

export type InvKind = 'products' | 'materials'

/**
 * Inventora addresses locations by NAME in its stock data and stock writes
 * (`locationStockLevels`, `locationName`), and by id only on tasks. Locations
 * are therefore keyed by name, so stock rows map without a lookup.
 */
export const invLocationKey = (cid: string, name: string) => recordKey(cid, 'location', name)
/** Products and materials have separate id spaces and separate write paths: the path is part of the id. */
export const invItemVendorId = (kind: InvKind, id: string) => `${kind}/${id}`

export function mapInvResource(
  cid: string,
  kind: InvKind,
  r: z.infer<typeof invResource>,
  raw: unknown
): { item: ItemRecord; stock: StockRecord[] } {
  const vendorId = invItemVendorId(kind, r.id)
  const itemKey = recordKey(cid, 'item', vendorId)
  const item: ItemRecord = {
    key: itemKey,
    connectionId: cid,
    vendorId,
    resource: kind,
    raw,
    sku: r.sku ?? '',
    name: r.name,
    codes: itemCodes(r.sku, r.ean),
    words: searchWords(r.name, r.sku),
    onHand: r.stockLevel,
    tracking: 'none',
    kind: kind === 'products' ? 'product' : 'material',
    ...(r.unitType && { unit: r.unitType }),
    ...(r.minLevel != null && { minLevel: r.minLevel })
  }
  const stock = Object.entries(r.locationStockLevels ?? {}).map(
    ([locationName, onHand]): StockRecord => ({
      key: recordKey(cid, 'stock', `${vendorId}@${locationName}`),
      connectionId: cid,
      vendorId: `${vendorId}@${locationName}`,
      resource: kind,
      raw: { locationName, quantity: onHand },
      itemKey,
      locationKey: invLocationKey(cid, locationName),
      onHand
    })
  )
  return { item, stock }
}

export function mapInvLocation(cid: string, l: z.infer<typeof invLocation>, raw: unknown): LocationRecord {
  return {
    key: invLocationKey(cid, l.name),
    connectionId: cid,
    vendorId: l.name,
    resource: 'locations',
    raw,
    name: l.name,
    kind: 'location',
    code: l.id
  }
}

export function mapInvTask(
  cid: string,
  t: z.infer<typeof invTask>,
  raw: unknown,
  locationNameById: (id: string) => string | undefined
): TaskRecord {
  const locationName = t.LocationId ? locationNameById(t.LocationId) : undefined
  const items = t.Items ?? []
  return {
    key: recordKey(cid, 'task', t.id),
    connectionId: cid,
    vendorId: t.id,
    resource: 'tasks',
    raw,
    name: t.name,
    status: t.status,
    ...(t.updatedAt && { vendorUpdatedAt: t.updatedAt }),
    ...(t.due && { due: t.due }),
    ...(locationName && { locationKey: invLocationKey(cid, locationName) }),
    lines: items.map((i) => {
      const done = (i.Batches ?? []).reduce((n, b) => n + b.quantity, 0)
      return {
        lineId: String(i.id),
        itemKey: recordKey(cid, 'item', invItemVendorId('products', i.ResourceId)),
        name: i.Product?.name ?? i.ResourceId,
        planned: i.quantity,
        done,
        ...(i.unitType && { unit: i.unitType })
      }
    }),
    batches: items.flatMap((i) =>
      (i.Batches ?? []).map((b) => ({
        id: String(b.id),
        lineId: String(i.id),
        quantity: b.quantity,
        ...(b.createdAt && { at: b.createdAt })
      }))
    )
  }
}
