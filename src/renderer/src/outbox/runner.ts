import { liveQuery } from 'dexie'
import type { HostClient } from '../../../shared/host-api/client'
import { logReplayStop } from './log-replay-stop'
import type { StockroomDb } from '../db/db'
import { replayConnection, type ReplayStop } from './replayer'
import { backoffMs, type BackoffPolicy } from '../../../shared/backoff'

const LOCK = 'stockroom-outbox'
const TICK_MS = 15_000
/** Probes of an unreachable vendor: 2 s doubling to a minute. */
const PROBE_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 60_000, jitter: 0 }

export interface OutboxRunner {
  /** Something was queued, or a person asked to retry: replay now. */
  kick(): void
  stop(): void
}

/**
 * Keeps every connection's outbox draining: at start, when something is
 * queued, when the OS says the network is back, and on a slow tick. A
 * connection that looked unreachable is probed with a real request before its
 * queue is tried again. One replayer at a time across windows (Web Locks).
 */
export function startOutboxRunner(
  db: StockroomDb,
  host: HostClient,
  onStop?: (connectionId: string, stop: ReplayStop) => void
): OutboxRunner {
  const offline = new Map<string, { since: number; attempts: number; nextProbe: number }>()
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const once = async () => {
    const ids = new Set(
      (await db.outbox.where('state').anyOf('pending', 'sending').toArray()).map((e) => e.connectionId)
    )
    let nextWake = Date.now() + TICK_MS
    for (const connectionId of ids) {
      const c = await db.connections.get(connectionId)
      if (!c || c.status === 'paused') continue
      const down = offline.get(connectionId)
      if (down) {
        if (Date.now() < down.nextProbe) {
          nextWake = Math.min(nextWake, down.nextProbe)
          continue
        }
        const probe = await host.call('outbox:probe', { connectionId })
        if (!probe.ok || !probe.value.reachable) {
          down.attempts++
          down.nextProbe = Date.now() + backoffMs(down.attempts, PROBE_BACKOFF)
          nextWake = Math.min(nextWake, down.nextProbe)
          continue
        }
        offline.delete(connectionId)
      }
      const stop = await replayConnection({ db, host }, connectionId)
      await logReplayStop(db, connectionId, stop)
      onStop?.(connectionId, stop)
      if (stop.state === 'offline') {
        offline.set(connectionId, {
          since: Date.now(),
          attempts: 0,
          nextProbe: Date.now() + backoffMs(0, PROBE_BACKOFF)
        })
        nextWake = Math.min(nextWake, Date.now() + backoffMs(0, PROBE_BACKOFF))
      } else if (stop.state === 'waiting') {
        nextWake = Math.min(nextWake, stop.until)
      }
    }
    schedule(Math.max(250, nextWake - Date.now()))
  }

  const run = () => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    const locked = () =>
      typeof navigator !== 'undefined' && navigator.locks
        ? navigator.locks.request(LOCK, once).then(() => undefined)
        : once()
    running = locked()
      .catch((err: unknown) => console.error('outbox replay failed', err))
      .finally(() => {
        running = undefined
        if (again) {
          again = false
          run()
        }
      })
  }

  function schedule(ms: number) {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, ms)
  }

  const onOnline = () => {
    // The OS thinks we are back: probe every offline connection now.
    for (const down of offline.values()) down.nextProbe = 0
    run()
  }
  globalThis.addEventListener?.('online', onOnline)
  // Whatever queues a write (a submitted count, a person's retry) wakes the replayer.
  const queued = liveQuery(() => db.outbox.where('state').equals('pending').count()).subscribe({
    next: () => run()
  })
  run()

  return {
    kick() {
      for (const down of offline.values()) down.nextProbe = 0
      run()
    },
    stop() {
      stopped = true
      queued.unsubscribe()
      if (timer) clearTimeout(timer)
      globalThis.removeEventListener?.('online', onOnline)
    }
  }
}
