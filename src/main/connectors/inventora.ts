import {
  invErrorBody,
  invListEnvelope,
  invLocation,
  invResource,
  invTask
} from '../../shared/vendors/inventora/schemas'
import { mapInvLocation, mapInvResource, mapInvTask, type InvKind } from '../../shared/vendors/inventora/map'
import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import { VendorError, type VendorHttp } from '../http/vendor-http'
import type { ConnectorDefinition, PageRequest, VendorConnector } from './connector'
import { mapRecords } from './page-mapping'

/** Documented maximum of `limit`. */
const MAX_LIMIT = 1000

const plan: ResourcePlan[] = [
  // Locations first: tasks name them by id, stock by name.
  {
    resource: 'locations',
    label: 'Locations',
    tables: ['locations'],
    incremental: false,
    pageSize: MAX_LIMIT
  },
  {
    resource: 'products',
    label: 'Products',
    tables: ['items', 'stock'],
    incremental: false,
    pageSize: MAX_LIMIT
  },
  {
    resource: 'materials',
    label: 'Materials',
    tables: ['items', 'stock'],
    incremental: false,
    pageSize: MAX_LIMIT
  },
  { resource: 'tasks', label: 'Tasks', tables: ['tasks'], incremental: false, pageSize: MAX_LIMIT }
]

/**
 * Inventora: limit/offset lists up to 1000, no change feed (ASSUMPTION U3: full
 * passes every time, deletions by sweep), no documented rate limit.
 */
export const inventoraConnector: ConnectorDefinition = {
  vendor: 'inventora',
  // ASSUMPTION (U1): no documented limit; Stockroom keeps itself to 5 requests/s.
  limits: [{ requests: 5, perMs: 1000 }],
  // Not documented: writes are never resent blindly (see the outbox's needs-review).
  idempotencyKeys: false,
  authHeaders: (apiKey) => ({ 'X-Inventora-API-Key': apiKey }),
  parseError(status, body) {
    const parsed = invErrorBody.safeParse(body)
    return { message: parsed.success ? parsed.data.error : `HTTP ${status}` }
  },
  create(http, connection): VendorConnector {
    const cid = connection.id
    const locationNames = new Map<string, string>()

    const list = async (path: string, offset: number) => {
      const res = await http.request('GET', path, { query: { limit: MAX_LIMIT, offset } })
      const env = invListEnvelope.safeParse(res.json)
      if (!env.success) throw new VendorError({ kind: 'malformed', message: `${path} did not return a list` })
      const next = offset + MAX_LIMIT < env.data.pagination.totalCount ? { offset: offset + MAX_LIMIT } : null
      return { rows: env.data.data, next, total: env.data.pagination.totalCount }
    }

    const loadLocations = async () => {
      for (let cursor: { offset: number } | null = { offset: 0 }; cursor; ) {
        const page = await list('/locations', cursor.offset)
        for (const row of page.rows) {
          const l = invLocation.safeParse(row)
          if (l.success) locationNames.set(l.data.id, l.data.name)
        }
        cursor = page.next
      }
    }

    return {
      plan: () => plan,
      async probe() {
        await http.request('GET', '/locations', { query: { limit: 1, offset: 0 }, retry: false })
      },
      async currentLevel(itemVendorId, locationName) {
        // itemVendorId is "<products|materials>/<id>": the path of the resource itself.
        const res = await http.request('GET', `/${itemVendorId}`)
        const r = invResource.safeParse(res.json)
        if (!r.success)
          throw new VendorError({ kind: 'malformed', message: `/${itemVendorId} is not a resource` })
        return r.data.locationStockLevels?.[locationName] ?? null
      },
      async taskLine(taskId, lineId) {
        // ASSUMPTION (U16): a deleted task answers 404 on GET /tasks/:id.
        const res = await http
          .request('GET', `/tasks/${encodeURIComponent(taskId)}`)
          .catch((err: unknown) => {
            if (err instanceof VendorError && err.kind === 'not-found') return null
            throw err
          })
        if (!res) return null
        const t = invTask.safeParse(res.json)
        if (!t.success)
          throw new VendorError({ kind: 'malformed', message: `/tasks/${taskId} is not a task` })
        const line = t.data.Items?.find((i) => String(i.id) === lineId)
        if (!line) return null
        const batches = line.Batches ?? []
        return { made: batches.reduce((n, b) => n + b.quantity, 0), batches: batches.length }
      },
      async fetchPage(req: PageRequest): Promise<PageResult> {
        const offset = (req.cursor as { offset?: number } | null)?.offset ?? 0
        const page = await list(`/${req.resource}`, offset)
        const base = { next: page.next, total: page.total, listed: page.rows.length, deleted: [] }
        switch (req.resource) {
          case 'locations': {
            const { mapped, rejected } = mapRecords(page.rows, invLocation, (l, raw) => {
              locationNames.set(l.id, l.name)
              return mapInvLocation(cid, l, raw)
            })
            return { ...base, batch: { locations: mapped }, rejected }
          }
          case 'products':
          case 'materials': {
            const kind = req.resource as InvKind
            const { mapped, rejected } = mapRecords(page.rows, invResource, (r, raw) =>
              mapInvResource(cid, kind, r, raw)
            )
            return {
              ...base,
              batch: { items: mapped.map((m) => m.item), stock: mapped.flatMap((m) => m.stock) },
              rejected
            }
          }
          case 'tasks': {
            // A resumed pass in a fresh process may not have seen the locations yet.
            if (locationNames.size === 0) await loadLocations()
            const { mapped, rejected } = mapRecords(page.rows, invTask, (t, raw) =>
              mapInvTask(cid, t, raw, (id) => locationNames.get(id))
            )
            const highWater = mapped.reduce<string | undefined>(
              (max, t) => (t.vendorUpdatedAt && (!max || t.vendorUpdatedAt > max) ? t.vendorUpdatedAt : max),
              undefined
            )
            return { ...base, batch: { tasks: mapped }, rejected, ...(highWater && { highWater }) }
          }
          default:
            throw new VendorError({ kind: 'invalid', message: `Inventora has no resource "${req.resource}"` })
        }
      }
    }
  }
}

export type { VendorHttp }
