import { notifications } from '@mantine/notifications'
import type { HostClient } from '../../../shared/host-api/client'
import type { ConnectionInfo } from '../../../shared/host-api/connections'
import { connectHost } from '../bridge/host'
import { askPcName } from '../bridge/pc-name'
import { openReplica, type StockroomDb } from '../db/db'
import { requestPersistentStorage } from '../db/persistent-storage'
import { restoredAnything, restoreFromJournal, restoreMessage } from '../db/restore-from-journal'
import { watchStorage } from '../db/storage-watch'
import { startOutboxRunner, type OutboxRunner } from '../outbox/runner'
import { followSite } from '../site/follow'
import { adoptPcName } from '../stores/counter'
import { useOutboxStatus } from '../stores/outbox'
import { useSite } from '../stores/site'
import { syncStoreReporter } from '../stores/sync'
import { useUi } from '../stores/ui'
import { mirrorConnections } from '../sync/connections-mirror'
import { startSyncScheduler, type SyncScheduler } from '../sync/scheduler'

/**
 * What the renderer's features use, built once at start by {@link startServices}
 * and handed down: through React context (`useServices()`) to components, and as
 * arguments to everything else. No feature reaches for a module-level singleton.
 */
export interface Services {
  /** The replica (IndexedDB), journaled to main. */
  db: StockroomDb
  /** Main's API: Electron IPC or the web host's WebSocket. */
  host: HostClient
  /** Per-connection sync lanes ("Sync now", "Stop"). */
  scheduler: SyncScheduler
  /** The outbox replayer: kick it after queueing a write. */
  outbox: OutboxRunner
  /** The PC's clock, in one place so that what reads time can be given another. */
  clock: { now(): number }
  /** This PC's name as main knows it (its host name); undefined when main cannot say. */
  pcName(): Promise<string | undefined>
}

/**
 * The renderer's composition root. Opens the replica, restores it from main's
 * journal if the browser lost it, mirrors main's connections into it (the one
 * source screens read them from), starts the sync scheduler and the outbox, and
 * follows main's events for the life of the page. Resolves when the app can be
 * used; the caller then sets `data-ready`, the signal E2E tests wait for.
 */
export async function startServices(): Promise<Services> {
  const host = connectHost()
  const db = await openReplica(host)
  // Ask the browser to keep this origin's data under storage pressure (it may say no; the journal stays).
  void requestPersistentStorage()
  watchStorage()
  const restored = await restoreFromJournal(db, host)
  if (restoredAnything(restored))
    notifications.show({
      color: 'orange',
      title: 'Restored from the journal',
      message: restoreMessage(restored),
      autoClose: false
    })
  const pcName = askPcName(host)
  adoptPcName(pcName)

  let scheduler: SyncScheduler | undefined = undefined
  // One mirror at a time, in arrival order: two overlapping ones would both see a new
  // connection as added and start two syncs of it.
  let mirrored = Promise.resolve()
  const apply = (list: ConnectionInfo[]) => {
    const run = mirrored.then(async () => {
      const added = await mirrorConnections(db, list)
      // A new connection syncs at once, alone: the others keep their own schedule (a pass of each
      // would rewrite their stock under a count). Status changes (which failing syncs cause) start none.
      for (const id of added) void scheduler?.syncNow(id)
    })
    mirrored = run.catch(() => undefined) // one failed mirror must not stop the next
    return run
  }
  host.on('connections:changed', ({ connections }) => void apply(connections))
  host.on('app:online', ({ online }) => {
    useUi.getState().setMainOnline(online)
    if (online) void scheduler?.syncAll()
  })
  const reply = await host.call('connections:list', {})
  if (!reply.ok) throw new Error(reply.error.message)
  await apply(reply.value)

  scheduler = startSyncScheduler(db, host, syncStoreReporter, {
    isOnline: () => navigator.onLine && useUi.getState().mainOnline
  })
  const outbox = startOutboxRunner(db, host, (connectionId, stop) =>
    useOutboxStatus
      .getState()
      .setUnreachable(connectionId, stop.state === 'offline' ? stop.message : undefined)
  )
  // Links and counts other PCs share through the site database (when one is set), into this replica.
  followSite(db, host, (status) => useSite.getState().set(status))
  useUi.getState().setHostConnected(true)
  return { db, host, scheduler, outbox, clock: { now: () => Date.now() }, pcName }
}
