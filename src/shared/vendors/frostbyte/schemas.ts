import { z } from 'zod'

/**
 * Frostbyte Pro records as its docs describe them. Objects are loose: the
 * vendor adds fields on v1 without notice and clients must ignore them.
 * Field names the docs give only in prose are ASSUMPTIONS (vendor notes U5–U7).
 */
const ref = z.looseObject({ id: z.string(), sku: z.string().optional(), name: z.string().optional() })

export const fbProduct = z.looseObject({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  barcode: z.string().nullable().optional(),
  isActive: z.boolean().optional(),
  trackBatches: z.boolean().optional(),
  trackSerials: z.boolean().optional(),
  // ASSUMPTION (U5): the minimum is `minStockLevel`, present in the list shape.
  minStockLevel: z.number().nullable().optional(),
  totalStockOnHand: z.number().nullable().optional(),
  unitOfMeasure: z
    .looseObject({ abbreviation: z.string().optional(), name: z.string().optional() })
    .nullable()
    .optional(),
  purchaseUnit: z.looseObject({ barcode: z.string().nullable().optional() }).nullable().optional(),
  updatedAt: z.string()
})

// ASSUMPTION (U6): stock-on-hand row shape.
export const fbStockRow = z.looseObject({
  id: z.string(),
  product: ref.nullable(),
  warehouse: z.looseObject({ id: z.string(), code: z.string().nullable().optional() }),
  quantityOnHand: z.number(),
  quantityReserved: z.number().optional(),
  quantityAvailable: z.number().optional(),
  batches: z
    .array(
      z.looseObject({
        batchId: z.string(),
        batchNumber: z.string().nullable().optional(),
        expiryDate: z.string().nullable().optional(),
        quantity: z.number()
      })
    )
    .optional(),
  // ASSUMPTION (U6, extended): where the row's stock stands, per bin × batch.
  bins: z
    .array(
      z.looseObject({
        binId: z.string(),
        binCode: z.string().nullable().optional(),
        batchId: z.string().nullable().optional(),
        quantity: z.number()
      })
    )
    .optional(),
  updatedAt: z.string().optional()
})

// ASSUMPTION (U7): zones with bins inside each warehouse.
const fbBin = z.looseObject({ id: z.string(), code: z.string().optional(), name: z.string().optional() })
export const fbWarehouse = z.looseObject({
  id: z.string(),
  code: z.string().optional(),
  name: z.string(),
  zones: z
    .array(
      z.looseObject({
        id: z.string(),
        code: z.string().optional(),
        name: z.string().optional(),
        bins: z.array(fbBin).optional()
      })
    )
    .optional()
})

export const fbBatch = z.looseObject({
  id: z.string(),
  batchNumber: z.string(),
  status: z.string().optional(),
  expiryDate: z.string().nullable().optional(),
  product: ref.nullable().optional(),
  updatedAt: z.string().optional()
})

export const fbPurchaseOrder = z.looseObject({
  id: z.string(),
  orderNumber: z.string(),
  status: z.string(),
  supplier: z.looseObject({ name: z.string().optional() }).nullable().optional(),
  warehouseId: z.string().nullable().optional(),
  expectedDate: z.string().nullable().optional(),
  lines: z.array(
    z.looseObject({
      id: z.string(),
      productId: z.string(),
      product: z
        .looseObject({ sku: z.string().optional(), name: z.string().optional() })
        .nullable()
        .optional(),
      quantity: z.number(),
      quantityReceived: z.number().optional()
    })
  ),
  updatedAt: z.string().optional()
})

export const fbShipment = z.looseObject({
  id: z.string(),
  shipmentNumber: z.string(),
  status: z.string(),
  salesOrder: z.looseObject({ orderNumber: z.string().optional() }).nullable().optional(),
  carrier: z.string().nullable().optional(),
  trackingNumber: z.string().nullable().optional(),
  lines: z
    .array(
      z.looseObject({
        soLineId: z.string(),
        productId: z.string(),
        product: z
          .looseObject({ sku: z.string().optional(), name: z.string().optional() })
          .nullable()
          .optional(),
        quantity: z.number()
      })
    )
    .optional(),
  updatedAt: z.string().optional()
})

export const fbListEnvelope = z.object({
  data: z.array(z.unknown()),
  pagination: z.looseObject({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    totalPages: z.number()
  })
})

export const fbErrorBody = z.object({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional()
  })
})
