import {
  FIGGRO_DATED,
  FIGGRO_JOB_LOOKBACK_MS,
  FIGGRO_LIMIT,
  FIGGRO_PAGE_SIZE,
  FIGGRO_PATHS,
  FIGGRO_RESERVE,
  type FiggroEndpoint
} from '../../shared/vendors/figgro/assumptions'
import {
  fgEnvelope,
  fgErrorBody,
  fgJobRun,
  fgProduct,
  fgRawMaterial,
  fgTicket
} from '../../shared/vendors/figgro/schemas'
import {
  figgroPlace,
  mapFgJobRun,
  mapFgProduct,
  mapFgRawMaterial,
  mapFgTicket
} from '../../shared/vendors/figgro/map'
import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import { VendorError } from '../http/vendor-http'
import { budgetPlan, handBackWait, PassTracker } from './budget-pages'
import type { ConnectorDefinition, PageRequest, VendorConnector } from './connector'
import { mapRecords } from './page-mapping'

interface FiggroResource {
  plan: ResourcePlan
  endpoint: FiggroEndpoint
  /** Plain words for a key without access to it (U15). */
  noAccess: string
}

const page = (resource: string, label: string, tables: ResourcePlan['tables'], incremental: boolean) => ({
  resource,
  label,
  tables,
  incremental,
  pageSize: FIGGRO_PAGE_SIZE,
  // Every request is an hour's 1/1,000th: a page fetched ahead and lost to a stop would be asked twice.
  prefetch: false
})

const resources: FiggroResource[] = [
  {
    plan: page('products', 'Products', ['items', 'stock', 'locations'], false),
    endpoint: 'products',
    noAccess: 'products'
  },
  {
    plan: page('raw-materials', 'Raw materials', ['items', 'stock', 'lots'], false),
    endpoint: 'rawMaterials',
    noAccess: 'raw materials'
  },
  { plan: page('job-runs', 'Job runs', ['tasks'], true), endpoint: 'jobRuns', noAccess: 'job runs' },
  {
    plan: page('job-run-tickets', 'Job run tickets', ['tasks'], true),
    endpoint: 'jobRunTickets',
    noAccess: 'job run tickets'
  }
]

interface Cursor {
  page: number
  /** The start-date window of an incremental pass, fixed at its first page so page numbers keep their meaning. */
  startDate?: string
}

/** A page number past the end of any Figgro list (100,000 products are 4,000 pages). */
export const PAST_THE_END = 1_000_000

const maxIso = (a: string | undefined, b: string | undefined) => (!b ? a : !a || b > a ? b : a)

/**
 * Figgro: read-only, 25 records a page, 1,000 requests per rolling hour. Passes
 * are planned inside that budget (10% kept for people), long waits are handed
 * back to the renderer, and the plan with its finish time rides on every page.
 */
export const figgroConnector: ConnectorDefinition = {
  vendor: 'figgro',
  limits: [{ requests: FIGGRO_LIMIT.requests, perMs: FIGGRO_LIMIT.windowMs }],
  budget: { reserve: FIGGRO_RESERVE },
  idempotencyKeys: false,
  authHeaders: (apiKey) => ({ 'X-Api-Key': apiKey }),
  parseError(status, body) {
    const parsed = fgErrorBody.safeParse(body)
    return parsed.success
      ? { code: parsed.data.code, message: parsed.data.message }
      : { message: `HTTP ${status}` }
  },
  create(http, connection): VendorConnector {
    const cid = connection.id
    const tracker = new PassTracker(resources.map((r) => r.plan.resource))
    const now = () => http.clock.now()

    const list = async (r: FiggroResource, cursor: Cursor) => {
      try {
        const res = await http.request('GET', FIGGRO_PATHS[r.endpoint], {
          query: { page: cursor.page, startDate: cursor.startDate },
          priority: 'background'
        })
        const env = fgEnvelope.safeParse(res.json)
        if (!env.success)
          throw new VendorError({
            kind: 'malformed',
            message: `${FIGGRO_PATHS[r.endpoint]} did not return a page`
          })
        return env.data
      } catch (err) {
        if (err instanceof VendorError && err.kind === 'forbidden')
          throw new VendorError({
            ...err.toInfo(),
            advice: `This key has no access to ${r.noAccess} — ask Figgro to widen it.`
          })
        throw err
      }
    }

    /**
     * When the pass will outlast the budget, the plan must count every page:
     * the size of each resource not reached yet is read from a page past its
     * end (U14: no records, the totals), one request each, while the budget allows.
     */
    const measureLater = async (r: FiggroResource) => {
      for (const later of tracker.unknownAfter(r.plan.resource)) {
        if (http.pacer.waitFor('background') > 0) return
        const lr = resources.find((x) => x.plan.resource === later)!
        const env = await list(lr, { page: PAST_THE_END }).catch(() => undefined)
        // A vendor that refuses such a page leaves the plan to grow as resources are reached.
        tracker.seen(later, env?.total_pages ?? 0)
      }
    }

    return {
      plan: () => resources.map((r) => r.plan),
      async probe() {
        await http.request('GET', FIGGRO_PATHS.products, { query: { page: 1 }, retry: false })
      },
      async fetchPage(req: PageRequest): Promise<PageResult> {
        const r = resources.find((x) => x.plan.resource === req.resource)
        if (!r)
          throw new VendorError({ kind: 'invalid', message: `Figgro has no resource "${req.resource}"` })
        const asked = req.cursor as Cursor | null
        const cursor: Cursor = asked ?? {
          page: 1,
          ...(req.phase === 'incremental' &&
            req.since &&
            FIGGRO_DATED.includes(r.endpoint) && {
              startDate: new Date(Date.parse(req.since) - FIGGRO_JOB_LOOKBACK_MS).toISOString()
            })
        }
        const at = () => tracker.position(r.plan.resource, cursor.page)
        if (http.pacer.plan(at().pages - at().pagesDone)?.resumesAt !== undefined) await measureLater(r)
        const waiting = handBackWait(http.pacer, now(), asked, at())
        if (waiting) return waiting

        const env = await list(r, cursor)
        tracker.seen(r.plan.resource, env.total_pages)
        const last = cursor.page >= env.total_pages
        const next: Cursor | null = last ? null : { ...cursor, page: cursor.page + 1 }
        const plan = budgetPlan(http.pacer, now(), tracker.position(r.plan.resource, cursor.page + 1))
        const base = {
          next: next as PageResult['next'],
          total: env.total_records,
          deleted: [],
          ...(plan && { plan })
        }
        switch (r.endpoint) {
          case 'products': {
            const { mapped, rejected } = mapRecords(env.data, fgProduct, (p, raw) =>
              mapFgProduct(cid, p, raw)
            )
            return {
              ...base,
              batch: {
                items: mapped.map((m) => m.item),
                stock: mapped.flatMap((m) => (m.stock ? [m.stock] : [])),
                // The one place Figgro's stock stands (U11), stamped by every products pass.
                ...(cursor.page === 1 && { locations: [figgroPlace(cid)] })
              },
              rejected
            }
          }
          case 'rawMaterials': {
            const { mapped, rejected } = mapRecords(env.data, fgRawMaterial, (m, raw) =>
              mapFgRawMaterial(cid, m, raw)
            )
            return {
              ...base,
              batch: {
                items: mapped.map((m) => m.item),
                stock: mapped.flatMap((m) => (m.stock ? [m.stock] : [])),
                lots: mapped.flatMap((m) => (m.lot ? [m.lot] : []))
              },
              rejected
            }
          }
          case 'jobRuns':
          case 'jobRunTickets': {
            const { mapped, rejected } =
              r.endpoint === 'jobRuns'
                ? mapRecords(env.data, fgJobRun, (j, raw) => mapFgJobRun(cid, j, raw))
                : mapRecords(env.data, fgTicket, (t, raw) => mapFgTicket(cid, t, raw))
            // The newest start date seen: the next incremental pass asks from there (less the lookback).
            const highWater = mapped.reduce<string | undefined>(
              (m, t) => maxIso(m, t.vendorUpdatedAt),
              undefined
            )
            return { ...base, batch: { tasks: mapped }, rejected, ...(highWater && { highWater }) }
          }
        }
      }
    }
  }
}
