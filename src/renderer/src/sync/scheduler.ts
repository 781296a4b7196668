import type { HostClient } from '../../../shared/host-api/client'
import type { ConnectionRow } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { logActivity } from '../activity/log'
import { SliceSizer, WRITE_SLICE_MS } from './apply-page'
import { sinceFloorUsed } from '../db/floor'
import { syncConnection } from './driver'
import { SyncError, type ResourceProgress } from './progress'
import { failedResources } from './pass-verdict'
import { indexItemPieces } from './item-pieces'
import { nextPassAt } from './pass-spacing'
import { recordSyncOutcome } from './sync-outcome'

export const SYNC_INTERVAL_MS = 5 * 60_000

/** What the scheduler tells the screens about each connection (the store keeps it for them). */
export type LaneState =
  | { state: 'idle'; nextAt?: number }
  | { state: 'running' }
  /** Waiting for the vendor's request budget until `until` (epoch ms): nothing is sent meanwhile. */
  | { state: 'parked'; until: number }

export interface SyncReporter {
  progress(p: ResourceProgress): void
  lane(connectionId: string, lane: LaneState | undefined): void
  /** A sync of the connection stopped with this message; undefined clears it. */
  failed(connectionId: string, message: string | undefined): void
  /** A wait main announced before it started (rate limit, retry); undefined: it is over. */
  wait(connectionId: string, notice: WaitNotice | undefined): void
}

export interface WaitNotice {
  reason: 'rate-limit' | 'retry'
  until: number
  message?: string
}

/** The answer to a Sync now: it runs (or already runs), or the budget makes it wait until `until`. */
export type SyncNow = { state: 'running' } | { state: 'parked'; until: number } | { state: 'offline' }

export interface SyncScheduler {
  /** Sync now, every connection: each runs at once unless its budget parks it (then it keeps its time). */
  syncAll(opts?: { forceFull?: boolean }): Promise<void>
  /** Sync now, one connection. */
  syncNow(connectionId: string, opts?: { forceFull?: boolean }): Promise<SyncNow>
  /** Stops the running sync of one connection, or of all; their next scheduled run stays. */
  cancel(connectionId?: string): void
  /** Stops for good; resolves once every run in progress has let go of the replica. */
  stop(): Promise<void>
}

export interface SchedulerOptions {
  intervalMs?: number
  /** Offline, no run starts (none could reach a vendor): the next one starts when the network returns. */
  isOnline?: () => boolean
  now?: () => number
}

/**
 * When each connection syncs. Every connection has a lane of its own:
 *
 *   idle ──(timer, Sync now, network back, new connection)──▶ running ──▶ idle (next run timed)
 *                                                  │   ▲
 *                    a page the budget cannot serve ▼   │ the budget returns
 *                                                 parked
 *
 * What must stay true: a lane waiting for its vendor (parked) holds nothing the
 * others need: they keep their own timers and passes; their page writes take
 * turns one slice at a time (write-turns.ts), and a scan goes before any of
 * them (db/floor.ts). A Sync now of a parked lane does not send a request the
 * budget cannot serve: it answers when the lane will run. The next run counts
 * from the end of the last, however it started, and a vendor whose passes are
 * all full passes under an hourly budget has them spaced to fit it. One run of
 * a connection at a time across every window of this profile (Web Locks).
 */
export function startSyncScheduler(
  db: StockroomDb,
  host: HostClient,
  report: SyncReporter,
  o: SchedulerOptions = {}
): SyncScheduler {
  const intervalMs = o.intervalMs ?? SYNC_INTERVAL_MS
  const isOnline = o.isOnline ?? (() => globalThis.navigator?.onLine !== false)
  const now = o.now ?? Date.now
  const lanes = new Map<string, Lane>()
  // Slice sizes learnt once for the PC: every lane writes into the same replica.
  const sizer = new SliceSizer(WRITE_SLICE_MS, sinceFloorUsed)
  let stopped = false
  let listing: Promise<void> | undefined

  interface Lane {
    id: string
    controller?: AbortController
    running?: Promise<void>
    queued?: Promise<void>
    /** The run has not asked the vendor anything yet: a request now is served by it. */
    fresh: boolean
    forceFull: boolean
    parkedUntil?: number
    timer?: ReturnType<typeof setTimeout>
  }

  const laneOf = (id: string): Lane => {
    let lane = lanes.get(id)
    if (!lane) lanes.set(id, (lane = { id, fresh: false, forceFull: false }))
    return lane
  }

  const schedule = (lane: Lane, at: number) => {
    if (stopped) return
    if (lane.timer) clearTimeout(lane.timer)
    lane.timer = setTimeout(
      () => {
        lane.timer = undefined
        if (!lane.running) void request(lane, {})
      },
      Math.max(0, at - now())
    )
    if (!lane.running && !(lane.parkedUntil && lane.parkedUntil > now()))
      report.lane(lane.id, { state: 'idle', nextAt: at })
  }

  const runOnce = async (lane: Lane, forceFull: boolean) => {
    const connection = await db.connections.get(lane.id)
    // Waiting for a new key: a sync would only be refused again.
    if (!connection || connection.status === 'paused') return
    lane.controller = new AbortController()
    const signal = lane.controller.signal
    report.lane(lane.id, { state: 'running' })
    let results: ResourceProgress[] = []
    try {
      results = await syncConnection(db, host, lane.id, {
        signal,
        forceFull,
        sizer,
        onProgress: (p) => {
          lane.fresh = false
          if (p.waitingUntil) {
            if (!lane.parkedUntil)
              void logActivity(db, {
                connectionId: lane.id,
                kind: 'sync',
                level: 'info',
                message: `${connection.label} waits for its request budget until ${new Date(p.waitingUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} (${p.label}, page ${p.pagesDone + 1}${p.totalPages ? ` of ${p.totalPages}` : ''}); it goes on by itself then, and other connections are not held up.`,
                link: { kind: 'connection', connectionId: lane.id }
              })
            lane.parkedUntil = p.waitingUntil
            report.lane(lane.id, { state: 'parked', until: p.waitingUntil })
          } else if (p.state === 'running' && lane.parkedUntil) {
            lane.parkedUntil = undefined
            report.lane(lane.id, { state: 'running' })
          }
          report.progress(p)
        }
      })
      if (!results.some((r) => r.state === 'cancelled')) lane.parkedUntil = undefined
      await finish(connection, results)
      // The search pieces follow the items the pass wrote (or a replica that has none yet).
      if (
        !signal.aborted &&
        (results.some((r) => r.recordsDone > 0 || r.deleted > 0) || !connection.piecesAt)
      )
        await indexItemPieces(db, lane.id, { signal, sizer })
    } catch (err) {
      lane.parkedUntil = undefined
      const message = (err as Error).message
      report.failed(lane.id, message)
      await logActivity(db, {
        connectionId: lane.id,
        kind: 'sync',
        level: 'error',
        message: `Sync of ${connection.label} stopped: ${message}`,
        link: { kind: 'connection', connectionId: lane.id }
      })
      void host.call('sync:reportResult', {
        connectionId: lane.id,
        ok: false,
        message: message.slice(0, 2000)
      })
      if (!(err instanceof SyncError)) throw err
    } finally {
      lane.controller = undefined
      report.wait(lane.id, undefined) // a wait announced during this sync is over with it
    }
    return results
  }

  const finish = async (connection: ConnectionRow, results: ResourceProgress[]) => {
    // Crossings already recorded in the replica are announced even when the run was cancelled.
    await recordSyncOutcome(db, host, connection, results, { firstSync: !connection.lastSyncAt })
    // Resources that failed while the others synced are shown on the connection, not as a stop.
    report.failed(connection.id, undefined)
    const failed = failedResources(results)
    void host.call('sync:reportResult', {
      connectionId: connection.id,
      ok: failed.length === 0,
      ...(failed.length > 0 && {
        message: failed
          .map((f) => `${f.label}: ${f.message ?? 'failed'}`)
          .join(' · ')
          .slice(0, 2000)
      })
    })
  }

  const withLock = (lane: Lane, forceFull: boolean): Promise<ResourceProgress[] | undefined> =>
    typeof navigator !== 'undefined' && navigator.locks
      ? (navigator.locks.request(`stockroom-sync:${lane.id}`, () =>
          runOnce(lane, forceFull)
        ) as unknown as Promise<ResourceProgress[] | undefined>)
      : runOnce(lane, forceFull)

  const request = (lane: Lane, { forceFull = false }: { forceFull?: boolean }): Promise<void> => {
    if (stopped || !isOnline()) return Promise.resolve()
    if (!lane.running) {
      if (lane.timer) clearTimeout(lane.timer)
      lane.timer = undefined
      lane.fresh = true
      lane.forceFull = forceFull
      const started = now()
      let results: ResourceProgress[] | undefined
      lane.running = withLock(lane, forceFull)
        .then((r) => void (results = r))
        .finally(() => {
          lane.running = undefined
          const ended = now()
          schedule(
            lane,
            lane.parkedUntil && lane.parkedUntil > ended
              ? lane.parkedUntil // stopped while parked: it resumes when the budget returns
              : nextPassAt(results ?? [], { started, ended, intervalMs })
          )
        })
      return lane.running
    }
    // A run that has asked the vendor nothing yet covers this request.
    if (lane.fresh && (lane.forceFull || !forceFull)) return lane.running
    lane.queued ??= lane.running.then(() => {
      lane.queued = undefined
      return request(lane, { forceFull })
    })
    return lane.queued
  }

  const syncNow = async (connectionId: string, opts: { forceFull?: boolean } = {}): Promise<SyncNow> => {
    if (!isOnline()) return { state: 'offline' }
    const lane = laneOf(connectionId)
    if (lane.parkedUntil && lane.parkedUntil > now()) {
      // Nothing can go before the budget returns: the lane runs then, in its own turn.
      if (!lane.running) schedule(lane, lane.parkedUntil)
      report.lane(lane.id, { state: 'parked', until: lane.parkedUntil })
      return { state: 'parked', until: lane.parkedUntil }
    }
    void request(lane, opts)
    return { state: 'running' }
  }

  const syncAll = (opts: { forceFull?: boolean } = {}): Promise<void> => {
    if (stopped || !isOnline()) return Promise.resolve()
    // Asks made while the list is being read are that same ask.
    listing ??= (async () => {
      const connections = await db.connections.toArray()
      listing = undefined
      const ids = new Set(connections.map((c) => c.id))
      for (const [id, lane] of lanes) {
        if (ids.has(id)) continue
        lane.controller?.abort()
        if (lane.timer) clearTimeout(lane.timer)
        lanes.delete(id)
        report.lane(id, undefined)
      }
      const runs: Promise<unknown>[] = []
      for (const c of connections) {
        const lane = laneOf(c.id)
        if (lane.parkedUntil && lane.parkedUntil > now()) {
          if (!lane.running) schedule(lane, lane.parkedUntil)
          continue
        }
        runs.push(request(lane, opts))
      }
      await Promise.all(runs)
    })()
    return listing ?? Promise.resolve()
  }

  const offRequested = host.on('sync:requested', ({ reason }) => {
    // The host came back after a drop: runs in progress lost a page on the way and would
    // otherwise go on with their other resources first. Stop them at the next page; the runs
    // asked for now start from the committed checkpoints.
    if (reason === 'reconnect') for (const lane of lanes.values()) lane.controller?.abort()
    void syncAll()
  })
  const offWait = host.on('sync:wait', ({ connectionId, ms, reason, message }) =>
    report.wait(connectionId, { reason, until: now() + ms, ...(message && { message }) })
  )
  const onOnline = () => void syncAll()
  globalThis.addEventListener?.('online', onOnline)
  void syncAll()

  return {
    syncAll,
    syncNow,
    cancel(connectionId) {
      for (const lane of lanes.values())
        if (!connectionId || lane.id === connectionId) lane.controller?.abort()
    },
    async stop() {
      stopped = true
      offRequested()
      offWait()
      globalThis.removeEventListener?.('online', onOnline)
      for (const lane of lanes.values()) {
        if (lane.timer) clearTimeout(lane.timer)
        lane.controller?.abort()
      }
      await listing?.catch(() => undefined)
      await Promise.all([...lanes.values()].map((l) => (l.queued ?? l.running)?.catch(() => undefined)))
    }
  }
}
