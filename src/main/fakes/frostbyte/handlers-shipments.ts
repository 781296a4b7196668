/** Shipments: the read view plus the two transitions a 3PL writes back, pack and dispatch. */
import { compareBy } from '../common/table'
import { listResult, type FbContext, type FbResult, type FbRoute } from './context'
import { fbError } from './errors'
import { SHIPMENT_STATUSES, type FbShipment } from './model'
import { Query } from './query'
import { shipmentDetail, shipmentSummary } from './serialize'
import { Checker } from './validate'

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

export const shipmentRoutes: FbRoute[] = [
  { method: 'GET', pattern: '/shipments', handler: listShipments },
  { method: 'GET', pattern: '/shipments/:id', handler: getShipment },
  { method: 'POST', pattern: '/shipments/:id/pack', handler: packShipment },
  { method: 'POST', pattern: '/shipments/:id/dispatch', handler: dispatchShipment, idempotent: true }
]
