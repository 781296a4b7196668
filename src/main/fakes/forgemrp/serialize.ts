/** ForgeMRP records on the wire: snake_case fields, ISO 8601 instants (see the shared assumptions). */
import { iso } from '../common/time'
import type {
  ForgeClient,
  ForgeInventoryItem,
  ForgeJob,
  ForgePurchaseOrder,
  ForgeQuote,
  ForgeSupplier
} from './model'

const stamps = (r: { createdAt: number; updatedAt: number }) => ({
  created_at: iso(r.createdAt),
  updated_at: iso(r.updatedAt)
})

export const renderClient = (c: Readonly<ForgeClient>) => ({ id: c.id, name: c.name, ...stamps(c) })

export const renderSupplier = (s: Readonly<ForgeSupplier>) => ({ id: s.id, name: s.name, ...stamps(s) })

export const renderItem = (i: Readonly<ForgeInventoryItem>) => ({
  id: i.id,
  description: i.description,
  material_category: i.materialCategory,
  material_type: i.materialType,
  material_spec: i.materialSpec,
  shape: i.shape,
  dimensions: i.dimensions,
  quantity_on_hand: i.quantityOnHand,
  location: i.location,
  unit_cost: i.unitCost,
  ...stamps(i)
})

export const renderJob = (j: Readonly<ForgeJob>) => ({
  id: j.id,
  number: j.number,
  client_id: j.clientId,
  status: j.status,
  due_date: j.dueDate,
  parts: j.parts.map((p) => ({ id: p.id, part_number: p.partNumber, name: p.name, quantity: p.quantity })),
  work_orders: j.workOrders.map((w) => ({
    id: w.id,
    part_id: w.partId,
    sequence: w.sequence,
    operation: w.operation,
    equipment: w.equipment,
    phase: w.phase,
    status: w.status,
    quantity: w.quantity,
    estimated_minutes: w.estimatedMinutes
  })),
  ...stamps(j)
})

export const renderPurchaseOrder = (o: Readonly<ForgePurchaseOrder>) => ({
  id: o.id,
  number: o.number,
  supplier_id: o.supplierId,
  status: o.status,
  order_date: o.orderDate,
  required_date: o.requiredDate,
  currency: o.currency,
  lines: o.lines.map((l) => ({
    id: l.id,
    inventory_item_id: l.inventoryItemId,
    description: l.description,
    quantity_ordered: l.quantityOrdered,
    quantity_received: l.quantityReceived
  })),
  ...stamps(o)
})

export const renderQuote = (q: Readonly<ForgeQuote>) => ({
  id: q.id,
  client_id: q.clientId,
  status: q.status,
  ...stamps(q)
})
