import { Dexie } from 'dexie'
import type { HostClient } from '../../../shared/host-api/client'
import type { PageResult, ResourcePlan, SyncPlan } from '../../../shared/host-api/sync'
import type { ReplicaTable } from '../../../shared/model/schemas'
import type { AlertState, Checkpoint, Item, Location, ResourceFailure } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { indexItem } from '../db/item-index'
import { indexLocation } from '../db/location-index'

/** The vendor's documented overlap for incremental passes (Frostbyte: one minute). */
export const INCREMENTAL_OVERLAP_MS = 60_000
/** Vendors without deletion tombstones need a periodic full pass to sweep what was removed. */
export const FULL_PASS_EVERY_MS = 6 * 60 * 60_000

export interface ResourceProgress {
  connectionId: string
  resource: string
  label: string
  phase: 'full' | 'incremental'
  /** 'skipped': the key may not read this resource, and it has not changed since the vendor said so. */
  state: 'running' | 'done' | 'error' | 'cancelled' | 'skipped'
  pagesDone: number
  recordsDone: number
  total?: number
  totalPages?: number
  rejected: number
  /** Why the first unreadable record of this pass could not be read (its field names, no values). */
  rejectedReason?: string
  deleted: number
  /** Items that dropped to or below their minimum in this pass. */
  lowCrossed: LowCrossing[]
  message?: string
  /** The plan under the vendor's request budget, as of `plannedAt` (epoch ms, this clock). */
  plan?: SyncPlan
  plannedAt?: number
  /** Waiting for the budget until this instant (epoch ms); no request is out meanwhile. */
  waitingUntil?: number
}

export interface LowCrossing {
  itemKey: string
  /** "SKU name" */
  label: string
}

export interface SyncOptions {
  signal?: AbortSignal
  /** Full passes for every resource, even where an incremental one would do. */
  forceFull?: boolean
  onProgress?: (p: ResourceProgress) => void
  now?: () => Date
  newId?: () => string
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

export class SyncError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly origin?: { kind: string; status?: number; endpoint?: string }
  ) {
    super(message)
  }

  /**
   * The whole connection is affected (its key was refused, the vendor cannot
   * be reached, the connection is gone), not just the resource being read:
   * trying the other resources would only fail the same way.
   */
  get connectionWide(): boolean {
    if (this.code === 'unauthorized' || this.code === 'not-found' || this.code === 'internal') return true
    return this.origin?.kind === 'network' || this.origin?.kind === 'timeout'
  }
}

/** A sync whose connection could read some resources but not others. */
export const failedResources = (results: ResourceProgress[]) => results.filter((r) => r.state === 'error')

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
  const plan = await host.call('sync:plan', { connectionId })
  if (!plan.ok) throw new SyncError(plan.error.message, plan.error.code, plan.error.cause)
  const results: ResourceProgress[] = []
  const skew: number[] = []
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
        await syncResource(db, host, connectionId, resource, { ...o, onSkew: (ms) => skew.push(ms) })
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
  o: SyncOptions & { onSkew?: (ms: number) => void }
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
        now().toISOString()
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
          message: `${plan.label}: ${page.rejected.length} record(s) could not be read and were skipped (${page.rejected[0]!.reason}).`
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

const tableOfKey: Record<string, ReplicaTable> = {
  item: 'items',
  location: 'locations',
  stock: 'stock',
  lot: 'lots',
  task: 'tasks',
  order: 'orders'
}

/** One page, its deletions and the checkpoint after it, in one transaction; the sweep ends a full pass. */
async function applyPage(
  db: StockroomDb,
  plan: ResourcePlan,
  cp: Checkpoint,
  next: Checkpoint,
  page: PageResult,
  sweep: boolean,
  at: string
): Promise<{ swept: number; lowCrossed: LowCrossing[] }> {
  const tables = plan.tables.map((t) => db.table(t))
  let swept = 0
  const lowCrossed: LowCrossing[] = []
  await db.transaction('rw', [...tables, db.stock, db.alerts, db.checkpoints], async () => {
    // Issued together, not one after another: the low-stock read and the puts touch different
    // stores, so the page costs the database one round of requests instead of one per store.
    const writes: Promise<unknown>[] = []
    if (page.batch.items?.length)
      writes.push(trackLowStock(db, page.batch.items, at).then((crossed) => lowCrossed.push(...crossed)))
    for (const [table, rows] of Object.entries(page.batch)) {
      if (!rows || rows.length === 0) continue
      const stamp = (r: object) => ({ ...r, syncId: cp.syncId })
      const indexed =
        table === 'items'
          ? (rows as Item[]).map(indexItem)
          : table === 'locations'
            ? (rows as Location[]).map(indexLocation)
            : rows
      writes.push(db.table(table).bulkPut(indexed.map(stamp)))
    }
    await Promise.all(writes)
    for (const key of page.deleted) {
      const table = tableOfKey[key.split(':')[1] ?? '']
      if (!table || !plan.tables.includes(table)) continue
      await db.table(table).delete(key)
      if (table === 'items') {
        // Its stock rows go with it (vendors stop listing them); lots stay while the vendor lists them.
        await db.stock.where('itemKey').equals(key).delete()
      }
    }
    if (sweep) {
      // Everything of this resource stamped with another pass's id (or none): two key ranges
      // around the current id, so a pass that removed nothing reads nothing.
      const { connectionId } = cp
      for (const table of tables) {
        const index = table.where('[connectionId+resource+syncId]')
        const stale = [
          ...(await index
            .between(
              [connectionId, plan.resource, Dexie.minKey],
              [connectionId, plan.resource, cp.syncId],
              true,
              false
            )
            .primaryKeys()),
          ...(await index
            .between(
              [connectionId, plan.resource, cp.syncId],
              [connectionId, plan.resource, Dexie.maxKey],
              false,
              true
            )
            .primaryKeys())
        ]
        await table.bulkDelete(stale)
        swept += stale.length
      }
    }
    await db.checkpoints.put(next)
  })
  return { swept, lowCrossed }
}

/**
 * Low-stock state per item, so a notice fires once per crossing (at or below
 * the minimum), not on every sync that sees the item still low.
 */
async function trackLowStock(
  db: StockroomDb,
  items: NonNullable<PageResult['batch']['items']>,
  at: string
): Promise<LowCrossing[]> {
  const watched = items.filter((i) => i.minLevel !== undefined && i.minLevel > 0 && i.onHand !== undefined)
  if (watched.length === 0) return []
  // Only low items have a row: absence means "not low", so a first sync writes only the few low ones.
  const before = await db.alerts.bulkGet(watched.map((i) => i.key))
  const crossed: LowCrossing[] = []
  const nowLow: AlertState[] = []
  const recovered: string[] = []
  watched.forEach((item, n) => {
    const low = item.onHand! <= item.minLevel!
    const was = before[n]?.low ?? false
    if (low && !was) {
      crossed.push({ itemKey: item.key, label: `${item.sku} ${item.name}`.trim() })
      nowLow.push({ itemKey: item.key, low: true, changedAt: at })
    } else if (!low && was) recovered.push(item.key)
  })
  if (nowLow.length > 0) await db.alerts.bulkPut(nowLow)
  if (recovered.length > 0) await db.alerts.bulkDelete(recovered)
  return crossed
}

/**
 * A resource the vendor refused with 403 under the key the connection still
 * has is not asked again: the words stay on the connection until the key changes.
 */
async function refusedForThisKey(
  db: StockroomDb,
  connectionId: string,
  plan: ResourcePlan
): Promise<ResourceProgress | undefined> {
  const [cp, connection] = await Promise.all([
    db.checkpoints.get([connectionId, plan.resource]),
    db.connections.get(connectionId)
  ])
  const failure = cp?.failure
  if (failure?.kind !== 'forbidden' || failure.secretSetAt !== connection?.secretSetAt) return undefined
  return {
    connectionId,
    resource: plan.resource,
    label: plan.label,
    phase: cp!.phase,
    state: 'skipped',
    pagesDone: 0,
    recordsDone: 0,
    rejected: 0,
    deleted: 0,
    lowCrossed: [],
    message: failure.message
  }
}

/** Keeps a resource's failure on its checkpoint (the pass resumes from there next time) for the Connections screen. */
async function recordFailure(
  db: StockroomDb,
  connectionId: string,
  plan: ResourcePlan,
  err: SyncError,
  now: () => Date
): Promise<ResourceProgress> {
  const at = now().toISOString()
  const connection = await db.connections.get(connectionId)
  const failure: ResourceFailure = {
    message: err.message,
    kind: err.origin?.kind ?? err.code,
    at,
    ...(err.origin?.status !== undefined && { status: err.origin.status }),
    ...(err.origin?.endpoint && { endpoint: err.origin.endpoint }),
    ...(connection?.secretSetAt && { secretSetAt: connection.secretSetAt })
  }
  await db.transaction('rw', [db.checkpoints, db.activity], async () => {
    const cp = await db.checkpoints.get([connectionId, plan.resource])
    await db.checkpoints.put({
      ...(cp ?? {
        connectionId,
        resource: plan.resource,
        phase: 'full',
        running: false,
        cursor: null,
        syncId: crypto.randomUUID(),
        pagesDone: 0,
        recordsDone: 0
      }),
      failure
    })
    await db.activity.add({
      at,
      connectionId,
      kind: 'sync',
      level: 'error',
      message: `${plan.label}: ${err.message}`
    })
  })
  return {
    connectionId,
    resource: plan.resource,
    label: plan.label,
    phase: 'full',
    state: 'error',
    pagesDone: 0,
    recordsDone: 0,
    rejected: 0,
    deleted: 0,
    lowCrossed: [],
    message: err.message
  }
}
