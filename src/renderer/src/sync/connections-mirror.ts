import type { ConnectionInfo } from '../../../shared/host-api/connections'
import type { StockroomDb } from '../db/db'

/**
 * Main owns the connections; the replica keeps a copy for live queries and
 * its own `lastSyncAt`. Returns the ids that are new to this replica.
 */
export async function mirrorConnections(db: StockroomDb, list: ConnectionInfo[]): Promise<string[]> {
  const added: string[] = []
  const replica = [db.items, db.locations, db.stock, db.lots, db.tasks, db.orders, db.checkpoints]
  await db.transaction('rw', [db.connections, db.alerts, db.itemPieces, ...replica], async () => {
    const ids = new Set(list.map((c) => c.id))
    const existing = await db.connections.toArray()
    const removed = existing.filter((c) => !ids.has(c.id)).map((c) => c.id)
    await db.connections.bulkDelete(removed)
    // A removed connection's copy goes with it (its queued writes and counts stay, for the record).
    for (const id of removed) {
      for (const table of replica) await table.where('connectionId').equals(id).delete()
      // Its low-stock rows too: they would count items that no longer exist.
      await db.alerts.where('itemKey').startsWith(`${id}:`).delete()
      await db.itemPieces.where(':id').startsWith(`${id}:`).delete()
    }
    const byId = new Map(existing.map((c) => [c.id, c]))
    for (const c of list) {
      const before = byId.get(c.id)
      if (!before) added.push(c.id)
      await db.connections.put({
        id: c.id,
        vendor: c.vendor,
        label: c.label,
        baseUrl: c.baseUrl,
        capabilities: c.capabilities,
        status: c.status,
        ...(c.statusMessage && { statusMessage: c.statusMessage }),
        demo: c.demo,
        createdAt: c.createdAt,
        ...(c.secretSetAt && { secretSetAt: c.secretSetAt }),
        ...(before?.lastSyncAt && { lastSyncAt: before.lastSyncAt }),
        ...(before?.clockSkewMs !== undefined && { clockSkewMs: before.clockSkewMs }),
        ...(before?.piecesAt && { piecesAt: before.piecesAt })
      })
    }
  })
  return added
}
