import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import { mapFbBatch, mapFbProduct, mapFbStockRow, mapFbWarehouse } from '../../shared/vendors/frostbyte/map'
import {
  fbBatch,
  fbErrorBody,
  fbListEnvelope,
  fbProduct,
  fbPurchaseOrder,
  fbShipment,
  fbStockRow,
  fbWarehouse
} from '../../shared/vendors/frostbyte/schemas'
import { fbParseLocationId } from '../../shared/vendors/frostbyte/ids'
import { mapFbPurchaseOrder, mapFbShipment } from '../../shared/vendors/frostbyte/map-orders'
import { VendorError } from '../http/vendor-http'
import type { ConnectorDefinition, PageRequest, VendorConnector } from './connector'
import { mapRecords } from './page-mapping'
import { frostbyteChangesSince } from './frostbyte-movements'

/** Documented maximum; larger values are clamped by the vendor. */
const PAGE_SIZE = 200

const plan: ResourcePlan[] = [
  {
    resource: 'warehouses',
    label: 'Warehouses and bins',
    tables: ['locations'],
    incremental: false,
    pageSize: PAGE_SIZE
  },
  { resource: 'products', label: 'Products', tables: ['items'], incremental: true, pageSize: PAGE_SIZE },
  { resource: 'batches', label: 'Batches', tables: ['lots'], incremental: true, pageSize: PAGE_SIZE },
  // ASSUMPTION: stock-on-hand takes `modifiedSince` like the other lists (its parameters are not documented).
  {
    resource: 'stock-on-hand',
    label: 'Stock on hand',
    tables: ['stock'],
    incremental: true,
    pageSize: PAGE_SIZE
  },
  // Full passes: an order that leaves the statuses asked for (received, dispatched) must leave the replica.
  {
    resource: 'purchase-orders',
    label: 'Purchase orders to receive',
    tables: ['orders'],
    incremental: false,
    pageSize: PAGE_SIZE
  },
  {
    resource: 'shipments',
    label: 'Shipments to pack',
    tables: ['orders'],
    incremental: false,
    pageSize: PAGE_SIZE
  }
]

const paths: Record<string, string> = {
  warehouses: '/warehouses',
  products: '/products',
  batches: '/batches',
  'stock-on-hand': '/stock-on-hand',
  'purchase-orders': '/purchase-orders',
  shipments: '/shipments'
}

/**
 * Query of one page. Full passes of products list in creation order with
 * inactive ones included: records never leave that order and new ones only
 * append, so page numbers cannot shift under a running pass (sorting by
 * updatedAt would move a record edited mid-pass past the cursor and skip
 * another). Incremental passes use the documented recipe: modifiedSince with
 * sortBy=updatedAt&sortDir=asc; the caller has applied the one-minute overlap.
 */
function query(req: PageRequest, page: number): Record<string, string | number | undefined> {
  const q: Record<string, string | number | undefined> = { page, pageSize: PAGE_SIZE }
  if (req.resource === 'products') {
    q.includeInactive = 'true'
    Object.assign(
      q,
      req.phase === 'full' ? { sortBy: 'createdAt', sortDir: 'asc' } : { sortBy: 'updatedAt', sortDir: 'asc' }
    )
  }
  if (req.resource === 'stock-on-hand') {
    // ASSUMPTION: rows at zero are hidden unless asked for; a replica must see a bin go empty.
    q.includeZero = 'true'
    if (req.phase === 'incremental') Object.assign(q, { sortBy: 'updatedAt', sortDir: 'asc' })
  }
  // The orders a site receives, and the shipments still to check, pack or dispatch.
  if (req.resource === 'purchase-orders')
    Object.assign(q, { status: 'APPROVED,PARTIALLY_RECEIVED', sortBy: 'createdAt', sortDir: 'asc' })
  if (req.resource === 'shipments') q.status = 'PICKING,PICKED,PACKED'
  if (req.phase === 'incremental' && req.since) q.modifiedSince = req.since
  return q
}

const maxUpdatedAt = (rows: { vendorUpdatedAt?: string }[]) =>
  rows.reduce<string | undefined>(
    (m, r) => (r.vendorUpdatedAt && (!m || r.vendorUpdatedAt > m) ? r.vendorUpdatedAt : m),
    undefined
  )

/**
 * Frostbyte Pro: page/pageSize lists (max 200), modifiedSince feeds, 120
 * requests/min per key and 600/min per org, bearer auth, Idempotency-Key on
 * the POSTs the outbox uses.
 */
export const frostbyteConnector: ConnectorDefinition = {
  vendor: 'frostbyte',
  // One key per connection: the per-key limit is the binding one; the org limit caps several PCs together.
  limits: [{ requests: 120, perMs: 60_000 }],
  idempotencyKeys: true,
  authHeaders: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  parseError(status, body) {
    const parsed = fbErrorBody.safeParse(body)
    if (!parsed.success) return { message: `HTTP ${status}` }
    const { code, message, details } = parsed.data.error
    return { message, ...(code && { code }), ...(details && { details }) }
  },
  create(http, connection): VendorConnector {
    const cid = connection.id
    return {
      plan: () => plan,
      async probe() {
        await http.request('GET', '/warehouses', { query: { page: 1, pageSize: 1 }, retry: false })
      },
      async currentLevel(productId, locationVendorId) {
        const warehouseId = fbParseLocationId(locationVendorId).id
        const res = await http.request('GET', '/stock-on-hand', {
          query: { productId, warehouseId, includeZero: 'true', pageSize: PAGE_SIZE }
        })
        const env = fbListEnvelope.safeParse(res.json)
        if (!env.success)
          throw new VendorError({ kind: 'malformed', message: '/stock-on-hand did not return a list' })
        const rows = env.data.data.map((r) => fbStockRow.safeParse(r)).filter((r) => r.success)
        return rows.length === 0 ? null : rows.reduce((n, r) => n + r.data.quantityOnHand, 0)
      },
      changesSince: (locationVendorId, productIds, since, own) =>
        frostbyteChangesSince(http, fbParseLocationId(locationVendorId).id, productIds, since, own),
      async fetchPage(req: PageRequest): Promise<PageResult> {
        const path = paths[req.resource]
        if (!path)
          throw new VendorError({
            kind: 'invalid',
            message: `Frostbyte Pro has no resource "${req.resource}"`
          })
        const page = (req.cursor as { page?: number } | null)?.page ?? 1
        const res = await http.request('GET', path, { query: query(req, page) })
        const env = fbListEnvelope.safeParse(res.json)
        if (!env.success)
          throw new VendorError({ kind: 'malformed', message: `${path} did not return a list` })
        const { totalPages, total } = env.data.pagination
        const dateHeader = res.headers.get('date')
        const base = {
          next: page < totalPages ? { page: page + 1 } : null,
          total,
          listed: env.data.data.length,
          ...(dateHeader && { clockSkewMs: Date.parse(dateHeader) - Date.now() })
        }
        const rows = env.data.data
        switch (req.resource) {
          case 'warehouses': {
            const { mapped, rejected } = mapRecords(rows, fbWarehouse, (w, raw) =>
              mapFbWarehouse(cid, w, raw)
            )
            return { ...base, batch: { locations: mapped.flat() }, deleted: [], rejected }
          }
          case 'products': {
            const { mapped, rejected } = mapRecords(rows, fbProduct, (p, raw) => ({
              item: mapFbProduct(cid, p, raw),
              active: p.isActive !== false
            }))
            const items = mapped.filter((m) => m.active).map((m) => m.item)
            const highWater = maxUpdatedAt(mapped.map((m) => m.item))
            return {
              ...base,
              batch: { items },
              // Deactivated products (Frostbyte has no hard deletes) leave the replica.
              deleted: mapped.filter((m) => !m.active).map((m) => m.item.key),
              rejected,
              ...(highWater && { highWater })
            }
          }
          case 'batches': {
            const { mapped, rejected } = mapRecords(rows, fbBatch, (b, raw) => mapFbBatch(cid, b, raw))
            const lots = mapped.filter((l) => l !== undefined)
            const highWater = maxUpdatedAt(lots)
            return { ...base, batch: { lots }, deleted: [], rejected, ...(highWater && { highWater }) }
          }
          case 'purchase-orders': {
            const { mapped, rejected } = mapRecords(rows, fbPurchaseOrder, (po, raw) =>
              mapFbPurchaseOrder(cid, po, raw)
            )
            return { ...base, batch: { orders: mapped }, deleted: [], rejected }
          }
          case 'shipments': {
            // The list has no lines: each open shipment's detail is read for them.
            const details: unknown[] = []
            for (const row of rows) {
              const id = (row as { id?: unknown }).id
              if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) {
                details.push(row)
                continue
              }
              details.push((await http.request('GET', `/shipments/${id}`)).json)
            }
            const { mapped, rejected } = mapRecords(details, fbShipment, (sh, raw) =>
              mapFbShipment(cid, sh, raw)
            )
            return { ...base, batch: { orders: mapped }, deleted: [], rejected }
          }
          default: {
            const { mapped, rejected } = mapRecords(rows, fbStockRow, (r, raw) => mapFbStockRow(cid, r, raw))
            const stock = mapped.flat()
            const highWater = maxUpdatedAt(stock)
            return { ...base, batch: { stock }, deleted: [], rejected, ...(highWater && { highWater }) }
          }
        }
      }
    }
  }
}
