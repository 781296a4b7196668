import { z } from 'zod'

/**
 * Figgro's records as Stockroom assumes them (see ./assumptions.ts, U2–U5).
 * Objects are loose: unknown fields are kept in `raw` and never fail a record;
 * only what the mapping reads is required.
 */
const base = {
  id: z.string().min(1),
  sku: z.string(),
  name: z.string(),
  quantityOnHand: z.number(),
  unitOfMeasure: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional()
}

export const fgProduct = z.looseObject(base)

export const fgRawMaterial = z.looseObject({
  ...base,
  lotNumber: z.string().nullable().optional(),
  expiryDate: z.string().nullable().optional()
})

export const fgJobRun = z.looseObject({
  id: z.string().min(1),
  jobNumber: z.string(),
  productId: z.string(),
  sku: z.string().nullable().optional(),
  productName: z.string().nullable().optional(),
  plannedQuantity: z.number(),
  completedQuantity: z.number().nullable().optional(),
  status: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable().optional()
})

export const fgTicket = z.looseObject({
  id: z.string().min(1),
  ticketNumber: z.string(),
  jobRunId: z.string().nullable().optional(),
  jobNumber: z.string().nullable().optional(),
  productId: z.string(),
  sku: z.string().nullable().optional(),
  productName: z.string().nullable().optional(),
  quantity: z.number(),
  status: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable().optional(),
  labTestPassed: z.boolean().nullable().optional(),
  metrcSynced: z.boolean().nullable().optional()
})

/** The documented page envelope (snake_case). */
export const fgEnvelope = z.object({
  page: z.number().int(),
  page_size: z.number().int(),
  total_records: z.number().int().nonnegative(),
  total_pages: z.number().int().nonnegative(),
  data: z.array(z.unknown())
})

/** The documented error body. */
export const fgErrorBody = z.looseObject({ code: z.string(), message: z.string() })
