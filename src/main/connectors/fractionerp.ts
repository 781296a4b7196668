import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import {
  componentsOf,
  mapFrPart,
  mapFrPurchaseOrder,
  mapFrShipment,
  mapFrWorkOrder
} from '../../shared/vendors/fractionerp/map'
import {
  frBom,
  frErrorBody,
  frListEnvelope,
  frPart,
  frPurchaseOrder,
  frShipment,
  frWorkOrder,
  type FrBom
} from '../../shared/vendors/fractionerp/schemas'
import { wholeStock, wholeStockPlace } from '../../shared/vendors/whole-stock'
import { VendorError } from '../http/vendor-http'
import type { ConnectorDefinition, PageRequest, VendorConnector } from './connector'
import { accountRefusal, fractionSession } from './fractionerp-session'
import { mapRecords } from './page-mapping'

/** Documented maximum of `per_page`. */
const PER_PAGE = 100
const HOUR = 60 * 60_000

const resource = (name: string, label: string, tables: ResourcePlan['tables']): ResourcePlan => ({
  resource: name,
  label,
  tables,
  // U5: no change feed; every pass is full and the sweep removes what it no longer sees.
  incremental: false,
  pageSize: PER_PAGE
})

/** BOMs first: they become the components of the parts that follow. */
const plan: ResourcePlan[] = [
  resource('boms', 'Bills of materials', []),
  // Parts with a stock figure stand at the whole-stock place (FractionERP lists no locations).
  resource('parts', 'Parts', ['items', 'stock', 'locations']),
  resource('work-orders', 'Work orders', ['tasks']),
  resource('purchase-orders', 'Purchase orders', ['orders']),
  resource('shipments', 'Shipments', ['orders'])
]

type Cursor = { page: number } | null

/**
 * FractionERP: page/per_page lists (at most 100), an email/password login whose
 * token expires (see ./fractionerp-session.ts), 2,000 requests per hour per user,
 * and no stock writes. Assumptions: src/shared/vendors/fractionerp/assumptions.ts.
 */
export const fractionerpConnector: ConnectorDefinition = {
  vendor: 'fractionerp',
  limits: [{ requests: 2000, perMs: HOUR }],
  idempotencyKeys: false,
  session: fractionSession,
  parseError(status, body) {
    const parsed = frErrorBody.safeParse(body)
    if (!parsed.success) return { message: `HTTP ${status}` }
    const [first] = parsed.data.errors
    const fields = parsed.data.errors.filter((e) => e.field)
    return {
      code: first!.code,
      message: first!.message,
      ...(fields.length > 0 && { details: fields.map((e) => ({ path: e.field!, message: e.message })) }),
      ...(first!.code === 'UNAUTHORIZED' && {
        advice:
          'FractionERP refused Stockroom’s session even after logging in again. Check that the user may still sign in to FractionERP, then enter the password again under Connections.'
      })
    }
  },
  create(http, connection): VendorConnector {
    const cid = connection.id
    const label = connection.label
    /** Components by part id, from the last complete BOM pass (undefined: not known in this process). */
    let components: ReturnType<typeof componentsOf> | undefined
    /** The BOM pass under way: its pages by number, so a pass resumed elsewhere is never taken as whole. */
    let bomPages = new Map<number, FrBom[]>()

    const list = async (path: string, page: number) => {
      const res = await http.request('GET', path, {
        query: { page, per_page: PER_PAGE, sort: 'id', order: 'asc' }
      })
      const env = frListEnvelope.safeParse(res.json)
      if (!env.success) throw new VendorError({ kind: 'malformed', message: `${path} did not return a list` })
      const p = env.data.meta.pagination
      const more = p.has_more ?? p.current_page < p.last_page
      return { rows: env.data.data, next: more ? { page: page + 1 } : null, total: p.total }
    }

    const readBoms = (rows: unknown[]) => mapRecords(rows, frBom, (b) => b)

    /** A parts page in a process that did not see the BOM pass (e.g. resumed after a restart). */
    const loadBoms = async () => {
      const all: FrBom[] = []
      for (let cursor: Cursor = { page: 1 }; cursor; ) {
        const page = await list('/boms', cursor.page)
        all.push(...readBoms(page.rows).mapped)
        cursor = page.next
      }
      components = componentsOf(cid, all)
    }

    const fetchPage = async (req: PageRequest): Promise<PageResult> => {
      const page = (req.cursor as Cursor)?.page ?? 1
      const got = await list(`/${req.resource}`, page)
      const base = { next: got.next, total: got.total, deleted: [] }
      switch (req.resource) {
        case 'boms': {
          if (page === 1) bomPages = new Map()
          const { mapped, rejected } = readBoms(got.rows)
          bomPages.set(page, mapped)
          if (!got.next && [...Array(page).keys()].every((i) => bomPages.has(i + 1)))
            components = componentsOf(cid, [...bomPages.values()].flat())
          // BOMs land on the parts that follow: the records read are the rows listed.
          return { ...base, listed: got.rows.length, batch: {}, rejected }
        }
        case 'parts': {
          if (!components) await loadBoms()
          const { mapped, rejected } = mapRecords(got.rows, frPart, (p, raw) =>
            mapFrPart(cid, p, raw, components?.get(p.id)?.components)
          )
          const stock = mapped.flatMap((i) => {
            const at = wholeStock(cid, {
              resource: 'parts',
              vendorId: i.vendorId,
              itemKey: i.key,
              onHand: i.onHand
            })
            return at ? [at] : []
          })
          return {
            ...base,
            listed: got.rows.length,
            batch: {
              items: mapped,
              stock,
              ...(page === 1 && { locations: [wholeStockPlace(cid, 'parts')] })
            },
            rejected
          }
        }
        case 'work-orders': {
          const { mapped, rejected } = mapRecords(got.rows, frWorkOrder, (w, raw) =>
            mapFrWorkOrder(cid, w, raw)
          )
          return { ...base, batch: { tasks: mapped }, rejected }
        }
        case 'purchase-orders': {
          const { mapped, rejected } = mapRecords(got.rows, frPurchaseOrder, (p, raw) =>
            mapFrPurchaseOrder(cid, p, raw)
          )
          return { ...base, batch: { orders: mapped }, rejected }
        }
        case 'shipments': {
          const { mapped, rejected } = mapRecords(got.rows, frShipment, (s, raw) =>
            mapFrShipment(cid, s, raw)
          )
          return { ...base, batch: { orders: mapped }, rejected }
        }
        default:
          throw new VendorError({ kind: 'invalid', message: `FractionERP has no resource "${req.resource}"` })
      }
    }

    return {
      plan: () => plan,
      async probe() {
        await http.request('GET', '/auth/me', { retry: false }).catch((err: unknown) => {
          throw accountRefusal(err, label)
        })
      },
      // A plan downgraded or a tenant deactivated while a token lives: the same stop as at login.
      fetchPage: (req) =>
        fetchPage(req).catch((err: unknown) => {
          throw accountRefusal(err, label)
        })
    }
  }
}
