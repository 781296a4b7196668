import type { ItemRecord, LocationRecord, OrderRecord, StockRecord, TaskRecord } from '../../model/schemas'
import { recordKey } from '../../model/records'
import { itemCodes, searchWords } from '../common'
import { FORGE_DONE_WORK_ORDER, FORGE_JOB_STATUS } from './assumptions'
import type { ForgeItem, ForgeJob, ForgePurchaseOrder } from './schemas'

/**
 * ForgeMRP has no location resource: an item names the place it stands at
 * (U2), so locations are keyed by that name and come with the items.
 */
export const forgeLocationKey = (cid: string, name: string) => recordKey(cid, 'location', name)
export const forgeItemKey = (cid: string, id: string) => recordKey(cid, 'item', id)

/** "6061 · T6 · Aluminum · Plate · 0.500" × 12" × 24"": what a machinist searches by. */
function materialLine(i: ForgeItem): string {
  return [i.material_type, i.material_spec, i.material_category, i.shape, i.dimensions]
    .filter((s): s is string => !!s)
    .join(' · ')
}

function forgeDetail(i: ForgeItem): string {
  return [
    i.location,
    i.shape,
    i.dimensions,
    i.unit_cost != null ? `${i.unit_cost.toFixed(2)} each` : undefined
  ]
    .filter((s): s is string => !!s)
    .join(' · ')
}

/**
 * An inventory item: one replica item (no SKU or barcode: U14, found by search
 * on its description and material) and its stock at the one place it names.
 */
export function mapForgeItem(
  cid: string,
  resource: string,
  i: ForgeItem,
  raw: unknown
): { item: ItemRecord; stock: StockRecord[]; location?: LocationRecord } {
  const itemKey = forgeItemKey(cid, i.id)
  const item: ItemRecord = {
    key: itemKey,
    connectionId: cid,
    vendorId: i.id,
    resource,
    raw,
    sku: '',
    // An item without a description still shows: by its material, else by its id.
    name: i.description?.trim() || materialLine(i) || `Item ${i.id}`,
    codes: itemCodes(),
    words: searchWords(i.description, materialLine(i), i.id),
    ...(i.quantity_on_hand != null && { onHand: i.quantity_on_hand }),
    tracking: 'none',
    kind: 'material',
    // Many items share a description (14 "Ball Bearing 608-2RS"): where it stands, its size and cost tell them apart.
    ...(forgeDetail(i) && { detail: forgeDetail(i) }),
    ...(i.updated_at && { vendorUpdatedAt: i.updated_at })
  }
  // Stock needs a place and a quantity; without either the item is known, its stock is not (U2).
  if (!i.location || i.quantity_on_hand == null) return { item, stock: [] }
  const stock: StockRecord = {
    key: recordKey(cid, 'stock', `${i.id}@${i.location}`),
    connectionId: cid,
    vendorId: `${i.id}@${i.location}`,
    resource,
    raw: { location: i.location, quantity_on_hand: i.quantity_on_hand },
    itemKey,
    locationKey: forgeLocationKey(cid, i.location),
    onHand: i.quantity_on_hand,
    ...(i.updated_at && { vendorUpdatedAt: i.updated_at })
  }
  const location: LocationRecord = {
    key: forgeLocationKey(cid, i.location),
    connectionId: cid,
    vendorId: i.location,
    resource,
    raw: { location: i.location },
    name: i.location,
    kind: 'location'
  }
  return { item, stock: [stock], location }
}

/**
 * A job as a read-only task: one line per work order (operation on a part), in
 * routing order. ForgeMRP reports no quantity made per operation, so a line is
 * made in full when its work order is complete (U4, U5).
 */
export function mapForgeJob(
  cid: string,
  resource: string,
  j: ForgeJob,
  raw: unknown,
  clientName: (id: string) => string | undefined
): TaskRecord {
  // A part without an id can still be named by a work order that gives none either.
  const parts = new Map((j.parts ?? []).flatMap((p) => (p.id ? [[p.id, p] as const] : [])))
  const onlyPart = j.parts?.length === 1 ? j.parts[0] : undefined
  const client = j.client_id ? clientName(j.client_id) : undefined
  const title = (j.parts ?? [])[0]?.name
  return {
    key: recordKey(cid, 'task', j.id),
    connectionId: cid,
    vendorId: j.id,
    resource,
    raw,
    name: [j.number || `Job ${j.id}`, title, client].filter(Boolean).join(' · '),
    status: j.status ? (FORGE_JOB_STATUS[j.status] ?? j.status) : 'pending',
    ...(j.updated_at && { vendorUpdatedAt: j.updated_at }),
    ...(j.due_date && { due: j.due_date }),
    lines: (j.work_orders ?? []).map((w, n) => {
      const part = w.part_id ? parts.get(w.part_id) : onlyPart
      const planned = w.quantity ?? part?.quantity ?? 0
      const partLabel = [part?.part_number, part?.name].filter(Boolean).join(' ')
      // A work order without an id is told apart by its place in the routing.
      const lineId = w.id ?? `${j.id}#${n + 1}`
      return {
        lineId,
        // Parts are made, not stocked: the line names the part, no replica item.
        itemKey: recordKey(cid, 'item', `part:${w.part_id ?? lineId}`),
        name: `${w.sequence ?? ''} ${w.operation ?? 'Operation'}${partLabel ? ` — ${partLabel}` : ''}`.trim(),
        planned,
        done: w.status && FORGE_DONE_WORK_ORDER.has(w.status) ? planned : 0
      }
    }),
    batches: []
  }
}

export function mapForgePurchaseOrder(
  cid: string,
  resource: string,
  o: ForgePurchaseOrder,
  raw: unknown,
  supplierName: (id: string) => string | undefined
): OrderRecord {
  const supplier = o.supplier_id ? (supplierName(o.supplier_id) ?? o.supplier_id) : undefined
  return {
    key: recordKey(cid, 'order', o.id),
    connectionId: cid,
    vendorId: o.id,
    resource,
    raw,
    number: o.number || o.id,
    status: o.status ?? 'unknown',
    ...(supplier && { supplier }),
    ...(o.required_date && { expectedAt: o.required_date }),
    ...(o.updated_at && { vendorUpdatedAt: o.updated_at }),
    lines: o.lines.map((l, n) => ({
      itemKey: l.inventory_item_id
        ? forgeItemKey(cid, l.inventory_item_id)
        : recordKey(cid, 'item', `line:${l.id ?? `${o.id}#${n + 1}`}`),
      ordered: l.quantity_ordered ?? 0,
      ...(l.quantity_received != null && { received: l.quantity_received })
    }))
  }
}
