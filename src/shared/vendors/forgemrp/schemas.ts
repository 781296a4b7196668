import { z } from 'zod'
import { anyId, maybeId, maybeList, maybeNumber, maybeText, tolerantObject } from '../tolerant'

/**
 * ForgeMRP's records as Stockroom reads them. Its page shows only `{ id, name,
 * created_at, updated_at }`; the other fields are assumed (./assumptions.ts, U2,
 * U4), so records are read tolerantly (../tolerant.ts): any casing, the plausible
 * other names of a field, ids as strings or numbers, and everything but the id
 * optional. Unknown fields are kept (in `raw`) and never fail a record.
 */
const stamps = { created_at: maybeText, updated_at: maybeText }
const stampAliases = {
  created_at: ['created', 'createdOn'],
  updated_at: ['updated', 'modified_at', 'updatedOn']
}

export const forgeNamed = tolerantObject(
  { id: anyId, name: maybeText, ...stamps },
  { ...stampAliases, name: ['company_name', 'display_name', 'title'] }
)

export const forgeItem = tolerantObject(
  {
    id: anyId,
    description: maybeText,
    material_category: maybeText,
    material_type: maybeText,
    material_spec: maybeText,
    shape: maybeText,
    dimensions: maybeText,
    quantity_on_hand: maybeNumber,
    // A place's name, or an object naming it ({ name } / { code }).
    location: z
      .union([
        maybeText,
        z.looseObject({ name: maybeText, code: maybeText }).transform((l) => l.name ?? l.code)
      ])
      .catch(undefined),
    unit_cost: maybeNumber,
    ...stamps
  },
  {
    ...stampAliases,
    description: ['name', 'title', 'item_description'],
    material_category: ['category', 'material'],
    material_type: ['type', 'grade', 'material_grade'],
    material_spec: ['spec', 'specification'],
    dimensions: ['size', 'dimension'],
    quantity_on_hand: ['on_hand', 'quantity', 'qty_on_hand', 'qty', 'stock'],
    location: ['location_name', 'bin', 'storage_location'],
    unit_cost: ['cost', 'unit_price']
  }
)
export type ForgeItem = z.output<typeof forgeItem>

const jobPart = tolerantObject(
  { id: maybeId, part_number: maybeText, name: maybeText, quantity: maybeNumber },
  { part_number: ['number', 'partNo'], name: ['description', 'title'], quantity: ['qty'] }
)

const workOrder = tolerantObject(
  {
    id: maybeId,
    part_id: maybeId,
    sequence: maybeNumber,
    operation: maybeText,
    equipment: maybeText,
    phase: maybeText,
    status: maybeText,
    quantity: maybeNumber,
    estimated_minutes: maybeNumber
  },
  {
    part_id: ['part', 'job_part_id'],
    sequence: ['step', 'position', 'order'],
    operation: ['operation_type', 'name', 'description'],
    equipment: ['machine'],
    quantity: ['qty'],
    estimated_minutes: ['estimated_time', 'minutes']
  }
)

export const forgeJob = tolerantObject(
  {
    id: anyId,
    number: maybeText,
    client_id: maybeId,
    status: maybeText,
    due_date: maybeText,
    parts: maybeList(jobPart),
    work_orders: maybeList(workOrder),
    ...stamps
  },
  {
    ...stampAliases,
    number: ['job_number', 'jobNumber', 'reference'],
    client_id: ['client', 'customer_id'],
    status: ['state'],
    due_date: ['due', 'due_on', 'required_date'],
    work_orders: ['operations', 'routing']
  }
)
export type ForgeJob = z.output<typeof forgeJob>

const poLine = tolerantObject(
  {
    id: maybeId,
    inventory_item_id: maybeId,
    description: maybeText,
    quantity_ordered: maybeNumber,
    quantity_received: maybeNumber
  },
  {
    inventory_item_id: ['item_id', 'inventory_item', 'material_id'],
    quantity_ordered: ['quantity', 'qty', 'ordered'],
    quantity_received: ['received', 'qty_received']
  }
)

export const forgePurchaseOrder = tolerantObject(
  {
    id: anyId,
    number: maybeText,
    supplier_id: maybeId,
    status: maybeText,
    order_date: maybeText,
    required_date: maybeText,
    lines: maybeList(poLine),
    ...stamps
  },
  {
    ...stampAliases,
    number: ['po_number', 'poNumber', 'purchase_order_number'],
    supplier_id: ['supplier', 'vendor_id'],
    status: ['state'],
    required_date: ['due_date', 'expected_date'],
    lines: ['line_items', 'items']
  }
)
export type ForgePurchaseOrder = z.output<typeof forgePurchaseOrder>

/** Documented: `{ data: [ … ], next_cursor: <string or null> }`. */
export const forgeListEnvelope = z.looseObject({
  data: z.array(z.unknown()),
  next_cursor: z.string().nullable().optional()
})

/** Documented: `{ error: { code, message } }`. */
export const forgeErrorBody = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string().optional() })
})
