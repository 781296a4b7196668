import { z } from 'zod'

/** Wire schemas of the common model (records in pages from main to the renderer). */
const replicated = {
  key: z.string(),
  connectionId: z.string(),
  vendorId: z.string(),
  resource: z.string(),
  vendorUpdatedAt: z.string().optional(),
  raw: z.unknown()
}

export const itemSchema = z.object({
  ...replicated,
  sku: z.string(),
  name: z.string(),
  codes: z.array(z.string()),
  words: z.array(z.string()),
  unit: z.string().optional(),
  minLevel: z.number().optional(),
  onHand: z.number().optional(),
  tracking: z.enum(['none', 'lot', 'serial']),
  kind: z.enum(['product', 'material']).optional(),
  /** What tells this item from look-alikes of the same name (size, material, revision, where it stands). */
  detail: z.string().optional(),
  /** What one unit is made from (a bill of materials), where the vendor has one. */
  components: z
    .array(
      z.object({ itemKey: z.string(), name: z.string(), quantity: z.number(), unit: z.string().optional() })
    )
    .optional()
})

export const locationSchema = z.object({
  ...replicated,
  name: z.string(),
  kind: z.enum(['warehouse', 'zone', 'bin', 'location']),
  parentKey: z.string().optional(),
  code: z.string().optional()
})

export const stockSchema = z.object({
  ...replicated,
  itemKey: z.string(),
  locationKey: z.string(),
  lotKey: z.string().optional(),
  onHand: z.number(),
  reserved: z.number().optional(),
  available: z.number().optional(),
  expiry: z.string().optional(),
  /** Where in the location it stands, by bin code, where the vendor says so (Frostbyte's bins). */
  bins: z.array(z.object({ code: z.string(), onHand: z.number() })).optional()
})

export const lotSchema = z.object({
  ...replicated,
  itemKey: z.string(),
  lotNumber: z.string(),
  expiry: z.string().optional(),
  quantity: z.number().optional(),
  status: z.string().optional()
})

export const taskSchema = z.object({
  ...replicated,
  name: z.string(),
  status: z.string(),
  due: z.string().optional(),
  locationKey: z.string().optional(),
  lines: z.array(
    z.object({
      lineId: z.string(),
      itemKey: z.string(),
      name: z.string(),
      planned: z.number(),
      done: z.number().optional(),
      unit: z.string().optional()
    })
  ),
  batches: z.array(
    z.object({
      id: z.string(),
      lineId: z.string().optional(),
      quantity: z.number(),
      lot: z.string().optional(),
      at: z.string().optional()
    })
  )
})

export const orderSchema = z.object({
  ...replicated,
  number: z.string(),
  status: z.string(),
  /** Goods coming in (a purchase order) or going out (a shipment); unset means purchase. */
  direction: z.enum(['in', 'out']).optional(),
  supplier: z.string().optional(),
  customer: z.string().optional(),
  expectedAt: z.string().optional(),
  /** Where the goods arrive (a purchase order's warehouse). */
  locationKey: z.string().optional(),
  /** A shipment's carrier and tracking number, once dispatched. */
  carrier: z.string().optional(),
  tracking: z.string().optional(),
  lines: z.array(
    z.object({
      itemKey: z.string(),
      ordered: z.number(),
      received: z.number().optional(),
      /** The vendor's id of the line (a receipt names it). */
      lineId: z.string().optional(),
      /** "SKU name" as the vendor's order shows it. */
      label: z.string().optional()
    })
  )
})

/** One page of mapped records; each table the page touches is a key. */
export const replicaBatch = z.object({
  items: z.array(itemSchema).optional(),
  locations: z.array(locationSchema).optional(),
  stock: z.array(stockSchema).optional(),
  lots: z.array(lotSchema).optional(),
  tasks: z.array(taskSchema).optional(),
  orders: z.array(orderSchema).optional()
})
export type ReplicaBatch = z.infer<typeof replicaBatch>
export type ReplicaTable = keyof ReplicaBatch
export const replicaTables: ReplicaTable[] = ['items', 'locations', 'stock', 'lots', 'tasks', 'orders']

export type ItemRecord = z.infer<typeof itemSchema>
export type LocationRecord = z.infer<typeof locationSchema>
export type StockRecord = z.infer<typeof stockSchema>
export type LotRecord = z.infer<typeof lotSchema>
export type TaskRecord = z.infer<typeof taskSchema>
export type OrderRecord = z.infer<typeof orderSchema>
