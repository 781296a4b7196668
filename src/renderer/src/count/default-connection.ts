import type { StockroomDb } from '../db/db'

/**
 * The connection a new count starts on: the one of the latest count made on
 * this PC while it is still connected, else the first (by name) with locations
 * to count, else the first by name. Never just whichever id sorts first.
 */
export async function defaultCountConnection(db: StockroomDb): Promise<string | null> {
  const connections = await db.connections.toArray()
  if (connections.length === 0) return null
  const ids = new Set(connections.map((c) => c.id))
  const counts = await db.counts.toArray()
  const last = counts
    .filter((c) => ids.has(c.connectionId))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]
  if (last) return last.connectionId
  const byName = [...connections].sort((a, b) => a.label.localeCompare(b.label))
  for (const c of byName)
    if ((await db.locations.where('connectionId').equals(c.id).limit(1).count()) > 0) return c.id
  return byName[0]!.id
}
