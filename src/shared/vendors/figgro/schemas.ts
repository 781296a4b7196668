import { z } from 'zod'
import { anyId, maybeFlag, maybeId, maybeNumber, maybeText, tolerantObject, type Aliases } from '../tolerant'

/**
 * Figgro's records as Stockroom reads them. Its page lists no field of `data[]`
 * (./assumptions.ts, U2–U5, U9), so every record is read tolerantly (../tolerant.ts):
 * any casing, the plausible other names of a field, ids as strings or numbers,
 * everything but the id optional. Unknown fields are kept in `raw`.
 */

/** ASSUMPTION (U2–U5): the names Stockroom looks for first, then the likely others. */
const stockedAliases: Aliases = {
  sku: ['code', 'productCode', 'itemCode', 'materialCode', 'partNumber'],
  name: ['productName', 'materialName', 'description', 'title'],
  quantityOnHand: ['onHand', 'quantity', 'qtyOnHand', 'qty', 'stock', 'currentStock', 'available'],
  unitOfMeasure: ['uom', 'unit', 'units'],
  updatedAt: ['modifiedAt', 'lastModified', 'updated', 'modified']
}

const stocked = {
  id: anyId,
  sku: maybeText,
  name: maybeText,
  quantityOnHand: maybeNumber,
  unitOfMeasure: maybeText,
  updatedAt: maybeText
}

export const fgProduct = tolerantObject(stocked, stockedAliases)

export const fgRawMaterial = tolerantObject(
  { ...stocked, lotNumber: maybeText, expiryDate: maybeText },
  {
    ...stockedAliases,
    lotNumber: ['lot', 'lotNo', 'batchNumber'],
    expiryDate: ['expiry', 'expiresOn', 'expirationDate']
  }
)

const jobAliases: Aliases = {
  productId: ['product', 'productID', 'itemId'],
  sku: ['productSku', 'code', 'productCode'],
  productName: ['name', 'product_name', 'description'],
  status: ['state'],
  startDate: ['startedAt', 'start', 'runDate', 'createdAt'],
  endDate: ['endedAt', 'end', 'completedAt', 'finishedAt']
}

export const fgJobRun = tolerantObject(
  {
    id: anyId,
    jobNumber: maybeText,
    productId: maybeId,
    sku: maybeText,
    productName: maybeText,
    plannedQuantity: maybeNumber,
    completedQuantity: maybeNumber,
    status: maybeText,
    startDate: maybeText,
    endDate: maybeText
  },
  {
    ...jobAliases,
    jobNumber: ['number', 'jobRunNumber', 'runNumber', 'jobNo', 'reference'],
    plannedQuantity: ['quantity', 'targetQuantity', 'qty', 'planned', 'quantityPlanned'],
    completedQuantity: ['quantityCompleted', 'completed', 'producedQuantity', 'quantityProduced']
  }
)

export const fgTicket = tolerantObject(
  {
    id: anyId,
    ticketNumber: maybeText,
    jobRunId: maybeId,
    jobNumber: maybeText,
    productId: maybeId,
    sku: maybeText,
    productName: maybeText,
    quantity: maybeNumber,
    status: maybeText,
    startDate: maybeText,
    endDate: maybeText,
    labTestPassed: maybeFlag,
    metrcSynced: maybeFlag
  },
  {
    ...jobAliases,
    ticketNumber: ['number', 'ticketNo', 'ticket', 'reference'],
    jobRunId: ['jobRun', 'runId', 'jobId'],
    jobNumber: ['jobRunNumber', 'runNumber'],
    quantity: ['qty', 'plannedQuantity', 'ticketQuantity']
  }
)

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
