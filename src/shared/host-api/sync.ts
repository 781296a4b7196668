import { z } from 'zod'
import { replicaBatch, replicaTables } from '../model/schemas'

export const resourcePlan = z.object({
  resource: z.string(),
  label: z.string(),
  /** Tables this resource writes; the deletion sweep of a full pass covers exactly these. */
  tables: z.array(z.enum(replicaTables as [string, ...string[]])),
  /** The vendor can list only what changed since an instant. */
  incremental: z.boolean(),
  pageSize: z.number().int().positive(),
  /**
   * False where every request is scarce (a small hourly budget): the next page
   * is asked only once the current one is written, so a sync stopped at any
   * page boundary has fetched nothing it will fetch again. Default true.
   */
  prefetch: z.boolean().optional()
})
export type ResourcePlan = z.infer<typeof resourcePlan>

const cursor = z.json().nullable()

export const vendorErrorInfo = z.object({
  kind: z.string(),
  status: z.number().optional(),
  code: z.string().optional(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional()
})

/**
 * How the rest of a pass plays out under the vendor's request budget, from
 * the instant main answered (durations, so the two clocks need not agree).
 */
export const syncPlan = z.object({
  /** Pages of this sync done and in all (every resource whose size is known yet). */
  pagesDone: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  /** Pages that can go before the budget runs out. */
  nowPages: z.number().int().nonnegative(),
  /** When the budget lets the rest continue, if the plan has to wait. */
  resumesInMs: z.number().nonnegative().optional(),
  /** When the last page should be in. */
  finishInMs: z.number().nonnegative(),
  /** The vendor's window: its length and the requests it allows. */
  windowMs: z.number().positive(),
  limit: z.number().int().positive()
})
export type SyncPlan = z.infer<typeof syncPlan>

export const pageResult = z.object({
  batch: replicaBatch,
  /** Cursor of the next page, or null when this was the last. */
  next: cursor,
  /** Largest vendor updatedAt in this page: the base of the next incremental pass. */
  highWater: z.string().optional(),
  total: z.number().optional(),
  /** Records the vendor listed on this page (a warehouse with its bins is one record); default: the resource's first table. */
  listed: z.number().int().nonnegative().optional(),
  /** Keys of records the vendor reports as gone (e.g. deactivated); removed from the replica. */
  deleted: z.array(z.string()),
  /** Records the vendor sent that could not be read; kept out of the replica and reported. */
  rejected: z.array(z.object({ vendorId: z.string(), reason: z.string() })),
  /** The vendor's clock (from HTTP Date) minus ours, in ms. */
  clockSkewMs: z.number().optional(),
  /** How the rest of the pass plays out under the vendor's request budget, where it has one. */
  plan: syncPlan.optional(),
  /**
   * No request was made: the budget is spent. Ask for the same cursor again
   * after this many ms; the batch is empty and `next` repeats the cursor asked.
   */
  waitMs: z.number().nonnegative().optional()
})
export type PageResult = z.infer<typeof pageResult>

export const syncCalls = {
  'sync:plan': {
    request: z.object({ connectionId: z.string().min(1) }).strict(),
    response: z.object({ resources: z.array(resourcePlan) })
  },
  'sync:fetchPage': {
    request: z
      .object({
        connectionId: z.string().min(1),
        resource: z.string().min(1),
        phase: z.enum(['full', 'incremental']),
        cursor,
        /** Incremental passes: records changed at or after this vendor instant. */
        since: z.iso.datetime().optional()
      })
      .strict(),
    response: pageResult
  },
  'sync:reportResult': {
    request: z
      .object({
        connectionId: z.string().min(1),
        ok: z.boolean(),
        message: z.string().max(2000).optional(),
        /** Every kind of data failed (none was read): the sync failed as a whole. */
        whole: z.boolean().optional()
      })
      .strict(),
    response: z.object({})
  }
} as const

export const syncEvents = {
  /** Main waited before a request (rate limit or retry backoff); the renderer shows it in progress. */
  'sync:wait': z.object({
    connectionId: z.string(),
    ms: z.number(),
    reason: z.enum(['rate-limit', 'retry']),
    message: z.string().optional()
  })
} as const
