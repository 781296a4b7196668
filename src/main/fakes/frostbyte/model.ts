/**
 * Frostbyte Pro records as the fake keeps them. Instants are epoch milliseconds; the
 * serialisers render them as ISO 8601 UTC with milliseconds, as the vendor does.
 * Field names follow /work/shared/vendors/frostbyte.md; where the docs only describe a
 * field in prose, the name is an ASSUMPTION (see U5–U11 there).
 */

export type UomType = 'WEIGHT' | 'VOLUME' | 'LENGTH' | 'AREA' | 'UNIT' | 'TIME'

export interface FbUnitOfMeasure {
  id: string
  name: string
  abbreviation: string
  type: UomType
}

export interface FbCategory {
  id: string
  name: string
  parentId: string | null
  sortOrder: number
}

export interface FbBin {
  id: string
  code: string
  name: string
}

export interface FbZone {
  id: string
  code: string
  name: string
  bins: FbBin[]
}

export interface FbWarehouse {
  id: string
  code: string
  name: string
  isActive: boolean
  zones: FbZone[]
}

// ASSUMPTION: product types are STANDARD | SERVICE | KIT (the docs name a `productType` filter, not its values).
export const PRODUCT_TYPES = ['STANDARD', 'SERVICE', 'KIT'] as const
export type ProductType = (typeof PRODUCT_TYPES)[number]

export interface FbProduct {
  id: string
  sku: string
  name: string
  description: string | null
  /** As printed on the item: EAN-13, or the 12-digit UPC-A for US-sourced goods; null when unlabelled. */
  barcode: string | null
  /** Every code the item carries (not an API field; for tests and scan fixtures). */
  codes: { ean13: string; upcA: string | null; gtin14: string | null }
  costPrice: number
  defaultPrice: number
  taxRate: number
  imageUrl: string | null
  unitOfMeasureId: string
  categoryId: string | null
  productType: ProductType
  trackBatches: boolean
  trackSerials: boolean
  isActive: boolean
  // ASSUMPTION: named minStockLevel / reorderQuantity (U5).
  minStockLevel: number
  reorderQuantity: number
  notes: string | null
  /** ASSUMPTION: a case/outer unit with its own GTIN-14 (the docs mention "purchase/sale units"). */
  purchaseUnit: { name: string; factor: number; barcode: string | null } | null
  supplierIds: string[]
  createdAt: number
  updatedAt: number
}

/** Stock in one bin (and one batch, for batch-tracked products). */
export interface FbStockCell {
  binId: string
  batchId: string | null
  onHand: number
  reserved: number
}

/** One stock-on-hand row: a product in a warehouse, with its bin-level cells. */
export interface FbStockRow {
  id: string
  productId: string
  warehouseId: string
  cells: FbStockCell[]
  updatedAt: number
}

// ASSUMPTION: batch statuses (U8).
export const BATCH_STATUSES = ['ACTIVE', 'QUARANTINED', 'EXPIRED', 'RECALLED', 'DEPLETED'] as const
export type BatchStatus = (typeof BATCH_STATUSES)[number]

export interface FbBatch {
  id: string
  batchNumber: string
  status: BatchStatus
  manufactureDate: number | null
  expiryDate: number | null
  /** The product the batch was created against (the API derives it from the batch's items). */
  productId: string | null
  unitCost: number | null
  notes: string | null
  createdAt: number
  updatedAt: number
}

// ASSUMPTION: RETURNED and ALLOCATED besides the documented AVAILABLE and SOLD (U9).
export const SERIAL_STATUSES = ['AVAILABLE', 'ALLOCATED', 'SOLD', 'RETURNED'] as const
export type SerialStatus = (typeof SERIAL_STATUSES)[number]

export interface FbSerial {
  id: string
  serialNumber: string
  status: SerialStatus
  productId: string
  warehouseId: string | null
  binId: string | null
  batchId: string | null
  receivedAt: number | null
  soldAt: number | null
  returnedAt: number | null
  notes: string | null
  createdAt: number
  updatedAt: number
}

export interface FbSupplier {
  id: string
  code: string
  name: string
  email: string | null
  phone: string | null
  currency: string
  isActive: boolean
  createdAt: number
  updatedAt: number
}

export const PO_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'COMPLETED',
  'CANCELLED'
] as const
export type PoStatus = (typeof PO_STATUSES)[number]

export interface FbPoLine {
  id: string
  productId: string
  quantity: number
  quantityReceived: number
  unitCost: number
  taxRate: number
}

export interface FbPurchaseOrder {
  id: string
  orderNumber: string
  status: PoStatus
  supplierId: string
  warehouseId: string | null
  orderDate: number
  expectedDate: number | null
  receivedDate: number | null
  currency: string
  notes: string | null
  lines: FbPoLine[]
  createdAt: number
  updatedAt: number
}

export interface FbReceiptLine {
  poLineId: string
  productId: string
  quantity: number
  binId: string
  batchId: string | null
  serialNumbers: string[]
}

export interface FbReceipt {
  id: string
  reference: string
  purchaseOrderId: string
  warehouseId: string
  receivedAt: number
  notes: string | null
  lines: FbReceiptLine[]
  createdAt: number
}

export const SO_STATUSES = [
  'DRAFT',
  'CONFIRMED',
  'PICKING',
  'PACKED',
  'PARTIALLY_DISPATCHED',
  'DISPATCHED',
  'COMPLETED',
  'CANCELLED'
] as const
export type SoStatus = (typeof SO_STATUSES)[number]

/** Sales orders exist only as shipment parents in this fake (no /sales-orders routes). */
export interface FbSalesOrder {
  id: string
  orderNumber: string
  status: SoStatus
  customerName: string
  warehouseId: string
  lines: {
    id: string
    productId: string
    quantity: number
    quantityDispatched: number
    unitPrice: number
    taxRate: number
  }[]
  createdAt: number
  updatedAt: number
}

// ASSUMPTION: DELIVERED and CANCELLED besides the documented four (U10).
export const SHIPMENT_STATUSES = [
  'PICKING',
  'PICKED',
  'PACKED',
  'DISPATCHED',
  'DELIVERED',
  'CANCELLED'
] as const
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number]

export interface FbShipment {
  id: string
  shipmentNumber: string
  status: ShipmentStatus
  salesOrderId: string
  carrier: string | null
  trackingNumber: string | null
  totalWeight: number | null
  shipDate: number | null
  notes: string | null
  lines: { soLineId: string; productId: string; quantity: number; unitPrice: number; taxRate: number }[]
  createdAt: number
  updatedAt: number
}

// ASSUMPTION: the reason enum is invented (U3); STOCK_REQUISITION is documented as filter-only.
export const ADJUSTMENT_REASONS = [
  'CYCLE_COUNT',
  'WRITE_OFF',
  'DAMAGE',
  'CORRECTION',
  'OTHER',
  'STOCK_REQUISITION'
] as const
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]
export const ADJUSTMENT_STATUSES = ['DRAFT', 'COMPLETED', 'VOIDED'] as const
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number]

export interface FbAdjustmentLine {
  productId: string
  warehouseId: string
  binId: string | null
  batchId: string | null
  quantityChange: number
  costPerUnit: number | null
}

export interface FbAdjustment {
  id: string
  adjustmentNumber: string
  reason: AdjustmentReason
  status: AdjustmentStatus
  notes: string | null
  completedAt: number | null
  createdAt: number
  updatedAt: number
  lines: FbAdjustmentLine[]
}

export type MovementType = 'ADJUSTMENT' | 'RECEIPT' | 'DISPATCH' | 'TRANSFER'

/** One signed stock change; the source of /reports/stock-movement and stock-on-hand-at-date. */
export interface FbMovement {
  id: string
  type: MovementType
  productId: string
  warehouseId: string
  binId: string | null
  batchId: string | null
  quantityChange: number
  reference: string
  at: number
}

export interface FbApiKey {
  scopes: string[]
  /** Keys of one org share the per-org rate limit. */
  org: string
}
