import {
  FORGE_MAX_LIMIT,
  FORGE_PATHS,
  FORGE_SCOPES,
  forgeScopeAdvice
} from '../../shared/vendors/forgemrp/assumptions'
import { mapForgeItem, mapForgeJob, mapForgePurchaseOrder } from '../../shared/vendors/forgemrp/map'
import {
  forgeErrorBody,
  forgeItem,
  forgeJob,
  forgeListEnvelope,
  forgeNamed,
  forgePurchaseOrder
} from '../../shared/vendors/forgemrp/schemas'
import type { LocationRecord } from '../../shared/model/schemas'
import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import { VendorError } from '../http/vendor-http'
import type { ConnectorDefinition, PageRequest, VendorConnector } from './connector'
import { mapRecords } from './page-mapping'

type Resource = keyof typeof FORGE_PATHS

/** Plan resource name → the vendor's resource (path and scope). */
const RESOURCES: Record<string, Resource> = {
  clients: 'clients',
  suppliers: 'suppliers',
  inventory_items: 'inventory',
  jobs: 'jobs',
  purchase_orders: 'purchaseOrders'
}

const full = (resource: string, label: string, tables: ResourcePlan['tables']): ResourcePlan => ({
  resource,
  label,
  tables,
  // No server-side filter is documented (notes §1.4): every pass is a full pass, swept for deletions.
  incremental: false,
  pageSize: FORGE_MAX_LIMIT
})

// Clients and suppliers first: jobs and purchase orders are labelled with their names.
const plan: ResourcePlan[] = [
  full('clients', 'Clients', []),
  full('suppliers', 'Suppliers', []),
  full('inventory_items', 'Inventory', ['items', 'stock', 'locations']),
  full('jobs', 'Jobs', ['tasks']),
  full('purchase_orders', 'Purchase orders', ['orders'])
]

interface Cursor {
  cursor: string
}

const maxIso = (values: (string | undefined)[]) =>
  values.reduce<string | undefined>((max, v) => (v && (!max || v > max) ? v : max), undefined)

/**
 * ForgeMRP: keyset lists of at most 100 (U6) followed by `next_cursor`, never
 * parsed; no change filter, so full passes with the deletion sweep, the
 * newest `updated_at` kept as the high-water mark; paced on the live
 * RateLimit-* headers alone (U10: no published budget). A list the key has no
 * scope for fails with words naming the scope and where to add it.
 */
export const forgemrpConnector: ConnectorDefinition = {
  vendor: 'forgemrp',
  limits: [],
  rateLimitHeaders: { remaining: 'ratelimit-remaining', reset: 'ratelimit-reset', resetIs: 'delta-seconds' },
  idempotencyKeys: true,
  authHeaders: (apiKey) => ({ Authorization: `Bearer ${apiKey}` }),
  parseError(status, body) {
    const parsed = forgeErrorBody.safeParse(body)
    if (!parsed.success) return { message: `HTTP ${status}` }
    const { code, message } = parsed.data.error
    return { code, message: message ?? code }
  },
  create(http, connection): VendorConnector {
    const cid = connection.id
    const names: Record<'clients' | 'suppliers', Map<string, string>> = {
      clients: new Map(),
      suppliers: new Map()
    }
    /** Lists read to the end (or refused) by this connector: not asked again for names. */
    const settled = new Set<'clients' | 'suppliers'>()

    const list = async (resource: Resource, cursor: string | null) => {
      const path = FORGE_PATHS[resource]
      try {
        const res = await http.request('GET', path, {
          query: { limit: FORGE_MAX_LIMIT, ...(cursor !== null && { cursor }) }
        })
        const env = forgeListEnvelope.safeParse(res.json)
        if (!env.success)
          throw new VendorError({ kind: 'malformed', message: `${path} did not return a list` })
        return { rows: env.data.data, next: env.data.next_cursor ?? null }
      } catch (err) {
        if (err instanceof VendorError && err.kind === 'forbidden') {
          if (resource === 'clients' || resource === 'suppliers') settled.add(resource)
          const scope = FORGE_SCOPES[resource]
          throw new VendorError({ ...err.toInfo(), advice: forgeScopeAdvice(scope) })
        }
        throw err
      }
    }

    const remember = (kind: 'clients' | 'suppliers', rows: unknown[]) => {
      for (const row of rows) {
        const r = forgeNamed.safeParse(row)
        if (r.success && r.data.name) names[kind].set(r.data.id, r.data.name)
      }
    }

    /** A pass resumed in a fresh process has not read the names yet; a refused list stays unread. */
    const ensureNames = async (kind: 'clients' | 'suppliers') => {
      if (settled.has(kind) || names[kind].size > 0) return
      try {
        for (let cursor: string | null = null, first = true; first || cursor; first = false) {
          const page = await list(kind, cursor)
          remember(kind, page.rows)
          cursor = page.next
        }
      } catch (err) {
        if (!(err instanceof VendorError && err.kind === 'forbidden')) throw err
      }
      settled.add(kind)
    }

    return {
      plan: () => plan,
      async probe() {
        await http.request('GET', FORGE_PATHS.inventory, { query: { limit: 1 }, retry: false })
      },
      async fetchPage(req: PageRequest): Promise<PageResult> {
        const resource = RESOURCES[req.resource]
        if (!resource)
          throw new VendorError({ kind: 'invalid', message: `ForgeMRP has no resource "${req.resource}"` })
        const cursor = (req.cursor as Cursor | null)?.cursor ?? null
        const page = await list(resource, cursor)
        const base = {
          next: page.next === null ? null : ({ cursor: page.next } satisfies Cursor),
          listed: page.rows.length,
          deleted: [],
          ...(() => {
            const highWater = maxIso(page.rows.map((r) => (r as { updated_at?: string } | null)?.updated_at))
            return highWater ? { highWater } : {}
          })()
        }
        switch (resource) {
          case 'clients':
          case 'suppliers': {
            const { mapped, rejected } = mapRecords(page.rows, forgeNamed, (r) => r)
            remember(resource, mapped)
            if (page.next === null) settled.add(resource)
            return { ...base, batch: {}, rejected }
          }
          case 'inventory': {
            const { mapped, rejected } = mapRecords(page.rows, forgeItem, (i, raw) =>
              mapForgeItem(cid, req.resource, i, raw)
            )
            const locations = new Map<string, LocationRecord>()
            for (const m of mapped) if (m.location) locations.set(m.location.key, m.location)
            return {
              ...base,
              batch: {
                items: mapped.map((m) => m.item),
                stock: mapped.flatMap((m) => m.stock),
                locations: [...locations.values()]
              },
              rejected
            }
          }
          case 'jobs': {
            await ensureNames('clients')
            const { mapped, rejected } = mapRecords(page.rows, forgeJob, (j, raw) =>
              mapForgeJob(cid, req.resource, j, raw, (id) => names.clients.get(id))
            )
            return { ...base, batch: { tasks: mapped }, rejected }
          }
          case 'purchaseOrders': {
            await ensureNames('suppliers')
            const { mapped, rejected } = mapRecords(page.rows, forgePurchaseOrder, (o, raw) =>
              mapForgePurchaseOrder(cid, req.resource, o, raw, (id) => names.suppliers.get(id))
            )
            return { ...base, batch: { orders: mapped }, rejected }
          }
          default:
            throw new VendorError({ kind: 'invalid', message: `ForgeMRP has no resource "${req.resource}"` })
        }
      }
    }
  }
}
