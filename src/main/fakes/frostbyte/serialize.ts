/**
 * Records → the JSON shapes the API returns. Field names beyond the documented ones are
 * ASSUMPTIONs (U5–U7 in the vendor notes) and are marked where they appear.
 */
import { iso, isoOrNull } from '../common/time'
import { round, type FrostbyteData } from './data'
import type {
  FbAdjustment,
  FbBatch,
  FbProduct,
  FbPurchaseOrder,
  FbReceipt,
  FbSerial,
  FbShipment,
  FbStockRow,
  FbSupplier,
  FbWarehouse
} from './model'

type D = FrostbyteData

export function productSummary(d: D, p: Readonly<FbProduct>): Record<string, unknown> {
  const uom = d.unitOfMeasure(p.unitOfMeasureId)
  const cat = d.category(p.categoryId)
  return {
    id: p.id,
    sku: p.sku,
    name: p.name,
    description: p.description,
    barcode: p.barcode,
    costPrice: p.costPrice,
    defaultPrice: p.defaultPrice,
    taxRate: p.taxRate,
    imageUrl: p.imageUrl,
    // ASSUMPTION: `unitOfMeasure` and `category` objects (U5).
    unitOfMeasure: uom
      ? { id: uom.id, name: uom.name, abbreviation: uom.abbreviation, type: uom.type }
      : null,
    category: cat ? { id: cat.id, name: cat.name } : null,
    productType: p.productType,
    // ASSUMPTION: tracking flags named trackBatches / trackSerials (U5).
    trackBatches: p.trackBatches,
    trackSerials: p.trackSerials,
    isActive: p.isActive,
    // ASSUMPTION: minStockLevel is in the list shape too (the client needs it for low-stock without 100k detail calls).
    minStockLevel: p.minStockLevel,
    totalStockOnHand: d.totalOnHand(p.id),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt)
  }
}

export function productDetail(d: D, p: Readonly<FbProduct>): Record<string, unknown> {
  const uom = d.unitOfMeasure(p.unitOfMeasureId)
  return {
    ...productSummary(d, p),
    reorderQuantity: p.reorderQuantity,
    notes: p.notes,
    // ASSUMPTION: purchase/sale unit shapes; the purchase unit of a case carries its GTIN-14.
    purchaseUnit: p.purchaseUnit ?? { name: uom?.name ?? 'Each', factor: 1, barcode: p.barcode },
    saleUnit: { name: uom?.name ?? 'Each', factor: 1, barcode: p.barcode },
    variants: [],
    suppliers: p.supplierIds.flatMap((id) => {
      const s = d.suppliers.get(id)
      return s ? [{ id: s.id, code: s.code, name: s.name }] : []
    }),
    // ASSUMPTION: per-warehouse stock levels named stockLevels (U5).
    stockLevels: d.stockOf(p.id).map((row) => {
      const t = rowTotals(row)
      return {
        warehouseId: row.warehouseId,
        warehouseCode: d.warehouse(row.warehouseId)?.code ?? null,
        onHand: t.onHand,
        reserved: t.reserved,
        available: round(t.onHand - t.reserved)
      }
    })
  }
}

export function rowTotals(row: Readonly<FbStockRow>): { onHand: number; reserved: number } {
  let onHand = 0
  let reserved = 0
  for (const c of row.cells) {
    onHand += c.onHand
    reserved += c.reserved
  }
  return { onHand: round(onHand), reserved: round(reserved) }
}

/** ASSUMPTION: stock-on-hand row shape (U6). */
export function stockRow(d: D, row: Readonly<FbStockRow>): Record<string, unknown> {
  const p = d.products.get(row.productId)
  const t = rowTotals(row)
  const batches = new Map<string, number>()
  for (const c of row.cells)
    if (c.batchId !== null) batches.set(c.batchId, (batches.get(c.batchId) ?? 0) + c.onHand)
  return {
    id: row.id,
    product: p ? { id: p.id, sku: p.sku, name: p.name } : null,
    warehouse: { id: row.warehouseId, code: d.warehouse(row.warehouseId)?.code ?? null },
    quantityOnHand: t.onHand,
    quantityReserved: t.reserved,
    quantityAvailable: round(t.onHand - t.reserved),
    batches: [...batches].map(([batchId, quantity]) => {
      const b = d.batches.get(batchId)
      return {
        batchId,
        batchNumber: b?.batchNumber ?? null,
        expiryDate: isoOrNull(b?.expiryDate),
        quantity: round(quantity)
      }
    }),
    // ASSUMPTION (U6, extended): the row also says where its stock stands, bin by bin (one entry
    // per bin × batch, as the app's stock screen breaks it down). The documented fields name the
    // warehouse only; adjustments and receipts take a binId, so the vendor keeps stock per bin.
    bins: row.cells.map((c) => ({
      binId: c.binId,
      binCode: d.bin(c.binId)?.bin.code ?? null,
      batchId: c.batchId,
      quantity: round(c.onHand)
    })),
    updatedAt: iso(row.updatedAt)
  }
}

/** ASSUMPTION: zone and bin fields (U7). */
export function warehouse(w: FbWarehouse): Record<string, unknown> {
  return {
    id: w.id,
    code: w.code,
    name: w.name,
    isActive: w.isActive,
    zones: w.zones.slice(0, 50).map((z) => ({
      id: z.id,
      code: z.code,
      name: z.name,
      bins: z.bins.slice(0, 500).map((b) => ({ id: b.id, code: b.code, name: b.name }))
    }))
  }
}

export function batchSummary(d: D, b: Readonly<FbBatch>): Record<string, unknown> {
  const p = b.productId === null ? undefined : d.products.get(b.productId)
  const hasItems = d.batchCells(b).length > 0
  return {
    id: b.id,
    batchNumber: b.batchNumber,
    status: b.status,
    manufactureDate: isoOrNull(b.manufactureDate),
    expiryDate: isoOrNull(b.expiryDate),
    // The product is derived from the batch's items: null for an empty batch.
    product: p && hasItems ? { id: p.id, sku: p.sku, name: p.name } : null,
    unitCost: b.unitCost,
    notes: b.notes,
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt)
  }
}

/** ASSUMPTION: batch item shape `{ warehouseId, warehouseCode, binId, binCode, quantity }`. */
export function batchItems(
  d: D,
  b: Readonly<FbBatch>
): {
  warehouseId: string
  warehouseCode: string | null
  binId: string
  binCode: string | null
  quantity: number
}[] {
  return d
    .batchCells(b)
    .slice(0, 1000)
    .map(({ warehouseId, cell }) => ({
      warehouseId,
      warehouseCode: d.warehouse(warehouseId)?.code ?? null,
      binId: cell.binId,
      binCode: d.bin(cell.binId)?.bin.code ?? null,
      quantity: cell.onHand
    }))
}

export function batchDetail(d: D, b: Readonly<FbBatch>): Record<string, unknown> {
  const items = batchItems(d, b)
  return { ...batchSummary(d, b), items, totalQuantity: round(items.reduce((s, i) => s + i.quantity, 0)) }
}

export function serialSummary(d: D, s: Readonly<FbSerial>): Record<string, unknown> {
  const p = d.products.get(s.productId)
  return {
    id: s.id,
    serialNumber: s.serialNumber,
    status: s.status,
    product: p ? { id: p.id, sku: p.sku, name: p.name } : null,
    receivedAt: isoOrNull(s.receivedAt),
    soldAt: isoOrNull(s.soldAt),
    returnedAt: isoOrNull(s.returnedAt),
    notes: s.notes,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt)
  }
}

/** ASSUMPTION: placement and history shapes; history is rebuilt from the lifecycle instants. */
export function serialDetail(d: D, s: Readonly<FbSerial>): Record<string, unknown> {
  const history: { status: string; at: string; note: string | null }[] = []
  if (s.receivedAt !== null) history.push({ status: 'AVAILABLE', at: iso(s.receivedAt), note: 'Received' })
  if (s.soldAt !== null) history.push({ status: 'SOLD', at: iso(s.soldAt), note: 'Dispatched' })
  if (s.returnedAt !== null) history.push({ status: 'RETURNED', at: iso(s.returnedAt), note: 'Returned' })
  return {
    ...serialSummary(d, s),
    placement: {
      batchId: s.batchId,
      warehouseId: s.warehouseId,
      warehouseCode: s.warehouseId === null ? null : (d.warehouse(s.warehouseId)?.code ?? null),
      binId: s.binId,
      binCode: s.binId === null ? null : (d.bin(s.binId)?.bin.code ?? null)
    },
    history: history.slice(0, 500)
  }
}

export function supplier(s: Readonly<FbSupplier>): Record<string, unknown> {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    email: s.email,
    phone: s.phone,
    currency: s.currency,
    isActive: s.isActive,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt)
  }
}

export function poTotals(po: Readonly<FbPurchaseOrder>): {
  subtotal: number
  taxTotal: number
  total: number
} {
  let subtotal = 0
  let taxTotal = 0
  for (const l of po.lines) {
    const net = l.quantity * l.unitCost
    subtotal += net
    taxTotal += net * l.taxRate
  }
  const r = (n: number): number => Math.round(n * 100) / 100
  return { subtotal: r(subtotal), taxTotal: r(taxTotal), total: r(subtotal + taxTotal) }
}

/** ASSUMPTION: list and detail share this shape, lines included. */
export function purchaseOrder(d: D, po: Readonly<FbPurchaseOrder>): Record<string, unknown> {
  const s = d.suppliers.get(po.supplierId)
  return {
    id: po.id,
    orderNumber: po.orderNumber,
    status: po.status,
    supplier: s ? { id: s.id, code: s.code, name: s.name } : null,
    warehouseId: po.warehouseId,
    orderDate: iso(po.orderDate),
    expectedDate: isoOrNull(po.expectedDate),
    receivedDate: isoOrNull(po.receivedDate),
    currency: po.currency,
    notes: po.notes,
    lines: po.lines.map((l) => {
      const p = d.products.get(l.productId)
      return {
        id: l.id,
        productId: l.productId,
        product: p ? { id: p.id, sku: p.sku, name: p.name } : null,
        quantity: l.quantity,
        quantityReceived: l.quantityReceived,
        unitCost: l.unitCost,
        taxRate: l.taxRate,
        lineTotal: Math.round(l.quantity * l.unitCost * 100) / 100
      }
    }),
    ...poTotals(po),
    createdAt: iso(po.createdAt),
    updatedAt: iso(po.updatedAt)
  }
}

export function receipt(d: D, r: Readonly<FbReceipt>): Record<string, unknown> {
  const po = d.purchaseOrders.get(r.purchaseOrderId)
  return {
    id: r.id,
    reference: r.reference,
    receivedAt: iso(r.receivedAt),
    warehouseId: r.warehouseId,
    notes: r.notes,
    lines: r.lines.map((l) => ({
      ...l,
      batchNumber: l.batchId === null ? null : (d.batches.get(l.batchId)?.batchNumber ?? null)
    })),
    // ASSUMPTION: the order's post-receipt state is returned as `purchaseOrder`.
    purchaseOrder: po
      ? {
          id: po.id,
          orderNumber: po.orderNumber,
          status: po.status,
          receivedDate: isoOrNull(po.receivedDate)
        }
      : null,
    createdAt: iso(r.createdAt)
  }
}

export function shipmentSummary(d: D, s: Readonly<FbShipment>): Record<string, unknown> {
  const so = d.salesOrders.get(s.salesOrderId)
  return {
    id: s.id,
    shipmentNumber: s.shipmentNumber,
    status: s.status,
    salesOrder: so ? { id: so.id, orderNumber: so.orderNumber } : null,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    totalWeight: s.totalWeight,
    shipDate: isoOrNull(s.shipDate),
    notes: s.notes,
    lineCount: s.lines.length,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt)
  }
}

export function shipmentDetail(d: D, s: Readonly<FbShipment>): Record<string, unknown> {
  return {
    ...shipmentSummary(d, s),
    lines: s.lines.map((l) => {
      const p = d.products.get(l.productId)
      return {
        soLineId: l.soLineId,
        productId: l.productId,
        product: p ? { sku: p.sku, name: p.name } : null,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        taxRate: l.taxRate
      }
    })
  }
}

export function adjustment(a: Readonly<FbAdjustment>): Record<string, unknown> {
  return {
    id: a.id,
    adjustmentNumber: a.adjustmentNumber,
    reason: a.reason,
    status: a.status,
    notes: a.notes,
    completedAt: isoOrNull(a.completedAt),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    lines: a.lines.map((l) => ({ ...l }))
  }
}
