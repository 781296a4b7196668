import { z } from 'zod'

/**
 * Inventora's records as its docs describe them. Objects are loose: unknown
 * fields are kept (in `raw`) and never fail a record.
 */
export const invResource = z.looseObject({
  id: z.string(),
  name: z.string(),
  sku: z.string().nullable().optional(),
  stockLevel: z.number(),
  unitType: z.string().nullable().optional(),
  minLevel: z.number().nullable().optional(),
  ean: z.string().nullable().optional(),
  locationStockLevels: z.record(z.string(), z.number()).nullable().optional(),
  productionType: z.string().nullable().optional()
})
export type InvResource = z.infer<typeof invResource>

export const invLocation = z.looseObject({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean().optional()
})

/** The answer to POST /tasks/:id/items/:item_id/batches (§1.9 TaskBatch). */
export const invTaskBatch = z.looseObject({
  id: z.union([z.number(), z.string()]),
  quantity: z.number(),
  createdAt: z.string().optional()
})

export const invTask = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  LocationId: z.string().nullable().optional(),
  due: z.string().nullable().optional(),
  updatedAt: z.string().optional(),
  Items: z
    .array(
      z.looseObject({
        id: z.union([z.number(), z.string()]),
        ResourceId: z.string(),
        quantity: z.number(),
        unitType: z.string().nullable().optional(),
        completed: z.boolean().optional(),
        Product: z
          .looseObject({ name: z.string().optional(), sku: z.string().nullable().optional() })
          .nullable()
          .optional(),
        Batches: z
          .array(
            z.looseObject({
              id: z.union([z.number(), z.string()]),
              quantity: z.number(),
              createdAt: z.string().optional()
            })
          )
          .optional()
      })
    )
    .optional()
})

export const invListEnvelope = z.object({
  data: z.array(z.unknown()),
  pagination: z.looseObject({
    totalCount: z.number(),
    offset: z.number().optional(),
    limit: z.number().optional()
  })
})

export const invErrorBody = z.looseObject({ error: z.string() })
