import { z } from 'zod'

/**
 * ForgeMRP's records as Stockroom reads them (fields assumed in ./assumptions.ts,
 * U2 and U4). Objects are loose: unknown fields are kept (in `raw`) and never
 * fail a record; optional fields may be null or missing.
 */
const stamps = { created_at: z.string().optional(), updated_at: z.string().optional() }
const maybe = <T extends z.ZodType>(t: T) => t.nullable().optional()

export const forgeNamed = z.looseObject({ id: z.string(), name: z.string(), ...stamps })

export const forgeItem = z.looseObject({
  id: z.string(),
  description: z.string(),
  material_category: maybe(z.string()),
  material_type: maybe(z.string()),
  material_spec: maybe(z.string()),
  shape: maybe(z.string()),
  dimensions: maybe(z.string()),
  quantity_on_hand: z.number(),
  location: maybe(z.string()),
  unit_cost: maybe(z.number()),
  ...stamps
})
export type ForgeItem = z.infer<typeof forgeItem>

export const forgeJob = z.looseObject({
  id: z.string(),
  number: z.string(),
  client_id: maybe(z.string()),
  status: z.string(),
  due_date: maybe(z.string()),
  parts: maybe(
    z.array(
      z.looseObject({
        id: z.string(),
        part_number: maybe(z.string()),
        name: maybe(z.string()),
        quantity: maybe(z.number())
      })
    )
  ),
  work_orders: maybe(
    z.array(
      z.looseObject({
        id: z.string(),
        part_id: maybe(z.string()),
        sequence: maybe(z.number()),
        operation: z.string(),
        equipment: maybe(z.string()),
        phase: maybe(z.string()),
        status: maybe(z.string()),
        quantity: maybe(z.number()),
        estimated_minutes: maybe(z.number())
      })
    )
  ),
  ...stamps
})
export type ForgeJob = z.infer<typeof forgeJob>

export const forgePurchaseOrder = z.looseObject({
  id: z.string(),
  number: z.string(),
  supplier_id: maybe(z.string()),
  status: z.string(),
  order_date: maybe(z.string()),
  required_date: maybe(z.string()),
  lines: z.array(
    z.looseObject({
      id: z.string(),
      inventory_item_id: maybe(z.string()),
      description: maybe(z.string()),
      quantity_ordered: z.number(),
      quantity_received: maybe(z.number())
    })
  ),
  ...stamps
})
export type ForgePurchaseOrder = z.infer<typeof forgePurchaseOrder>

/** Documented: `{ data: [ … ], next_cursor: <string or null> }`. */
export const forgeListEnvelope = z.looseObject({
  data: z.array(z.unknown()),
  next_cursor: z.string().nullable().optional()
})

/** Documented: `{ error: { code, message } }`. */
export const forgeErrorBody = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string().optional() })
})
