import { z } from 'zod'

/**
 * FractionERP's wire shapes. Only the envelopes and the login are documented; the records'
 * fields are assumptions (U1, U2 in ./assumptions.ts). Objects are loose: unknown fields are
 * kept (in `raw`) and never fail a record.
 */
const id = z.number().int()
const text = z.string().nullable().optional()
const quantity = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number)
])

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

export const frPart = z.looseObject({
  id,
  part_number: z.string().min(1),
  description: text,
  revision: text,
  uom: text,
  material: text,
  category: text,
  type: text,
  current_stock: quantity.nullable().optional(),
  allocated_stock: quantity.nullable().optional(),
  free_stock: quantity.nullable().optional(),
  min_stock: quantity.nullable().optional(),
  reorder_level: quantity.nullable().optional(),
  reorder_quantity: quantity.nullable().optional(),
  updated_at: z.string().optional()
})
export type FrPart = z.infer<typeof frPart>

const partLine = {
  part_id: id,
  part_number: text,
  description: text,
  quantity
}

export const frBom = z.looseObject({
  id,
  part_id: id,
  status: text,
  updated_at: z.string().optional(),
  lines: z.array(z.looseObject({ ...partLine, uom: text }))
})
export type FrBom = z.infer<typeof frBom>

export const frWorkOrder = z.looseObject({
  id,
  number: z.string().min(1),
  part_id: id,
  part_number: text,
  description: text,
  quantity,
  quantity_completed: quantity.nullable().optional(),
  uom: text,
  status: z.string(),
  start_date: text,
  due_date: text,
  updated_at: z.string().optional()
})
export type FrWorkOrder = z.infer<typeof frWorkOrder>

export const frPurchaseOrder = z.looseObject({
  id,
  po_number: z.string().min(1),
  supplier_name: text,
  status: z.string(),
  due_date: text,
  updated_at: z.string().optional(),
  lines: z.array(z.looseObject({ ...partLine, quantity_received: quantity.nullable().optional() }))
})
export type FrPurchaseOrder = z.infer<typeof frPurchaseOrder>

export const frShipment = z.looseObject({
  id,
  shipment_number: z.string().min(1),
  customer: z.looseObject({ name: text }).nullable().optional(),
  status: z.string(),
  ship_date: text,
  updated_at: z.string().optional(),
  lines: z.array(z.looseObject(partLine))
})
export type FrShipment = z.infer<typeof frShipment>
