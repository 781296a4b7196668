import { z } from 'zod'
import { anyId, maybeId, maybeList, maybeNumber, maybeText, tolerantObject } from '../tolerant'

/**
 * FractionERP's wire shapes. Only the envelopes and the login are documented; the records'
 * fields are assumptions (U1, U2 in ./assumptions.ts), so records are read tolerantly
 * (../tolerant.ts): any casing, the plausible other names of a field (`number`,
 * `po_number`, `poNumber`), ids as integers or strings, and everything but the id
 * optional. Unknown fields are kept (in `raw`) and never fail a record.
 */
const stampAliases = { updated_at: ['updated', 'modified_at', 'last_modified'] }

export const frPagination = z.looseObject({
  total: z.number(),
  per_page: z.number(),
  current_page: z.number(),
  last_page: z.number(),
  has_more: z.boolean().optional()
})

export const frListEnvelope = z.looseObject({
  success: z.literal(true),
  data: z.array(z.unknown()),
  meta: z.looseObject({ pagination: frPagination })
})

/** The error envelope; `data` and `meta` may be absent (the documented 409 example). */
export const frErrorBody = z.looseObject({
  success: z.literal(false).optional(),
  errors: z
    .array(z.looseObject({ code: z.string(), message: z.string(), field: z.string().optional() }))
    .min(1)
})

export const frSession = z.looseObject({
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  expires_at: z.iso.datetime({ offset: true }),
  tenant: z.looseObject({ plan: z.string().optional() }).optional()
})

export const frPart = tolerantObject(
  {
    id: anyId,
    part_number: maybeText,
    description: maybeText,
    revision: maybeText,
    uom: maybeText,
    material: maybeText,
    category: maybeText,
    type: maybeText,
    current_stock: maybeNumber,
    allocated_stock: maybeNumber,
    free_stock: maybeNumber,
    min_stock: maybeNumber,
    reorder_level: maybeNumber,
    reorder_quantity: maybeNumber,
    updated_at: maybeText
  },
  {
    ...stampAliases,
    part_number: ['number', 'part_no', 'code', 'sku'],
    description: ['name', 'title'],
    revision: ['rev'],
    uom: ['unit', 'unit_of_measure', 'units'],
    type: ['part_type'],
    current_stock: ['stock', 'stock_level', 'quantity_on_hand', 'on_hand', 'qty_on_hand'],
    allocated_stock: ['allocated'],
    free_stock: ['free', 'available_stock'],
    min_stock: ['minimum_stock', 'min_stock_quantity', 'minimum_stock_quantity', 'min_level'],
    reorder_level: ['re_order_level'],
    reorder_quantity: ['re_order_quantity']
  }
)
export type FrPart = z.output<typeof frPart>

const partLineShape = {
  part_id: maybeId,
  part_number: maybeText,
  description: maybeText,
  quantity: maybeNumber
}
const partLineAliases = {
  part_id: ['part', 'partId'],
  part_number: ['number', 'code'],
  description: ['name'],
  quantity: ['qty', 'quantity_ordered', 'quantity_shipped']
}

export const frBom = tolerantObject(
  {
    id: anyId,
    part_id: maybeId,
    status: maybeText,
    updated_at: maybeText,
    lines: maybeList(
      tolerantObject({ ...partLineShape, uom: maybeText }, { ...partLineAliases, uom: ['unit'] })
    )
  },
  { ...stampAliases, part_id: ['part', 'parent_part_id'], lines: ['items', 'components', 'bom_lines'] }
)
export type FrBom = z.output<typeof frBom>

export const frWorkOrder = tolerantObject(
  {
    id: anyId,
    number: maybeText,
    part_id: maybeId,
    part_number: maybeText,
    description: maybeText,
    quantity: maybeNumber,
    quantity_completed: maybeNumber,
    uom: maybeText,
    status: maybeText,
    start_date: maybeText,
    due_date: maybeText,
    updated_at: maybeText
  },
  {
    ...stampAliases,
    number: ['wo_number', 'works_order_number', 'work_order_number'],
    part_id: ['part'],
    quantity: ['qty', 'quantity_required'],
    quantity_completed: ['completed', 'quantity_complete', 'qty_completed'],
    uom: ['unit'],
    start_date: ['start'],
    due_date: ['due', 'required_date']
  }
)
export type FrWorkOrder = z.output<typeof frWorkOrder>

export const frPurchaseOrder = tolerantObject(
  {
    id: anyId,
    po_number: maybeText,
    supplier_name: maybeText,
    status: maybeText,
    due_date: maybeText,
    updated_at: maybeText,
    lines: maybeList(
      tolerantObject(
        { ...partLineShape, quantity_received: maybeNumber },
        { ...partLineAliases, quantity_received: ['received', 'qty_received'] }
      )
    )
  },
  {
    ...stampAliases,
    po_number: ['number', 'poNumber', 'purchase_order_number', 'reference'],
    supplier_name: ['supplier'],
    due_date: ['due', 'required_date', 'delivery_date'],
    lines: ['items', 'line_items']
  }
)
export type FrPurchaseOrder = z.output<typeof frPurchaseOrder>

export const frShipment = tolerantObject(
  {
    id: anyId,
    shipment_number: maybeText,
    customer: z
      .union([
        maybeText.transform((name) => (name ? { name } : undefined)),
        z.looseObject({ name: maybeText })
      ])
      .catch(undefined),
    status: maybeText,
    ship_date: maybeText,
    updated_at: maybeText,
    lines: maybeList(tolerantObject(partLineShape, partLineAliases))
  },
  {
    ...stampAliases,
    shipment_number: ['number', 'shipmentNumber', 'shipping_number', 'reference'],
    customer: ['customer_name'],
    ship_date: ['shipping_date', 'shipped_at', 'date'],
    lines: ['items', 'line_items']
  }
)
export type FrShipment = z.output<typeof frShipment>
