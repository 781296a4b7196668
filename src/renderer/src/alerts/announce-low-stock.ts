import type { HostClient } from '../../../shared/host-api/client'
import type { ConnectionRow, Item } from '../../../shared/model/records'
import { logActivity } from '../activity/log'
import type { StockroomDb } from '../db/db'
import type { LowCrossing } from './low-crossing'
import { lowStockNotice } from './low-stock-notice'
import { mutedAmong } from './mutes'

/**
 * Tells people about the items of one connection that crossed their minimum
 * in one sync: one notice through the host's notifier (none for muted items or
 * a muted connection) and one Activity entry. Returns the notice raised, if any.
 */
export async function announceLowStock(
  db: StockroomDb,
  host: HostClient,
  connection: Pick<ConnectionRow, 'id' | 'label'>,
  crossings: LowCrossing[],
  o: { firstSync: boolean }
) {
  if (crossings.length === 0) return undefined
  const keys = [...new Set(crossings.map((c) => c.itemKey))]
  const muted = await mutedAmong(db, [connection.id, ...keys])
  if (muted.has(connection.id)) return undefined
  const items = (await db.items.bulkGet(keys.filter((k) => !muted.has(k)))).filter(
    (i): i is Item => i !== undefined
  )
  const notice = lowStockNotice({
    connectionId: connection.id,
    connectionLabel: connection.label,
    crossed: items,
    firstSync: o.firstSync
  })
  if (!notice) return undefined
  await logActivity(db, {
    connectionId: connection.id,
    kind: 'low-stock',
    level: 'warning',
    message: `${notice.title}. ${notice.body}`,
    ...(notice.target && { link: notice.target })
  })
  const shown = await host.call('notices:show', notice)
  if (!shown.ok) console.warn(`low-stock notice not shown: ${shown.error.message}`)
  return notice
}

/** Alert rows whose item is gone (deleted at the vendor, or its connection removed) are dropped. */
export async function pruneOrphanAlerts(db: StockroomDb, connectionId: string): Promise<number> {
  return db.transaction('rw', [db.alerts, db.items], async () => {
    const keys = (await db.alerts.where('itemKey').startsWith(`${connectionId}:`).primaryKeys()) as string[]
    const items = await db.items.bulkGet(keys)
    const orphans = keys.filter((_, n) => !items[n])
    await db.alerts.bulkDelete(orphans)
    return orphans.length
  })
}
