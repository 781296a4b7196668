/** Purchase orders (with goods receipts) and shipments (pack / dispatch). */
import { compareBy } from '../common/table'
import { contains, listResult, type FbContext, type FbResult, type FbRoute } from './context'
import { round } from './data'
import { fbError } from './errors'
import {
  PO_STATUSES,
  SHIPMENT_STATUSES,
  type FbBatch,
  type FbPoLine,
  type FbPurchaseOrder,
  type FbReceiptLine,
  type FbSerial,
  type FbShipment,
  type PoStatus
} from './model'
import { Query } from './query'
import { poTotals, purchaseOrder, receipt, shipmentDetail, shipmentSummary } from './serialize'
import { Checker, type Json } from './validate'

const PO_SORT = ['orderNumber', 'orderDate', 'totalAmount', 'createdAt', 'updatedAt'] as const

function listPurchaseOrders(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, [
    'search',
    'status',
    'supplierId',
    'dateFrom',
    'dateTo',
    'modifiedSince',
    'sortBy',
    'sortDir'
  ])
  const search = q.str('search')?.toLowerCase()
  const status = q.listOf('status', PO_STATUSES)
  const supplierId = q.str('supplierId')
  const from = q.instant('dateFrom')
  const to = q.instant('dateTo', true)
  const since = q.instant('modifiedSince')
  // Documented: default orderDate desc; since 2026-06-12 sortBy without sortDir is descending too.
  const sort = q.sort(PO_SORT, { by: 'orderDate', dir: 'desc' }, 'desc')
  const key = (po: Readonly<FbPurchaseOrder>): string | number =>
    sort.by === 'totalAmount' ? poTotals(po).total : po[sort.by]
  return listResult(
    ctx,
    q,
    'purchase-orders',
    () =>
      ctx.data.purchaseOrders
        .all()
        .filter(
          (po) =>
            (search === undefined || contains(po.orderNumber, search)) &&
            (status === undefined || status.includes(po.status)) &&
            (supplierId === undefined || po.supplierId === supplierId) &&
            (from === undefined || po.orderDate >= from) &&
            (to === undefined || po.orderDate <= to) &&
            (since === undefined || po.updatedAt >= since)
        )
        .sort(compareBy(key, sort.dir)),
    (po) => purchaseOrder(ctx.data, po)
  )
}

function findPo(ctx: FbContext): Readonly<FbPurchaseOrder> {
  const po = ctx.data.purchaseOrders.get(ctx.params.id ?? '')
  if (!po) throw fbError.notFound('Purchase order')
  return po
}

function getPurchaseOrder(ctx: FbContext): FbResult {
  new Query(ctx.query, [])
  return { status: 200, body: purchaseOrder(ctx.data, findPo(ctx)) }
}

/** ASSUMPTION (U11): `{ supplierId, warehouseId?, expectedDate?, currency?, notes?, lines: [{ productId, quantity, unitCost?, taxRate? }] }`. */
function createPurchaseOrder(ctx: FbContext): FbResult {
  const d = ctx.data
  const c = new Checker()
  const body = c.object(ctx.body(), '')
  if (!body) throw fbError.validation(c.issues)
  const supplierId = c.string(body, 'supplierId', '', { required: true })
  const warehouseId = c.string(body, 'warehouseId', '', { nullable: true })
  const expectedDate = c.instant(body, 'expectedDate', '')
  const currency = c.string(body, 'currency', '', {
    pattern: /^[A-Z]{3}$/,
    patternMessage: 'Must be a 3-letter ISO currency code'
  })
  const notes = c.string(body, 'notes', '', { max: 2000, nullable: true })
  const rawLines = c.array(body, 'lines', '', { required: true, min: 1, max: 200 }) ?? []
  const lines: Omit<FbPoLine, 'id'>[] = []
  rawLines.forEach((raw, i) => {
    const path = `lines.${i}`
    const line = c.object(raw, path)
    if (!line) return
    const productId = c.string(line, 'productId', path, { required: true })
    const quantity = c.number(line, 'quantity', path, { required: true, positive: true })
    const unitCost = c.number(line, 'unitCost', path, { min: 0 })
    const taxRate = c.number(line, 'taxRate', path, { min: 0 })
    if (typeof productId === 'string' && quantity !== undefined)
      lines.push({
        productId,
        quantity,
        quantityReceived: 0,
        unitCost: unitCost ?? -1,
        taxRate: taxRate ?? -1
      })
  })
  c.done()
  const supplier = d.suppliers.get(supplierId as string)
  if (!supplier || !supplier.isActive)
    throw fbError.invalidReference(`supplierId ${supplierId} is not in your organisation or is inactive`)
  if (typeof warehouseId === 'string' && !d.warehouse(warehouseId))
    throw fbError.invalidReference(`warehouseId ${warehouseId} is not in your organisation`)
  lines.forEach((l, i) => {
    const p = d.products.get(l.productId)
    if (!p || !p.isActive)
      throw fbError.invalidReference(
        `lines.${i}.productId: product ${l.productId} is not in your organisation or is inactive`
      )
    if (l.unitCost < 0) l.unitCost = p.costPrice
    if (l.taxRate < 0) l.taxRate = p.taxRate
  })
  const po: FbPurchaseOrder = {
    id: d.newId(ctx.now),
    orderNumber: d.nextNumber('PO'),
    status: 'DRAFT',
    supplierId: supplier.id,
    warehouseId: typeof warehouseId === 'string' ? warehouseId : null,
    orderDate: ctx.now,
    expectedDate: expectedDate ?? null,
    receivedDate: null,
    currency: currency ?? supplier.currency,
    notes: notes ?? null,
    lines: lines.map((l) => ({ ...l, id: d.newId(ctx.now) })),
    createdAt: ctx.now,
    updatedAt: ctx.now
  }
  d.purchaseOrders.insert(po)
  return { status: 201, body: purchaseOrder(d, po), resourceId: po.id }
}

function transition(
  from: readonly PoStatus[],
  to: PoStatus,
  verb: string,
  check?: (ctx: FbContext, po: Readonly<FbPurchaseOrder>) => void
) {
  return (ctx: FbContext): FbResult => {
    const po = findPo(ctx)
    if (to === 'CANCELLED') {
      const c = new Checker()
      const body = ctx.body()
      if (body !== undefined) {
        const obj = c.object(body, '')
        if (obj) c.string(obj, 'reason', '', { max: 500 })
      }
      c.done()
    }
    if (!from.includes(po.status))
      throw fbError.unprocessable(`Cannot ${verb} a purchase order whose status is ${po.status}`)
    check?.(ctx, po)
    ctx.data.purchaseOrders.update(po.id, (x) => {
      x.status = to
      x.updatedAt = ctx.now
    })
    return { status: 200, body: purchaseOrder(ctx.data, po), resourceId: po.id }
  }
}

/** POST /purchase-orders/{id}/receipts: checks every line, then moves stock, batches and serials at once. */
function receive(ctx: FbContext): FbResult {
  const d = ctx.data
  const po = findPo(ctx)
  const c = new Checker()
  const body = c.object(ctx.body(), '')
  if (!body) throw fbError.validation(c.issues)
  const warehouseId = c.string(body, 'warehouseId', '', { required: true })
  const receivedAt = c.instant(body, 'receivedAt', '')
  const notes = c.string(body, 'notes', '', { max: 2000, nullable: true })
  const rawLines = c.array(body, 'lines', '', { required: true, min: 1, max: 100 }) ?? []
  const lines = rawLines.map((raw, i) => readReceiptLine(c, raw, `lines.${i}`))
  c.done()

  if (po.status !== 'APPROVED' && po.status !== 'PARTIALLY_RECEIVED')
    throw fbError.unprocessable(`Cannot receive against a purchase order whose status is ${po.status}`)
  const wh = d.warehouse(warehouseId as string)
  if (!wh || !wh.isActive)
    throw fbError.invalidReference(
      `warehouseId ${warehouseId} is not an active warehouse in your organisation`
    )
  const at = receivedAt ?? ctx.now
  if (at < po.orderDate) throw fbError.unprocessable('receivedAt cannot predate the order date')

  const planned: {
    line: FbReceiptLine
    batch: FbBatch | null
    newBatchNumber: string | null
    serials: string[]
  }[] = []
  const seenSerials = new Set<string>()
  lines.forEach((l, i) => {
    if (!l) return
    const poLine = po.lines.find((x) => x.id === l.poLineId)
    if (!poLine)
      throw fbError.invalidReference(`lines.${i}.poLineId: ${l.poLineId} is not a line of ${po.orderNumber}`)
    if (poLine.productId !== l.productId)
      throw fbError.unprocessable(`lines.${i}.productId must match the purchase order line's product`)
    const p = d.products.get(l.productId)
    if (!p)
      throw fbError.invalidReference(
        `lines.${i}.productId: product ${l.productId} is not in your organisation`
      )
    if (l.binId !== undefined && d.bin(l.binId)?.warehouseId !== wh.id)
      throw fbError.invalidReference(`lines.${i}.binId: bin ${l.binId} is not in warehouse ${wh.code}`)
    const binId = l.binId ?? d.defaultBin(p.id, wh.id)
    if (binId === undefined) throw fbError.unprocessable(`warehouse ${wh.code} has no bins`)
    let batch: FbBatch | null = null
    let newBatchNumber: string | null = null
    if (p.trackBatches) {
      if (l.batchId !== undefined) {
        const b = d.batches.get(l.batchId)
        if (!b)
          throw fbError.invalidReference(`lines.${i}.batchId: batch ${l.batchId} is not in your organisation`)
        batch = b as FbBatch
      } else if (l.batchNumber !== undefined) {
        const existing = d.batches.all().find((b) => b.batchNumber === l.batchNumber)
        if (existing && existing.productId !== p.id)
          throw fbError.conflict(`Batch number ${l.batchNumber} already exists for another product`)
        if (existing) batch = existing as FbBatch
        else newBatchNumber = l.batchNumber
      } else throw fbError.unprocessable(`lines.${i}.batchNumber is required: ${p.sku} is batch-tracked`)
      if (batch && (batch.status === 'EXPIRED' || batch.status === 'RECALLED'))
        throw fbError.unprocessable(`lines.${i}: batch ${batch.batchNumber} is ${batch.status}`)
      if (batch && batch.expiryDate !== null && batch.expiryDate < ctx.now)
        throw fbError.unprocessable(`lines.${i}: batch ${batch.batchNumber} has expired`)
    } else if (l.batchId !== undefined || l.batchNumber !== undefined) {
      // ASSUMPTION: batch fields on an untracked product are rejected.
      throw fbError.unprocessable(`lines.${i}: ${p.sku} is not batch-tracked`)
    }
    let serials: string[] = []
    if (p.trackSerials) {
      if (!Number.isInteger(l.quantity))
        throw fbError.unprocessable(`lines.${i}.quantity must be a whole number for serial-tracked ${p.sku}`)
      if (l.quantity > 1000) throw fbError.unprocessable(`lines.${i}: at most 1000 serial numbers per line`)
      if (l.autoGenerateSerials)
        serials = Array.from({ length: l.quantity }, () => `${p.sku}-${d.nextNumber('SN').slice(3)}`)
      else if (l.serialNumbers && l.serialNumbers.length === l.quantity) serials = l.serialNumbers
      else
        throw fbError.unprocessable(
          `lines.${i}: serial-tracked ${p.sku} needs exactly ${l.quantity} serialNumbers or autoGenerateSerials: true`
        )
      for (const s of serials) {
        const lower = s.toLowerCase()
        if (seenSerials.has(lower) || d.serials.all().some((x) => x.serialNumber.toLowerCase() === lower))
          throw fbError.conflict(`Serial number ${s} already exists`)
        seenSerials.add(lower)
      }
    }
    planned.push({
      line: {
        poLineId: poLine.id,
        productId: p.id,
        quantity: l.quantity,
        binId,
        batchId: batch?.id ?? null,
        serialNumbers: serials
      },
      batch,
      newBatchNumber,
      serials
    })
  })

  const reference = d.nextNumber('GR')
  for (const plan of planned) {
    if (plan.newBatchNumber !== null) {
      const p = d.products.get(plan.line.productId)
      // ASSUMPTION: a batch created by a receipt has no expiry date until it is set in the app.
      const created: FbBatch = {
        id: d.newId(ctx.now),
        batchNumber: plan.newBatchNumber,
        status: 'ACTIVE',
        manufactureDate: null,
        expiryDate: null,
        productId: plan.line.productId,
        unitCost: p?.costPrice ?? null,
        notes: null,
        createdAt: ctx.now,
        updatedAt: ctx.now
      }
      d.batches.insert(created)
      plan.line.batchId = created.id
    }
    d.changeStock({
      productId: plan.line.productId,
      warehouseId: wh.id,
      binId: plan.line.binId,
      batchId: plan.line.batchId,
      delta: plan.line.quantity,
      type: 'RECEIPT',
      reference,
      at: ctx.now
    })
    for (const serialNumber of plan.serials) {
      const s: FbSerial = {
        id: d.newId(ctx.now),
        serialNumber,
        status: 'AVAILABLE',
        productId: plan.line.productId,
        warehouseId: wh.id,
        binId: plan.line.binId,
        batchId: plan.line.batchId,
        receivedAt: at,
        soldAt: null,
        returnedAt: null,
        notes: `Received on ${reference}`,
        createdAt: ctx.now,
        updatedAt: ctx.now
      }
      d.serials.insert(s)
    }
  }
  d.purchaseOrders.update(po.id, (x) => {
    for (const plan of planned) {
      const line = x.lines.find((pl) => pl.id === plan.line.poLineId)
      if (line) line.quantityReceived = round(line.quantityReceived + plan.line.quantity)
    }
    const complete = x.lines.every((pl) => pl.quantityReceived >= pl.quantity)
    x.status = complete ? 'RECEIVED' : 'PARTIALLY_RECEIVED'
    if (complete) x.receivedDate = at
    x.updatedAt = ctx.now
  })
  const rec = {
    id: d.newId(ctx.now),
    reference,
    purchaseOrderId: po.id,
    warehouseId: wh.id,
    receivedAt: at,
    notes: notes ?? null,
    lines: planned.map((p) => p.line),
    createdAt: ctx.now
  }
  d.receipts.insert(rec)
  return { status: 201, body: receipt(d, rec), resourceId: rec.id }
}

interface ReceiptLineInput {
  poLineId: string
  productId: string
  quantity: number
  binId?: string
  batchNumber?: string
  batchId?: string
  serialNumbers?: string[]
  autoGenerateSerials?: boolean
}

function readReceiptLine(c: Checker, raw: unknown, path: string): ReceiptLineInput | undefined {
  const line: Json | undefined = c.object(raw, path)
  if (!line) return undefined
  const poLineId = c.string(line, 'poLineId', path, { required: true })
  const productId = c.string(line, 'productId', path, { required: true })
  const quantity = c.number(line, 'quantity', path, { required: true, positive: true })
  const binId = c.string(line, 'binId', path)
  const batchNumber = c.string(line, 'batchNumber', path, { max: 100 })
  const batchId = c.string(line, 'batchId', path)
  if ('batchNumber' in line && 'batchId' in line)
    c.add(`${path}.batchId`, 'batchId and batchNumber are mutually exclusive')
  const serialsRaw = c.array(line, 'serialNumbers', path, { max: 1000 })
  const serialNumbers = serialsRaw?.filter((s): s is string => typeof s === 'string')
  if (serialsRaw && serialNumbers && serialNumbers.length !== serialsRaw.length)
    c.add(`${path}.serialNumbers`, 'Must be an array of strings')
  const autoGenerateSerials = c.boolean(line, 'autoGenerateSerials', path)
  if (typeof poLineId !== 'string' || typeof productId !== 'string' || quantity === undefined)
    return undefined
  return {
    poLineId,
    productId,
    quantity,
    ...(typeof binId === 'string' ? { binId } : {}),
    ...(typeof batchNumber === 'string' ? { batchNumber } : {}),
    ...(typeof batchId === 'string' ? { batchId } : {}),
    ...(serialNumbers ? { serialNumbers } : {}),
    ...(autoGenerateSerials !== undefined ? { autoGenerateSerials } : {})
  }
}

const CUID = /^c[a-z0-9]{20,30}$/

function listShipments(ctx: FbContext): FbResult {
  const q = new Query(ctx.query, ['status', 'salesOrderId', 'modifiedSince'])
  const status = q.listOf('status', SHIPMENT_STATUSES)
  const salesOrderId = q.str('salesOrderId')
  if (salesOrderId !== undefined && !CUID.test(salesOrderId))
    throw fbError.invalidParameter('Invalid value for salesOrderId: expected a cuid')
  const since = q.instant('modifiedSince')
  return listResult(
    ctx,
    q,
    'shipments',
    () =>
      ctx.data.shipments
        .all()
        .filter(
          (s) =>
            (status === undefined || status.includes(s.status)) &&
            (salesOrderId === undefined || s.salesOrderId === salesOrderId) &&
            (since === undefined || s.updatedAt >= since)
        )
        .sort(compareBy((s) => s.createdAt, 'desc')),
    (s) => shipmentSummary(ctx.data, s)
  )
}

function findShipment(ctx: FbContext): Readonly<FbShipment> {
  const s = ctx.data.shipments.get(ctx.params.id ?? '')
  if (!s) throw fbError.notFound('Shipment')
  return s
}

function getShipment(ctx: FbContext): FbResult {
  new Query(ctx.query, [])
  return { status: 200, body: shipmentDetail(ctx.data, findShipment(ctx)) }
}

function packShipment(ctx: FbContext): FbResult {
  const s = findShipment(ctx)
  if (s.status !== 'PICKING' && s.status !== 'PICKED')
    throw fbError.unprocessable(`Cannot pack a shipment whose status is ${s.status}`)
  ctx.data.shipments.update(s.id, (x) => {
    x.status = 'PACKED'
    x.updatedAt = ctx.now
  })
  return { status: 200, body: shipmentDetail(ctx.data, s), resourceId: s.id }
}

const TRACKING = /^[A-Za-z0-9 _.-]+$/

function dispatchShipment(ctx: FbContext): FbResult {
  const d = ctx.data
  const s = findShipment(ctx)
  const c = new Checker()
  const raw = ctx.body()
  let carrier: string | undefined
  let trackingNumber: string | undefined
  if (raw !== undefined) {
    const body = c.object(raw, '')
    if (body) {
      const cr = c.string(body, 'carrier', '', { max: 100 })
      const tn = c.string(body, 'trackingNumber', '', {
        max: 100,
        pattern: TRACKING,
        patternMessage: 'May contain only letters, digits, spaces and - _ .'
      })
      if (typeof cr === 'string') carrier = cr
      if (typeof tn === 'string') trackingNumber = tn
    }
  }
  c.done()
  if (s.status !== 'PACKED')
    throw fbError.unprocessable(`Cannot dispatch a shipment whose status is ${s.status}`)
  d.shipments.update(s.id, (x) => {
    x.status = 'DISPATCHED'
    x.shipDate = ctx.now
    if (carrier !== undefined) x.carrier = carrier
    if (trackingNumber !== undefined) x.trackingNumber = trackingNumber
    x.updatedAt = ctx.now
  })
  // Roll the sales order up once every line has shipped. Dispatch never touches stock.
  d.salesOrders.update(s.salesOrderId, (so) => {
    for (const l of s.lines) {
      const line = so.lines.find((x) => x.id === l.soLineId)
      if (line) line.quantityDispatched = Math.min(line.quantity, line.quantityDispatched + l.quantity)
    }
    so.status = so.lines.every((l) => l.quantityDispatched >= l.quantity)
      ? 'DISPATCHED'
      : 'PARTIALLY_DISPATCHED'
    so.updatedAt = ctx.now
  })
  return { status: 200, body: shipmentDetail(d, s), resourceId: s.id }
}

export const orderRoutes: FbRoute[] = [
  { method: 'GET', pattern: '/purchase-orders', handler: listPurchaseOrders },
  { method: 'POST', pattern: '/purchase-orders', handler: createPurchaseOrder, idempotent: true },
  { method: 'GET', pattern: '/purchase-orders/:id', handler: getPurchaseOrder },
  {
    method: 'POST',
    pattern: '/purchase-orders/:id/submit',
    handler: transition(['DRAFT'], 'SUBMITTED', 'submit', (_ctx, po) => {
      if (po.lines.length === 0)
        throw fbError.unprocessable('A purchase order with no lines cannot be submitted')
    })
  },
  {
    method: 'POST',
    pattern: '/purchase-orders/:id/approve',
    handler: transition(['SUBMITTED'], 'APPROVED', 'approve', (ctx, po) => {
      if (!ctx.data.suppliers.get(po.supplierId)?.isActive)
        throw fbError.unprocessable('The supplier has been deactivated')
    })
  },
  {
    method: 'POST',
    pattern: '/purchase-orders/:id/cancel',
    handler: transition(['DRAFT', 'SUBMITTED', 'APPROVED'], 'CANCELLED', 'cancel', (_ctx, po) => {
      if (po.lines.some((l) => l.quantityReceived > 0))
        throw fbError.unprocessable('A purchase order that has received goods cannot be cancelled')
    })
  },
  { method: 'POST', pattern: '/purchase-orders/:id/receipts', handler: receive, idempotent: true },
  { method: 'GET', pattern: '/shipments', handler: listShipments },
  { method: 'GET', pattern: '/shipments/:id', handler: getShipment },
  { method: 'POST', pattern: '/shipments/:id/pack', handler: packShipment },
  { method: 'POST', pattern: '/shipments/:id/dispatch', handler: dispatchShipment, idempotent: true }
]
