import type { ItemRecord, OrderRecord, TaskRecord } from '../../model/schemas'
import { recordKey } from '../../model/records'
import { itemCodes, searchWords } from '../common'
import { taskStatusOf } from './assumptions'
import type { FrBom, FrPart, FrPurchaseOrder, FrShipment, FrWorkOrder } from './schemas'

type Component = NonNullable<ItemRecord['components']>[number]

export const frItemKey = (cid: string, partId: number) => recordKey(cid, 'item', String(partId))
/** Purchase orders and shipments share the orders table but not an id space: the path is part of the id. */
export const frOrderVendorId = (path: 'purchase-orders' | 'shipments', id: number) => `${path}/${id}`

const label = (partNumber: string | null | undefined, description: string | null | undefined) =>
  [partNumber, description].filter(Boolean).join(' ')

/** U2: a stock field the vendor leaves out is unknown, so the item gets no figure rather than 0. */
export function mapFrPart(cid: string, p: FrPart, raw: unknown, components?: Component[]): ItemRecord {
  const min = p.min_stock ?? p.reorder_level
  return {
    key: frItemKey(cid, p.id),
    connectionId: cid,
    vendorId: String(p.id),
    resource: 'parts',
    raw,
    ...(p.updated_at && { vendorUpdatedAt: p.updated_at }),
    sku: p.part_number,
    name: p.description || p.part_number,
    codes: itemCodes(p.part_number),
    words: searchWords(p.description, p.part_number, p.category),
    tracking: 'none',
    kind: p.type === 'Manufactured' ? 'product' : 'material',
    ...(p.uom && { unit: p.uom }),
    ...(p.current_stock != null && { onHand: p.current_stock }),
    ...(min != null && { minLevel: min }),
    ...(components && components.length > 0 && { components })
  }
}

/**
 * The components of each part with a BOM, by part id. Only approved BOMs count, and the
 * newest one wins (ASSUMPTION approved-boms in ./assumptions.ts).
 */
export function componentsOf(
  cid: string,
  boms: FrBom[]
): Map<number, { at: string; components: Component[] }> {
  const byPart = new Map<number, { at: string; components: Component[] }>()
  for (const b of boms) {
    if ((b.status ?? 'Approved').toLowerCase() !== 'approved') continue
    const at = b.updated_at ?? ''
    const seen = byPart.get(b.part_id)
    if (seen && seen.at > at) continue
    byPart.set(b.part_id, {
      at,
      components: b.lines.map((l) => ({
        itemKey: frItemKey(cid, l.part_id),
        name: label(l.part_number, l.description) || `part ${l.part_id}`,
        quantity: l.quantity,
        ...(l.uom && { unit: l.uom })
      }))
    })
  }
  return byPart
}

/** A work order is a task making one part; read-only (FractionERP takes no batches). */
export function mapFrWorkOrder(cid: string, w: FrWorkOrder, raw: unknown): TaskRecord {
  const what = label(w.part_number, w.description) || `part ${w.part_id}`
  const status = taskStatusOf(w.status)
  return {
    key: recordKey(cid, 'task', String(w.id)),
    connectionId: cid,
    vendorId: String(w.id),
    resource: 'work-orders',
    raw,
    ...(w.updated_at && { vendorUpdatedAt: w.updated_at }),
    name: `WO ${w.number} · ${w.description || w.part_number || `part ${w.part_id}`}`,
    status,
    ...(w.due_date && { due: w.due_date }),
    lines: [
      {
        lineId: '1',
        itemKey: frItemKey(cid, w.part_id),
        name: what,
        planned: w.quantity,
        ...(w.quantity_completed != null
          ? { done: w.quantity_completed }
          : status === 'done'
            ? { done: w.quantity }
            : {}),
        ...(w.uom && { unit: w.uom })
      }
    ],
    batches: []
  }
}

export function mapFrPurchaseOrder(cid: string, p: FrPurchaseOrder, raw: unknown): OrderRecord {
  const vendorId = frOrderVendorId('purchase-orders', p.id)
  return {
    key: recordKey(cid, 'order', vendorId),
    connectionId: cid,
    vendorId,
    resource: 'purchase-orders',
    raw,
    ...(p.updated_at && { vendorUpdatedAt: p.updated_at }),
    number: p.po_number,
    status: p.status,
    direction: 'in',
    ...(p.supplier_name && { supplier: p.supplier_name }),
    ...(p.due_date && { expectedAt: p.due_date }),
    lines: p.lines.map((l) => ({
      itemKey: frItemKey(cid, l.part_id),
      ordered: l.quantity,
      ...(l.quantity_received != null && { received: l.quantity_received })
    }))
  }
}

export function mapFrShipment(cid: string, s: FrShipment, raw: unknown): OrderRecord {
  const vendorId = frOrderVendorId('shipments', s.id)
  return {
    key: recordKey(cid, 'order', vendorId),
    connectionId: cid,
    vendorId,
    resource: 'shipments',
    raw,
    ...(s.updated_at && { vendorUpdatedAt: s.updated_at }),
    number: s.shipment_number,
    status: s.status,
    direction: 'out',
    ...(s.customer?.name && { customer: s.customer.name }),
    ...(s.ship_date && { expectedAt: s.ship_date }),
    lines: s.lines.map((l) => ({ itemKey: frItemKey(cid, l.part_id), ordered: l.quantity }))
  }
}
