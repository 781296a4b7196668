import type { ConnectionInfo } from '../../../shared/host-api/connections'
import type { StockroomDb } from '../db/db'

/**
 * Main owns the connections; the replica keeps a copy for live queries and
 * its own `lastSyncAt`. Returns the ids that are new to this replica.
 */
export async function mirrorConnections(db: StockroomDb, list: ConnectionInfo[]): Promise<string[]> {
  const added: string[] = []
  await db.transaction('rw', db.connections, async () => {
    const ids = new Set(list.map((c) => c.id))
    const existing = await db.connections.toArray()
    await db.connections.bulkDelete(existing.filter((c) => !ids.has(c.id)).map((c) => c.id))
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
        demo: c.demo,
        ...(before?.lastSyncAt && { lastSyncAt: before.lastSyncAt }),
        ...(before?.clockSkewMs !== undefined && { clockSkewMs: before.clockSkewMs })
      })
    }
  })
  return added
}
