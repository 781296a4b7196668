import type { ItemRecord, OrderRecord, TaskRecord } from '../../model/schemas'
import { recordKey } from '../../model/records'
import { itemCodes, searchWords } from '../common'
import { taskStatusOf } from './assumptions'
import type { FrBom, FrPart, FrPurchaseOrder, FrShipment, FrWorkOrder } from './schemas'

type Component = NonNullable<ItemRecord['components']>[number]

export const frItemKey = (cid: string, partId: string) => recordKey(cid, 'item', partId)
/** Purchase orders and shipments share the orders table but not an id space: the path is part of the id. */
export const frOrderVendorId = (path: 'purchase-orders' | 'shipments', id: string) => `${path}/${id}`

/** The item a line names: its part where it gives one, else a line of its own. */
const lineItemKey = (cid: string, partId: string | null | undefined, own: string) =>
  partId ? frItemKey(cid, partId) : recordKey(cid, 'item', `line:${own}`)

const label = (partNumber: string | null | undefined, description: string | null | undefined) =>
  [partNumber, description].filter(Boolean).join(' ')

/** What tells parts of one description apart: revision, material, category. */
const frDetail = (p: FrPart) =>
  [p.revision && `rev ${p.revision}`, p.material, p.category].filter(Boolean).join(' · ')

/** U2: a stock field the vendor leaves out is unknown, so the item gets no figure rather than 0. */
export function mapFrPart(cid: string, p: FrPart, raw: unknown, components?: Component[]): ItemRecord {
  const min = p.min_stock ?? p.reorder_level
  return {
    key: frItemKey(cid, p.id),
    connectionId: cid,
    vendorId: p.id,
    resource: 'parts',
    raw,
    ...(p.updated_at && { vendorUpdatedAt: p.updated_at }),
    sku: p.part_number ?? '',
    name: p.description || p.part_number || `Part ${p.id}`,
    codes: itemCodes(p.part_number),
    words: searchWords(p.description, p.part_number, p.category, p.id),
    tracking: 'none',
    kind: p.type === 'Manufactured' ? 'product' : 'material',
    ...(frDetail(p) && { detail: frDetail(p) }),
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
): Map<string, { at: string; components: Component[] }> {
  const byPart = new Map<string, { at: string; components: Component[] }>()
  for (const b of boms) {
    if ((b.status ?? 'Approved').toLowerCase() !== 'approved' || !b.part_id) continue
    const at = b.updated_at ?? ''
    const seen = byPart.get(b.part_id)
    if (seen && seen.at > at) continue
    byPart.set(b.part_id, {
      at,
      components: b.lines.map((l, n) => ({
        itemKey: lineItemKey(cid, l.part_id, `boms/${b.id}#${n + 1}`),
        name: label(l.part_number, l.description) || `part ${l.part_id ?? '(not named)'}`,
        quantity: l.quantity ?? 0,
        ...(l.uom && { unit: l.uom })
      }))
    })
  }
  return byPart
}

/** A work order is a task making one part; read-only (FractionERP takes no batches). */
export function mapFrWorkOrder(cid: string, w: FrWorkOrder, raw: unknown): TaskRecord {
  const what = label(w.part_number, w.description) || `part ${w.part_id ?? '(not named)'}`
  const status = taskStatusOf(w.status ?? '')
  const planned = w.quantity ?? 0
  return {
    key: recordKey(cid, 'task', w.id),
    connectionId: cid,
    vendorId: w.id,
    resource: 'work-orders',
    raw,
    ...(w.updated_at && { vendorUpdatedAt: w.updated_at }),
    name: `WO ${w.number || w.id} · ${w.description || w.part_number || `part ${w.part_id ?? '(not named)'}`}`,
    status,
    ...(w.due_date && { due: w.due_date }),
    lines: [
      {
        lineId: '1',
        itemKey: lineItemKey(cid, w.part_id, `work-orders/${w.id}`),
        name: what,
        planned,
        ...(w.quantity_completed != null
          ? { done: w.quantity_completed }
          : status === 'done'
            ? { done: planned }
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
    number: p.po_number || p.id,
    status: p.status ?? 'unknown',
    direction: 'in',
    ...(p.supplier_name && { supplier: p.supplier_name }),
    ...(p.due_date && { expectedAt: p.due_date }),
    lines: p.lines.map((l, n) => ({
      itemKey: lineItemKey(cid, l.part_id, `${vendorId}#${n + 1}`),
      ordered: l.quantity ?? 0,
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
    number: s.shipment_number || s.id,
    status: s.status ?? 'unknown',
    direction: 'out',
    ...(s.customer?.name && { customer: s.customer.name }),
    ...(s.ship_date && { expectedAt: s.ship_date }),
    lines: s.lines.map((l, n) => ({
      itemKey: lineItemKey(cid, l.part_id, `${vendorId}#${n + 1}`),
      ordered: l.quantity ?? 0
    }))
  }
}
