import type { HostClient } from '../../../shared/host-api/client'
import type { StockroomDb } from '../db/db'
import { useSync } from '../stores/sync'
import { logActivity } from '../activity/log'
import { syncConnection, SyncError } from './driver'
import { failedResources } from './pass-verdict'
import { recordSyncOutcome } from './sync-outcome'

export const SYNC_INTERVAL_MS = 5 * 60_000
const LOCK = 'stockroom-sync'

export interface SyncScheduler {
  /** Sync every connection now (queued behind a run in progress). */
  syncAll(opts?: { forceFull?: boolean }): Promise<void>
  cancel(): void
  /** Stops for good; resolves once the run in progress (if any) has let go of the replica. */
  stop(): Promise<void>
}

/**
 * When to sync: at start, on an interval, when main asks (tray "Sync now"),
 * when the network comes back. One run at a time across every window of this
 * profile (Web Locks); a request during a run queues one more run after it.
 */
export function startSyncScheduler(
  db: StockroomDb,
  host: HostClient,
  intervalMs = SYNC_INTERVAL_MS,
  /** Offline, no run starts (none could reach a vendor): the next one starts when the network returns. */
  isOnline: () => boolean = () => globalThis.navigator?.onLine !== false
): SyncScheduler {
  let controller: AbortController | undefined
  let queued: Promise<void> | undefined
  let running: Promise<void> | undefined
  let stopped = false
  /** The run in progress has not read its list of connections yet: it will see anything added now. */
  let listing = false
  let runningFull = false
  const store = useSync.getState()

  const runOnce = async (forceFull: boolean) => {
    if (!isOnline()) return
    controller = new AbortController()
    const signal = controller.signal
    store.setRunning(true)
    try {
      const connections = await db.connections.toArray()
      listing = false
      for (const c of connections) {
        if (signal.aborted) break
        if (c.status === 'paused') continue // waiting for a new key; a sync would only be refused again
        try {
          const results = await syncConnection(db, host, c.id, {
            signal,
            forceFull,
            onProgress: (p) => useSync.getState().report(p)
          })
          // Crossings already recorded in the replica are announced even when the run was cancelled.
          await recordSyncOutcome(db, host, c, results, { firstSync: !c.lastSyncAt })
          // Resources that failed while the others synced are shown on the connection, not as a stop.
          useSync.getState().fail(c.id, undefined)
          const failed = failedResources(results)
          void host.call('sync:reportResult', {
            connectionId: c.id,
            ok: failed.length === 0,
            ...(failed.length > 0 && {
              message: failed
                .map((f) => `${f.label}: ${f.message ?? 'failed'}`)
                .join(' · ')
                .slice(0, 2000)
            })
          })
        } catch (err) {
          const message = (err as Error).message
          useSync.getState().fail(c.id, message)
          await logActivity(db, {
            connectionId: c.id,
            kind: 'sync',
            level: 'error',
            message: `Sync of ${c.label} stopped: ${message}`,
            link: { kind: 'connection', connectionId: c.id }
          })
          void host.call('sync:reportResult', {
            connectionId: c.id,
            ok: false,
            message: message.slice(0, 2000)
          })
          if (!(err instanceof SyncError)) throw err
        } finally {
          useSync.getState().wait(c.id, undefined) // a wait announced during this sync is over with it
        }
      }
    } finally {
      store.setRunning(false)
      controller = undefined
    }
  }

  const withLock = (forceFull: boolean): Promise<void> =>
    typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request(LOCK, () => runOnce(forceFull)).then(() => undefined)
      : runOnce(forceFull)

  const syncAll = ({ forceFull = false } = {}): Promise<void> => {
    if (stopped) return Promise.resolve()
    if (!running) {
      listing = true
      runningFull = forceFull
      running = withLock(forceFull).finally(() => {
        running = undefined
        schedule() // the next scheduled run counts from the end of this one, whatever started it
      })
      return running
    }
    // A run that has not listed the connections yet covers this request: queueing another would
    // sync a just-added connection twice in a row.
    if (listing && (runningFull || !forceFull)) return running
    queued ??= running.then(() => {
      queued = undefined
      return syncAll({ forceFull })
    })
    return queued
  }

  const offRequested = host.on('sync:requested', ({ reason }) => {
    // The host came back after a drop: the run in progress lost a page on the way and would
    // otherwise finish its other resources first. Stop it at the next page; the run queued
    // now starts at once from the committed checkpoints.
    if (reason === 'reconnect') controller?.abort()
    void syncAll()
  })
  const offWait = host.on('sync:wait', ({ connectionId, ms, reason, message }) =>
    useSync.getState().wait(connectionId, { reason, until: Date.now() + ms, ...(message && { message }) })
  )
  const onOnline = () => void syncAll()
  globalThis.addEventListener?.('online', onOnline)
  // The interval counts from the end of the last run, however it was started: a long first sync
  // (or one a new connection started) is not followed at once by a scheduled one.
  let timer: ReturnType<typeof setTimeout> | undefined
  const tick = () => {
    timer = undefined
    if (!running) void syncAll()
  }
  function schedule() {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(tick, intervalMs)
  }
  void syncAll()

  return {
    syncAll,
    cancel: () => controller?.abort(),
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      offRequested()
      offWait()
      globalThis.removeEventListener?.('online', onOnline)
      controller?.abort()
      await (queued ?? running)?.catch(() => undefined)
    }
  }
}
