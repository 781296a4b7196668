import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import type { ConnectionInfo } from '../../../shared/host-api/connections'
import { getHost } from '../bridge/host'
import { getDb, journalForwarder } from '../db/db'
import { watchStorage } from '../db/storage-watch'
import { requestPersistentStorage } from '../db/persistent-storage'
import { restoredAnything, restoreFromJournal, restoreMessage } from '../db/restore-from-journal'
import { useOutboxStatus } from '../stores/outbox'
import { syncStoreReporter } from '../stores/sync'
import { useUi } from '../stores/ui'
import { mirrorConnections } from '../sync/connections-mirror'
import { startSyncScheduler, type SyncScheduler } from '../sync/scheduler'
import { startOutboxRunner, type OutboxRunner } from '../outbox/runner'

let scheduler: SyncScheduler | undefined
let outbox: OutboxRunner | undefined
let stopStorageWatch: (() => void) | undefined
/** The running scheduler (for "Sync now" buttons); undefined until the app is ready. */
export const getScheduler = () => scheduler
/** The outbox replayer (kick it after queueing a write); undefined until the app is ready. */
export const getOutbox = () => outbox

/**
 * Connects to the host once: loads connections, mirrors them into the replica,
 * starts the sync scheduler, follows main's events. Sets `data-ready` on <body>
 * when the app can be used: the signal E2E tests wait for instead of sleeping.
 */
export function useHostBootstrap() {
  useEffect(() => {
    const host = getHost()
    const db = getDb()
    const ui = useUi.getState()
    // One mirror at a time, in arrival order: two overlapping ones would both see a new
    // connection as added and start two syncs of it.
    let mirrored = Promise.resolve()
    const apply = (list: ConnectionInfo[]) => {
      const run = mirrored.then(async () => {
        ui.setConnections(list)
        const added = await mirrorConnections(db, list)
        // A new connection syncs at once; status changes (which failing syncs cause) do not start one.
        if (added.length > 0) void scheduler?.syncAll()
      })
      mirrored = run.catch(() => undefined) // one failed mirror must not stop the next
      return run
    }
    const offChanged = host.on('connections:changed', ({ connections }) => void apply(connections))
    const offOnline = host.on('app:online', ({ online }) => {
      ui.setMainOnline(online)
      if (online) void scheduler?.syncAll()
    })
    let cancelled = false
    ;(async () => {
      try {
        await db.open()
        journalForwarder.attach(host)
        // Ask the browser to keep this origin's data under storage pressure (it may say no; the journal stays).
        void requestPersistentStorage()
        stopStorageWatch ??= watchStorage()
        const restored = await restoreFromJournal(db, host)
        if (restoredAnything(restored))
          notifications.show({
            color: 'orange',
            title: 'Restored from the journal',
            message: restoreMessage(restored),
            autoClose: false
          })
        const reply = await host.call('connections:list', {})
        if (!reply.ok) throw new Error(reply.error.message)
        await apply(reply.value)
        if (cancelled) return
        scheduler ??= startSyncScheduler(db, host, syncStoreReporter, {
          isOnline: () => navigator.onLine && useUi.getState().mainOnline
        })
        outbox ??= startOutboxRunner(db, host, (connectionId, stop) =>
          useOutboxStatus
            .getState()
            .setUnreachable(connectionId, stop.state === 'offline' ? stop.message : undefined)
        )
        ui.setHostConnected(true)
        document.body.dataset.ready = 'true'
      } catch (err) {
        notifications.show({
          color: 'red',
          title: 'Stockroom could not start',
          message: `${(err as Error).message} Restart the app; your local data is kept.`,
          autoClose: false
        })
      }
    })()
    return () => {
      cancelled = true
      offChanged()
      offOnline()
    }
  }, [])
}
