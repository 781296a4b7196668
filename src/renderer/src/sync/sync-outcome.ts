import type { HostClient } from '../../../shared/host-api/client'
import type { ConnectionRow } from '../../../shared/model/records'
import { logActivity } from '../activity/log'
import { announceLowStock, pruneOrphanAlerts } from '../alerts/announce-low-stock'
import type { StockroomDb } from '../db/db'
import { failedResources, type ResourceProgress } from './progress'

const n = (x: number) => x.toLocaleString('en')

/**
 * What one connection's sync means for people: an Activity entry with its
 * counts and errors, and the low-stock notice for the items that crossed
 * their minimum. `firstSync`: the connection had never finished a sync before.
 */
export async function recordSyncOutcome(
  db: StockroomDb,
  host: HostClient,
  connection: Pick<ConnectionRow, 'id' | 'label'>,
  results: ResourceProgress[],
  o: { firstSync: boolean }
): Promise<void> {
  const records = results.reduce((sum, r) => sum + r.recordsDone, 0)
  const deleted = results.reduce((sum, r) => sum + r.deleted, 0)
  const failed = failedResources(results)
  const crossings = results.flatMap((r) => r.lowCrossed)
  const parts = [`${n(records)} records read`]
  if (deleted > 0) parts.push(`${n(deleted)} removed`)
  if (crossings.length > 0) parts.push(`${n(crossings.length)} ran low`)
  const errors = failed.map((r) => `${r.label}: ${r.message ?? 'failed'}`)
  await logActivity(db, {
    connectionId: connection.id,
    kind: 'sync',
    level: failed.length > 0 ? 'error' : 'info',
    message:
      `Synced ${connection.label}: ${parts.join(', ')}.` +
      (errors.length ? ` Not synced — ${errors.join('; ')}` : ''),
    link: { kind: 'connection', connectionId: connection.id }
  })
  await announceLowStock(db, host, connection, crossings, o)
  await pruneOrphanAlerts(db, connection.id)
}
