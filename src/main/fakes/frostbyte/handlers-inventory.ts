/** Stock on hand, warehouses, batches, serial numbers and stock adjustments. */
import { compareBy } from '../common/table'
import { contains, listResult, type FbContext, type FbResult, type FbRoute } from './context'
import { round } from './data'
import { fbError } from './errors'
import {
  ADJUSTMENT_REASONS,
  ADJUSTMENT_STATUSES,
  BATCH_STATUSES,
  SERIAL_STATUSES,
  type FbAdjustment,
  type FbAdjustmentLine,
  type FbStockRow
} from './model'
import { Query } from './query'
import {
  adjustment,
  batchDetail,
  batchSummary,
  rowTotals,
  serialDetail,
  serialSummary,
  stockRow,
  warehouse
} from './serialize'
import { Checker } from './validate'

function listStock(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, [
    'search',
    'warehouseId',
    'productId',
    'includeZero',
    'includeInactiveProducts',
    'modifiedSince',
    'sortBy',
    'sortDir'
  ])
  const search = q.str('search')?.toLowerCase()
  const warehouseId = q.str('warehouseId')
  const productId = q.str('productId')
  const includeZero = q.bool('includeZero') ?? false
  const includeInactive = q.bool('includeInactiveProducts') ?? false
  const since = q.instant('modifiedSince')
  const sort = q.sort(['productName', 'updatedAt'] as const, { by: 'productName', dir: 'asc' })
  const d = ctx.data
  const productName = (r: Readonly<FbStockRow>): string => d.products.get(r.productId)?.name ?? ''
  return listResult(
    ctx,
    q,
    'stock-on-hand',
    () => {
      const base = productId !== undefined ? [...d.stockOf(productId)] : d.stockRows.all()
      return base
        .filter((r) => {
          const p = d.products.get(r.productId)
          if (!p) return false
          if (!includeInactive && !p.isActive) return false
          if (warehouseId !== undefined && r.warehouseId !== warehouseId) return false
          if (since !== undefined && r.updatedAt < since) return false
          // ASSUMPTION: without includeZero, rows with nothing on hand or reserved are hidden.
          if (!includeZero) {
            const t = rowTotals(r)
            if (t.onHand === 0 && t.reserved === 0) return false
          }
          return search === undefined || contains(p.sku, search) || contains(p.name, search)
        })
        .sort(compareBy(sort.by === 'productName' ? productName : (r) => r.updatedAt, sort.dir))
    },
    (r) => stockRow(d, r)
  )
}

function listWarehouses(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, [])
  return listResult(ctx, q, 'warehouses', () => ctx.data.warehouses, warehouse)
}

function listBatches(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, [
    'productId',
    'warehouseId',
    'status',
    'expiryAfter',
    'expiryBefore',
    'search',
    'modifiedSince'
  ])
  const d = ctx.data
  const productId = q.str('productId')
  const warehouseId = q.str('warehouseId')
  if (productId !== undefined && !d.products.has(productId)) throw fbError.notFound('Product')
  if (warehouseId !== undefined && !d.warehouse(warehouseId)) throw fbError.notFound('Warehouse')
  const status = q.oneOf('status', BATCH_STATUSES)
  const after = q.instant('expiryAfter')
  const before = q.instant('expiryBefore', true)
  const search = q.str('search')?.toLowerCase()
  const since = q.instant('modifiedSince')
  return listResult(
    ctx,
    q,
    'batches',
    () =>
      d.batches
        .all()
        .filter(
          (b) =>
            (productId === undefined || b.productId === productId) &&
            (warehouseId === undefined ||
              d.batchCells(b).some((x) => x.warehouseId === warehouseId && x.cell.onHand > 0)) &&
            (status === undefined || b.status === status) &&
            (after === undefined || (b.expiryDate !== null && b.expiryDate >= after)) &&
            (before === undefined || (b.expiryDate !== null && b.expiryDate <= before)) &&
            (search === undefined || contains(b.batchNumber, search)) &&
            (since === undefined || b.updatedAt >= since)
        )
        // FEFO: earliest expiry first, id tiebreaker. ASSUMPTION: batches without expiry come last.
        .sort(compareBy((b) => b.expiryDate, 'asc')),
    (b) => batchSummary(d, b)
  )
}

function getBatch(ctx: FbContext): FbResult {
  new Query(ctx.query, [])
  const b = ctx.data.batches.get(ctx.params.id ?? '')
  if (!b) throw fbError.notFound('Batch')
  return { status: 200, body: batchDetail(ctx.data, b) }
}

function listSerials(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['productId', 'status', 'serial', 'modifiedSince'])
  const d = ctx.data
  const productId = q.str('productId')
  if (productId !== undefined && !d.products.has(productId)) throw fbError.notFound('Product')
  const status = q.oneOf('status', SERIAL_STATUSES)
  const serial = q.str('serial')?.toLowerCase()
  const since = q.instant('modifiedSince')
  return listResult(
    ctx,
    q,
    'serial-numbers',
    () =>
      d.serials
        .all()
        .filter(
          (s) =>
            (productId === undefined || s.productId === productId) &&
            (status === undefined || s.status === status) &&
            (serial === undefined || s.serialNumber.toLowerCase() === serial) &&
            (since === undefined || s.updatedAt >= since)
        )
        .sort(compareBy((s) => s.createdAt, 'desc')),
    (s) => serialSummary(d, s)
  )
}

function getSerial(ctx: FbContext): FbResult {
  new Query(ctx.query, [])
  const s = ctx.data.serials.get(ctx.params.id ?? '')
  if (!s) throw fbError.notFound('Serial number')
  return { status: 200, body: serialDetail(ctx.data, s) }
}

function listAdjustments(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, [
    'search',
    'status',
    'reason',
    'warehouseId',
    'dateFrom',
    'dateTo',
    'modifiedSince'
  ])
  const search = q.str('search')?.toLowerCase()
  const status = q.listOf('status', ADJUSTMENT_STATUSES)
  const reason = q.listOf('reason', ADJUSTMENT_REASONS)
  const warehouseId = q.str('warehouseId')
  const from = q.instant('dateFrom')
  const to = q.instant('dateTo', true)
  const since = q.instant('modifiedSince')
  return listResult(
    ctx,
    q,
    'stock-adjustments',
    () =>
      ctx.data.adjustments
        .all()
        .filter(
          (a) =>
            (search === undefined || contains(a.adjustmentNumber, search)) &&
            (status === undefined || status.includes(a.status)) &&
            (reason === undefined || reason.includes(a.reason)) &&
            (warehouseId === undefined || a.lines.some((l) => l.warehouseId === warehouseId)) &&
            (from === undefined || a.createdAt >= from) &&
            (to === undefined || a.createdAt <= to) &&
            (since === undefined || a.updatedAt >= since)
        )
        .sort(compareBy((a) => a.createdAt, 'desc')),
    adjustment
  )
}

function getAdjustment(ctx: FbContext): FbResult {
  new Query(ctx.query, [])
  const a = ctx.data.adjustments.get(ctx.params.id ?? '')
  if (!a) throw fbError.notFound('Stock adjustment')
  return { status: 200, body: adjustment(a) }
}

/**
 * POST /stock-adjustments. ASSUMPTION (U2): body `{ reason, notes?, lines: [{ productId,
 * warehouseId, binId?, batchId?, quantityChange, costPerUnit? }] }`; the adjustment is
 * COMPLETED at once and moves stock immediately. Every line is checked before anything
 * changes.
 */
function createAdjustment(ctx: FbContext): FbResult {
  const d = ctx.data
  const c = new Checker()
  const body = c.object(ctx.body(), '')
  if (!body) throw fbError.validation(c.issues)
  const reason = c.enumValue(body, 'reason', '', ADJUSTMENT_REASONS, true)
  // ASSUMPTION: the reserved reason is a validation error (the docs only say POST rejects it).
  if (reason === 'STOCK_REQUISITION') c.add('reason', 'STOCK_REQUISITION is reserved for in-app requisitions')
  const notes = c.string(body, 'notes', '', { max: 2000, nullable: true })
  const rawLines = c.array(body, 'lines', '', { required: true, min: 1, max: 50 }) ?? []
  const lines: FbAdjustmentLine[] = []
  rawLines.forEach((raw, i) => {
    const path = `lines.${i}`
    const line = c.object(raw, path)
    if (!line) return
    const productId = c.string(line, 'productId', path, { required: true })
    const warehouseId = c.string(line, 'warehouseId', path, { required: true })
    const binId = c.string(line, 'binId', path, { nullable: true })
    const batchId = c.string(line, 'batchId', path, { nullable: true })
    // ASSUMPTION: a zero change is a validation error.
    const quantityChange = c.number(line, 'quantityChange', path, { required: true, nonZero: true })
    const costPerUnit = c.number(line, 'costPerUnit', path, { min: 0 })
    if (typeof productId === 'string' && typeof warehouseId === 'string' && quantityChange !== undefined) {
      lines.push({
        productId,
        warehouseId,
        binId: binId ?? null,
        batchId: batchId ?? null,
        quantityChange,
        costPerUnit: costPerUnit ?? null
      })
    }
  })
  c.done()

  // References (422 invalid_reference), then business rules (422 unprocessable).
  const projected = new Map<string, number>()
  lines.forEach((l, i) => {
    const p = d.products.get(l.productId)
    if (!p || !p.isActive)
      throw fbError.invalidReference(
        `lines.${i}.productId: product ${l.productId} is not in your organisation or is inactive`
      )
    const wh = d.warehouse(l.warehouseId)
    if (!wh || !wh.isActive)
      throw fbError.invalidReference(
        `lines.${i}.warehouseId: warehouse ${l.warehouseId} is not in your organisation or is inactive`
      )
    if (l.binId !== null && d.bin(l.binId)?.warehouseId !== l.warehouseId)
      throw fbError.invalidReference(`lines.${i}.binId: bin ${l.binId} is not in warehouse ${wh.code}`)
    if (l.batchId !== null) {
      const b = d.batches.get(l.batchId)
      if (!b || b.productId !== p.id)
        throw fbError.invalidReference(`lines.${i}.batchId: batch ${l.batchId} is not a batch of ${p.sku}`)
    }
    const uom = d.unitOfMeasure(p.unitOfMeasureId)
    // ASSUMPTION (U4): UNIT-type products (and serial-tracked ones) take whole numbers only.
    if ((uom?.type === 'UNIT' || p.trackSerials) && !Number.isInteger(l.quantityChange)) {
      throw fbError.unprocessable(
        `lines.${i}.quantityChange: ${p.sku} is counted in ${uom?.abbreviation ?? 'units'}, which must be whole numbers`
      )
    }
    // ASSUMPTION: batch-tracked stock must be adjusted per batch.
    if (p.trackBatches && l.batchId === null)
      throw fbError.unprocessable(`lines.${i}.batchId: ${p.sku} is batch-tracked; batchId is required`)
    l.binId ??= d.defaultBin(p.id, l.warehouseId) ?? null
    if (l.binId === null) throw fbError.unprocessable(`lines.${i}.binId: warehouse ${wh.code} has no bins`)
    // ASSUMPTION: adjusting serial-tracked stock does not change the serial records themselves.
    if (p.trackBatches || p.trackSerials) {
      const key = `${p.id}|${l.warehouseId}|${l.batchId ?? ''}`
      const current =
        projected.get(key) ??
        (p.trackBatches && l.batchId !== null
          ? batchOnHandIn(ctx, l.batchId, l.warehouseId)
          : d.totalOnHand(p.id, l.warehouseId))
      const next = round(current + l.quantityChange)
      if (next < 0)
        throw fbError.unprocessable(
          `lines.${i}.quantityChange: insufficient stock — ${p.sku} has ${current} in ${wh.code}, the adjustment needs ${-l.quantityChange}`
        )
      projected.set(key, next)
    }
  })

  const number = d.nextNumber('ADJ')
  for (const l of lines) {
    d.changeStock({
      productId: l.productId,
      warehouseId: l.warehouseId,
      binId: l.binId as string,
      batchId: l.batchId,
      delta: l.quantityChange,
      type: 'ADJUSTMENT',
      reference: number,
      at: ctx.now
    })
  }
  const created: FbAdjustment = {
    id: d.newId(ctx.now),
    adjustmentNumber: number,
    reason: reason as FbAdjustment['reason'],
    status: 'COMPLETED',
    notes: notes ?? null,
    completedAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    lines
  }
  d.adjustments.insert(created)
  return { status: 201, body: adjustment(created), resourceId: created.id }
}

function batchOnHandIn(ctx: FbContext, batchId: string, warehouseId: string): number {
  const b = ctx.data.batches.get(batchId)
  return b ? ctx.data.batchOnHand(b, warehouseId) : 0
}

export const inventoryRoutes: FbRoute[] = [
  { method: 'GET', pattern: '/stock-on-hand', handler: listStock },
  { method: 'GET', pattern: '/warehouses', handler: listWarehouses },
  { method: 'GET', pattern: '/batches', handler: listBatches },
  { method: 'GET', pattern: '/batches/:id', handler: getBatch },
  { method: 'GET', pattern: '/serial-numbers', handler: listSerials },
  { method: 'GET', pattern: '/serial-numbers/:id', handler: getSerial },
  { method: 'GET', pattern: '/stock-adjustments', handler: listAdjustments },
  { method: 'POST', pattern: '/stock-adjustments', handler: createAdjustment, idempotent: true },
  { method: 'GET', pattern: '/stock-adjustments/:id', handler: getAdjustment }
]
