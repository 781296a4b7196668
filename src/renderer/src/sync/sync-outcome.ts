import type { HostClient } from '../../../shared/host-api/client'
import type { ConnectionRow } from '../../../shared/model/records'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import { logActivity } from '../activity/log'
import { announceLowStock, pruneOrphanAlerts } from '../alerts/announce-low-stock'
import type { StockroomDb } from '../db/db'
import type { ResourceProgress } from './progress'
import { everyResourceFailed, failedResources, judgeResource } from './pass-verdict'

const n = (x: number) => x.toLocaleString('en')

/**
 * What one connection's sync means for people: an Activity entry with its
 * counts and errors, and the low-stock notice for the items that crossed
 * their minimum. `firstSync`: the connection had never finished a sync before.
 *
 * A resource most of whose records could not be read failed, like one the
 * vendor refused: its words stay on the connection (its checkpoint) until it
 * reads again. A sync where every resource failed is a failed sync: the
 * connection is marked in error and its last sync stays the last one that read
 * something.
 */
export async function recordSyncOutcome(
  db: StockroomDb,
  host: HostClient,
  connection: Pick<ConnectionRow, 'id' | 'label'> & Partial<Pick<ConnectionRow, 'vendor' | 'lastSyncAt'>>,
  results: ResourceProgress[],
  o: { firstSync: boolean }
): Promise<void> {
  const vendorName = connection.vendor ? vendorProfiles[connection.vendor].name : undefined
  const records = results.reduce((sum, r) => sum + Math.max(0, r.recordsDone - r.rejected), 0)
  const deleted = results.reduce((sum, r) => sum + r.deleted, 0)
  const failed = failedResources(results, vendorName)
  const whole = failed.length > 0 && everyResourceFailed(results, vendorName)
  const partly = results.flatMap((r) => {
    const v = judgeResource(r, vendorName)
    return v.kind === 'partly-unreadable' ? [v.words] : []
  })
  const crossings = results.flatMap((r) => r.lowCrossed)
  const parts = [`${n(records)} records read`]
  if (deleted > 0) parts.push(`${n(deleted)} removed`)
  if (crossings.length > 0) parts.push(`${n(crossings.length)} ran low`)
  const errors = results.flatMap((r) => {
    const v = judgeResource(r, vendorName)
    return v.kind === 'failed' ? [v.words] : []
  })
  const errorWords = errors.map((e) => e.replace(/\.$/, '')).join('; ')
  await markUnreadable(db, connection.id, results, vendorName)
  await logActivity(db, {
    connectionId: connection.id,
    kind: 'sync',
    level: failed.length > 0 ? 'error' : partly.length > 0 ? 'warning' : 'info',
    message: whole
      ? `Sync of ${connection.label} failed: none of its data could be synced — ${errorWords}.`
      : `Synced ${connection.label}: ${parts.join(', ')}.` +
        (errors.length ? ` Not synced — ${errorWords}.` : '') +
        (partly.length ? ` Partly read — ${partly.join(' ')}` : ''),
    link: { kind: 'connection', connectionId: connection.id }
  })
  if (whole) {
    // The sync read nothing: "last sync" stays the last one that did.
    await db.connections.update(connection.id, { lastSyncAt: connection.lastSyncAt })
    await host.call('sync:reportResult', {
      connectionId: connection.id,
      ok: false,
      whole: true,
      message: `None of the data of ${connection.label} could be synced — ${errorWords}`.slice(0, 2000)
    })
  }
  await announceLowStock(db, host, connection, crossings, o)
  await pruneOrphanAlerts(db, connection.id)
}

/** Resources whose pass ended mostly unreadable keep that on their checkpoint, for the connection's card. */
async function markUnreadable(
  db: StockroomDb,
  connectionId: string,
  results: ResourceProgress[],
  vendorName: string | undefined
) {
  const at = new Date().toISOString()
  for (const r of results) {
    const v = judgeResource(r, vendorName)
    if (v.kind !== 'failed' || !v.unreadable) continue
    await db.checkpoints.update([connectionId, r.resource], {
      failure: { message: v.words, kind: 'unreadable', at }
    })
  }
}
