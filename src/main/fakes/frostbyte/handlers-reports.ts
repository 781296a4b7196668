/**
 * Reports: point-in-time snapshots, not paginated, silently truncated at their caps (as
 * documented). A filter id outside the org gives 422 invalid_reference; never 404.
 */
import { compareBy } from '../common/table'
import { DAY, iso, isoOrNull } from '../common/time'
import type { FbContext, FbResult, FbRoute } from './context'
import { round } from './data'
import { fbError } from './errors'
import type { FbProduct, FbStockRow } from './model'
import { Query } from './query'
import { batchSummary } from './serialize'

function warehouseFilter(ctx: FbContext, q: Query): string | undefined {
  const id = q.str('warehouseId')
  if (id !== undefined && !ctx.data.warehouse(id))
    throw fbError.invalidReference(`warehouseId ${id} is not in your organisation`)
  return id
}

function categoryFilter(ctx: FbContext, q: Query): string | undefined {
  const id = q.str('categoryId')
  if (id !== undefined && !ctx.data.category(id))
    throw fbError.invalidReference(`categoryId ${id} is not in your organisation`)
  return id
}

/** Active products in name order; the first `cap` of them. */
function scanProducts(ctx: FbContext, cap: number, categoryId: string | undefined): Readonly<FbProduct>[] {
  const d = ctx.data
  const sorted = d.memo('products:sorted:name:asc', () =>
    d.products.all().sort(compareBy((p) => p.name, 'asc'))
  )
  const out: Readonly<FbProduct>[] = []
  for (const p of sorted) {
    if (out.length >= cap) break
    if (p.isActive && (categoryId === undefined || p.categoryId === categoryId)) out.push(p)
  }
  return out
}

/**
 * ASSUMPTIONS: scans the first 1000 active products in name order (the docs say "scans up to
 * 1000 products"); a product with minStockLevel 0 has no minimum and is never low; the
 * suggested quantity is max(reorderQuantity, minStockLevel − onHand); row field names.
 */
function lowStock(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['warehouseId', 'categoryId'])
  const warehouseId = warehouseFilter(ctx, q)
  const categoryId = categoryFilter(ctx, q)
  const d = ctx.data
  const products = scanProducts(ctx, 1000, categoryId).flatMap((p) => {
    const onHand = d.totalOnHand(p.id, warehouseId)
    if (p.minStockLevel <= 0 || onHand > p.minStockLevel) return []
    const suggested = Math.max(p.reorderQuantity, round(p.minStockLevel - onHand))
    return [
      {
        productId: p.id,
        sku: p.sku,
        name: p.name,
        barcode: p.barcode,
        minStockLevel: p.minStockLevel,
        quantityOnHand: onHand,
        suggestedReorderQuantity: suggested,
        unitCost: p.costPrice,
        estimatedCost: Math.round(suggested * p.costPrice * 100) / 100
      }
    ]
  })
  return { status: 200, body: { products } }
}

/** ASSUMPTION: "active" batches are those not DEPLETED or RECALLED; window on expiryDate. */
function expiry(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['daysAhead', 'daysBack', 'warehouseId'])
  const ahead = q.int('daysAhead', 0) ?? 90
  const back = q.int('daysBack', 0) ?? 30
  const warehouseId = warehouseFilter(ctx, q)
  const d = ctx.data
  const from = ctx.now - back * DAY
  const to = ctx.now + ahead * DAY
  const batches = d.batches
    .all()
    .filter(
      (b) =>
        b.expiryDate !== null &&
        b.expiryDate >= from &&
        b.expiryDate <= to &&
        b.status !== 'DEPLETED' &&
        b.status !== 'RECALLED'
    )
    .filter((b) => warehouseId === undefined || d.batchCells(b).some((x) => x.warehouseId === warehouseId))
    .sort(compareBy((b) => b.expiryDate, 'asc'))
    .slice(0, 1000)
    .map((b) => ({
      ...batchSummary(d, b),
      daysUntilExpiry: Math.floor(((b.expiryDate ?? 0) - ctx.now) / DAY),
      locations: d
        .batchCells(b)
        .filter((x) => x.cell.onHand > 0 && (warehouseId === undefined || x.warehouseId === warehouseId))
        .map((x) => ({
          warehouseId: x.warehouseId,
          warehouseCode: d.warehouse(x.warehouseId)?.code ?? null,
          binId: x.cell.binId,
          binCode: d.bin(x.cell.binId)?.bin.code ?? null,
          quantity: x.cell.onHand
        }))
    }))
  return { status: 200, body: { batches } }
}

/**
 * Per-location (product × warehouse) stock at `asAtDate`: current levels minus every movement
 * after that instant. At most 5000 current rows, in product-name order (ASSUMPTION); no
 * productId filter is documented, so none is accepted.
 */
function stockAtDate(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['asAtDate', 'warehouseId', 'categoryId'])
  const asAt = q.instant('asAtDate')
  if (asAt === undefined) throw fbError.invalidParameter('asAtDate is required')
  const warehouseId = warehouseFilter(ctx, q)
  const categoryId = categoryFilter(ctx, q)
  const d = ctx.data
  const later = new Map<string, number>()
  for (const m of d.movements) {
    if (m.at > asAt)
      later.set(
        `${m.productId}|${m.warehouseId}`,
        (later.get(`${m.productId}|${m.warehouseId}`) ?? 0) + m.quantityChange
      )
  }
  const name = (r: Readonly<FbStockRow>): string => d.products.get(r.productId)?.name ?? ''
  const rows = d
    .memo('stock-rows:by-name', () => d.stockRows.all().sort(compareBy(name, 'asc')))
    .filter((r) => {
      const p = d.products.get(r.productId)
      return (
        p !== undefined &&
        (warehouseId === undefined || r.warehouseId === warehouseId) &&
        (categoryId === undefined || p.categoryId === categoryId)
      )
    })
    .slice(0, 5000)
    .map((r) => {
      const p = d.products.get(r.productId)
      const current = d.totalOnHand(r.productId, r.warehouseId)
      return {
        productId: r.productId,
        sku: p?.sku ?? null,
        productName: p?.name ?? null,
        warehouseId: r.warehouseId,
        warehouseCode: d.warehouse(r.warehouseId)?.code ?? null,
        quantityOnHand: round(current - (later.get(`${r.productId}|${r.warehouseId}`) ?? 0)),
        reserved: 0
      }
    })
  return { status: 200, body: { asAtDate: iso(asAt), rows } }
}

function stockMovement(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['dateFrom', 'dateTo', 'productId', 'warehouseId'])
  const from = q.instant('dateFrom')
  const to = q.instant('dateTo', true)
  if (from === undefined || to === undefined)
    throw fbError.invalidParameter('dateFrom and dateTo are required')
  if (to <= from) throw fbError.invalidParameter('dateTo must be after dateFrom')
  const productId = q.str('productId')
  if (productId !== undefined && !ctx.data.products.has(productId))
    throw fbError.invalidReference(`productId ${productId} is not in your organisation`)
  const warehouseId = warehouseFilter(ctx, q)
  const d = ctx.data
  const movements = d.movements
    .filter(
      (m) =>
        m.at >= from &&
        m.at <= to &&
        (productId === undefined || m.productId === productId) &&
        (warehouseId === undefined || m.warehouseId === warehouseId)
    )
    .sort((a, b) => a.at - b.at)
    .slice(0, 1000)
    .map((m) => ({
      id: m.id,
      type: m.type,
      productId: m.productId,
      sku: d.products.get(m.productId)?.sku ?? null,
      warehouseId: m.warehouseId,
      warehouseCode: d.warehouse(m.warehouseId)?.code ?? null,
      binId: m.binId,
      batchId: m.batchId,
      quantityChange: m.quantityChange,
      reference: m.reference,
      occurredAt: isoOrNull(m.at)
    }))
  return { status: 200, body: { movements } }
}

export const reportRoutes: FbRoute[] = [
  { method: 'GET', pattern: '/reports/low-stock', handler: lowStock },
  { method: 'GET', pattern: '/reports/expiry', handler: expiry },
  { method: 'GET', pattern: '/reports/stock-on-hand-at-date', handler: stockAtDate },
  { method: 'GET', pattern: '/reports/stock-movement', handler: stockMovement }
]
