import { plural } from '../../../shared/plural'
import type { HostClient } from '../../../shared/host-api/client'
import type { PageResult, ResourcePlan } from '../../../shared/host-api/sync'
import type { ReplicaTable } from '../../../shared/model/schemas'
import type { Checkpoint } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { applyPage, SliceSizer, WRITE_SLICE_MS } from './apply-page'
import { sinceFloorUsed } from '../db/floor'
import { SyncError, type ResourceProgress } from './progress'
import { recordFailure, refusedForThisKey } from './resource-failure'

export { failedResources, SyncError, type LowCrossing, type ResourceProgress } from './progress'

/** The vendor's documented overlap for incremental passes (Frostbyte: one minute). */
export const INCREMENTAL_OVERLAP_MS = 60_000
/** Vendors without deletion tombstones need a periodic full pass to sweep what was removed. */
export const FULL_PASS_EVERY_MS = 6 * 60 * 60_000

export interface SyncOptions {
  signal?: AbortSignal
  /** Full passes for every resource, even where an incremental one would do. */
  forceFull?: boolean
  onProgress?: (p: ResourceProgress) => void
  now?: () => Date
  newId?: () => string
  /** Sizes the write transactions by time; shared by the passes of one run so it learns once. */
  sizer?: SliceSizer
  /** Waits out a spent request budget; resolves early when the sync is stopped. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** A wait that ends early, without error, when the sync is stopped. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * Pulls every resource of one connection into the replica.
 *
 * States per resource:  idle ─▶ full pass ─▶ idle ─▶ incremental ─▶ idle …
 *                                  │  ▲ crash: resume from the checkpoint
 *                                  ▼  │
 *                            page N applied + checkpoint (ONE transaction)
 *
 * What must stay true: a page and the checkpoint naming the page after it are
 * committed together, so a crash at any instant resumes without a gap or a
 * duplicate; the next page is fetched while the current one is written; a
 * full pass ends with a sweep of every record of that resource it did not see.
 */
export async function syncConnection(
  db: StockroomDb,
  host: HostClient,
  connectionId: string,
  o: SyncOptions = {}
): Promise<ResourceProgress[]> {
  const startedAt = (o.now ?? (() => new Date()))().toISOString()
  const plan = await host.call('sync:plan', { connectionId })
  if (!plan.ok) throw new SyncError(plan.error.message, plan.error.code, plan.error.cause)
  const results: ResourceProgress[] = []
  const skew: number[] = []
  const sizer = o.sizer ?? new SliceSizer(WRITE_SLICE_MS, sinceFloorUsed)
  for (const resource of plan.value.resources) {
    if (o.signal?.aborted) break
    const refused = await refusedForThisKey(db, connectionId, resource)
    if (refused) {
      results.push(refused)
      o.onProgress?.({ ...refused })
      continue
    }
    try {
      results.push(
        await syncResource(db, host, connectionId, resource, { ...o, sizer, onSkew: (ms) => skew.push(ms) })
      )
    } catch (err) {
      // One resource the vendor refuses or keeps failing does not stop the others.
      if (!(err instanceof SyncError) || err.connectionWide) throw err
      results.push(await recordFailure(db, connectionId, resource, err, o.now ?? (() => new Date())))
    }
  }
  if (!o.signal?.aborted) {
    const sorted = skew.sort((a, b) => a - b)
    await db.connections.update(connectionId, {
      lastSyncAt: (o.now ?? (() => new Date()))().toISOString(),
      lastSyncStartedAt: startedAt,
      // The median: one slow response does not move the estimate.
      ...(sorted.length > 0 && { clockSkewMs: sorted[Math.floor(sorted.length / 2)] })
    })
  }
  return results
}

async function syncResource(
  db: StockroomDb,
  host: HostClient,
  connectionId: string,
  plan: ResourcePlan,
  o: SyncOptions & { onSkew?: (ms: number) => void; sizer: SliceSizer }
): Promise<ResourceProgress> {
  const now = o.now ?? (() => new Date())
  const newId = o.newId ?? (() => crypto.randomUUID())
  const saved = await db.checkpoints.get([connectionId, plan.resource])
  let cp: Checkpoint
  if (saved?.running) {
    cp = saved // resume the interrupted pass where its last committed page left it
  } else {
    const fullDue =
      o.forceFull ||
      !plan.incremental ||
      !saved?.highWater ||
      !saved.lastFullAt ||
      now().getTime() - Date.parse(saved.lastFullAt) >= FULL_PASS_EVERY_MS
    cp = {
      connectionId,
      resource: plan.resource,
      phase: fullDue ? 'full' : 'incremental',
      running: true,
      cursor: null,
      syncId: fullDue ? newId() : (saved?.syncId ?? newId()),
      pagesDone: 0,
      recordsDone: 0,
      ...(saved?.highWater && { highWater: saved.highWater }),
      ...(saved?.lastFullAt && { lastFullAt: saved.lastFullAt })
    }
  }
  const since =
    cp.phase === 'incremental' && cp.highWater
      ? new Date(Date.parse(cp.highWater) - INCREMENTAL_OVERLAP_MS).toISOString()
      : undefined

  const progress: ResourceProgress = {
    connectionId,
    resource: plan.resource,
    label: plan.label,
    phase: cp.phase,
    state: 'running',
    pagesDone: cp.pagesDone,
    recordsDone: cp.recordsDone,
    rejected: 0,
    deleted: 0,
    lowCrossed: []
  }
  o.onProgress?.({ ...progress })

  const fetchPage = async (cursor: unknown): Promise<PageResult> => {
    const reply = await host.call('sync:fetchPage', {
      connectionId,
      resource: plan.resource,
      phase: cp.phase,
      cursor: cursor as never,
      ...(since && { since })
    })
    if (!reply.ok) throw new SyncError(reply.error.message, reply.error.code, reply.error.cause)
    return reply.value
  }

  const sleep = o.sleep ?? abortableSleep
  const prefetch = plan.prefetch !== false
  let inFlight: Promise<PageResult> | undefined = fetchPage(cp.cursor)
  try {
    while (inFlight) {
      const page = await inFlight
      inFlight = undefined
      if (page.plan) Object.assign(progress, { plan: page.plan, plannedAt: now().getTime() })
      if (page.waitMs !== undefined) {
        // The vendor's budget is spent: nothing was asked. Wait here, where a stop ends the wait
        // and nothing is sent after it, then ask for the same page again.
        progress.waitingUntil = now().getTime() + page.waitMs
        o.onProgress?.({ ...progress })
        await sleep(page.waitMs, o.signal)
        delete progress.waitingUntil
        if (o.signal?.aborted) {
          progress.state = 'cancelled'
          o.onProgress?.({ ...progress })
          break
        }
        inFlight = fetchPage(cp.cursor)
        continue
      }
      if (page.clockSkewMs !== undefined) o.onSkew?.(page.clockSkewMs)
      // Prefetch: the network and mapping of page N+1 overlap the write of page N.
      if (prefetch && page.next !== null && !o.signal?.aborted) {
        inFlight = fetchPage(page.next)
        inFlight.catch(() => undefined) // observed on the next turn of the loop
      }
      const last = page.next === null
      const highWater = maxIso(cp.highWater, page.highWater)
      const next: Checkpoint = {
        ...cp,
        running: !last,
        cursor: page.next,
        pagesDone: cp.pagesDone + 1,
        recordsDone: cp.recordsDone + countRecords(page, plan),
        ...(highWater && { highWater }),
        ...(last && { completedAt: now().toISOString(), failure: undefined }),
        ...(last && cp.phase === 'full' && { lastFullAt: now().toISOString() })
      }
      const { swept, lowCrossed } = await applyPage(
        db,
        plan,
        cp,
        next,
        page,
        last && cp.phase === 'full',
        now().toISOString(),
        o.sizer
      )
      progress.lowCrossed.push(...lowCrossed)
      cp = next
      Object.assign(progress, {
        pagesDone: cp.pagesDone,
        recordsDone: cp.recordsDone,
        rejected: progress.rejected + page.rejected.length,
        rejectedReason: progress.rejectedReason ?? page.rejected[0]?.reason,
        deleted: progress.deleted + page.deleted.length + swept,
        ...(page.total !== undefined && {
          total: page.total,
          totalPages: Math.max(1, Math.ceil(page.total / plan.pageSize))
        })
      })
      if (page.rejected.length > 0) {
        await db.activity.add({
          at: now().toISOString(),
          connectionId,
          kind: 'sync',
          level: 'warning',
          message: `${plan.label}: ${plural(page.rejected.length, 'record')} could not be read and ${page.rejected.length === 1 ? 'was' : 'were'} skipped (${page.rejected[0]!.reason}).`
        })
      }
      if (last) progress.state = 'done'
      else if (o.signal?.aborted) progress.state = 'cancelled'
      o.onProgress?.({ ...progress })
      if (progress.state === 'cancelled') break
      if (!prefetch && !last) inFlight = fetchPage(page.next)
    }
  } catch (err) {
    progress.state = 'error'
    progress.message = (err as Error).message
    o.onProgress?.({ ...progress })
    throw err
  }
  return progress
}

/** Records of the resource itself: what the vendor listed, not the rows mapped from them (stock beside products). */
const countRecords = (page: PageResult, plan: ResourcePlan) =>
  page.listed ??
  (page.batch[plan.tables[0] as ReplicaTable]?.length ?? 0) + page.deleted.length + page.rejected.length

const maxIso = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b)
