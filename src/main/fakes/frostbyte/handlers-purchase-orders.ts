/** Purchase orders: list, detail, create and the submit / approve / cancel transitions. */
import { compareBy } from '../common/table'
import { contains, listResult, type FbContext, type FbResult, type FbRoute } from './context'
import { fbError } from './errors'
import { PO_STATUSES, type FbPoLine, type FbPurchaseOrder, type PoStatus } from './model'
import { Query } from './query'
import { poTotals, purchaseOrder } from './serialize'
import { Checker } from './validate'

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

export const purchaseOrderRoutes: FbRoute[] = [
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
  }
]
