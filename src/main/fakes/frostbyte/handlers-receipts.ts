/**
 * POST /purchase-orders/{id}/receipts: checks every line, then moves stock, batches and
 * serials at once, and advances the order to PARTIALLY_RECEIVED or RECEIVED.
 */
import type { FbContext, FbResult, FbRoute } from './context'
import { round } from './data'
import { fbError } from './errors'
import type { FbBatch, FbPurchaseOrder, FbReceiptLine, FbSerial } from './model'
import { receipt } from './serialize'
import { Checker, type Json } from './validate'

function findPo(ctx: FbContext): Readonly<FbPurchaseOrder> {
  const po = ctx.data.purchaseOrders.get(ctx.params.id ?? '')
  if (!po) throw fbError.notFound('Purchase order')
  return po
}

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

export const receiptRoutes: FbRoute[] = [
  { method: 'POST', pattern: '/purchase-orders/:id/receipts', handler: receive, idempotent: true }
]
