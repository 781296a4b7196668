/** Wire shapes of the fake's records (ASSUMPTIONS U1, U2: the vendor documents none of them). */
import type { FractionData } from './data'
import type { FrBom, FrCustomer, FrPart, FrPurchaseOrder, FrShipment, FrWorkOrder } from './model'

/** ISO 8601 with an offset and no fraction, like the documented `expires_at` (`2026-07-13T18:00:00+00:00`). */
export const isoOffset = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')

const stamps = (r: { created_at: number; updated_at: number }) => ({
  created_at: isoOffset(r.created_at),
  updated_at: isoOffset(r.updated_at)
})

export function part(p: Readonly<FrPart>) {
  return {
    id: Number(p.id),
    part_number: p.part_number,
    description: p.description,
    revision: p.revision,
    uom: p.uom,
    material: p.material,
    category: p.category,
    type: p.type,
    ...(p.stock && {
      current_stock: p.stock.current,
      allocated_stock: p.stock.allocated,
      free_stock: p.stock.current - p.stock.allocated,
      min_stock: p.stock.min,
      reorder_level: p.stock.reorderLevel,
      reorder_quantity: p.stock.reorderQty
    }),
    ...stamps(p)
  }
}

function partRef(d: FractionData, id: string) {
  const p = d.parts.get(id)
  return { part_id: Number(id), part_number: p?.part_number ?? null, description: p?.description ?? null }
}

export function bom(d: FractionData, b: Readonly<FrBom>) {
  return {
    id: Number(b.id),
    bom_number: b.bom_number,
    ...partRef(d, b.part_id),
    revision: b.revision,
    status: b.status,
    lines: b.lines.map((l, i) => ({
      id: i + 1,
      ...partRef(d, l.part_id),
      quantity: l.quantity,
      uom: d.parts.get(l.part_id)?.uom ?? 'EA'
    })),
    ...stamps(b)
  }
}

export function workOrder(d: FractionData, w: Readonly<FrWorkOrder>) {
  return {
    id: Number(w.id),
    number: w.number,
    ...partRef(d, w.part_id),
    quantity: w.quantity,
    quantity_completed: w.quantity_completed,
    uom: d.parts.get(w.part_id)?.uom ?? 'EA',
    status: w.status,
    start_date: w.start_date,
    due_date: w.due_date,
    contract_id: w.contract_id,
    ...stamps(w)
  }
}

export function purchaseOrder(d: FractionData, p: Readonly<FrPurchaseOrder>) {
  return {
    id: Number(p.id),
    po_number: p.po_number,
    supplier_name: p.supplier_name,
    status: p.status,
    due_date: p.due_date,
    lines: p.lines.map((l, i) => ({
      id: i + 1,
      ...partRef(d, l.part_id),
      quantity: l.quantity,
      quantity_received: l.quantity_received
    })),
    ...stamps(p)
  }
}

export function shipment(d: FractionData, s: Readonly<FrShipment>) {
  const c = d.customers.get(s.customer_id)
  return {
    id: Number(s.id),
    shipment_number: s.shipment_number,
    customer: { id: Number(s.customer_id), name: c?.name ?? null },
    status: s.status,
    ship_date: s.ship_date,
    lines: s.lines.map((l, i) => ({ id: i + 1, ...partRef(d, l.part_id), quantity: l.quantity })),
    ...stamps(s)
  }
}

export function customer(c: Readonly<FrCustomer>, withContacts = false) {
  return {
    id: Number(c.id),
    name: c.name,
    currency: c.currency,
    ...(withContacts && { contacts: c.contacts }),
    ...stamps(c)
  }
}
