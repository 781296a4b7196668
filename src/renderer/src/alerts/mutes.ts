import type { StockroomDb } from '../db/db'

/** Mutes or unmutes low-stock notices for one item (item key) or one connection (connection id). */
export async function setMuted(
  db: StockroomDb,
  key: string,
  kind: 'item' | 'connection',
  muted: boolean
): Promise<void> {
  if (muted) await db.mutes.put({ key, kind, at: new Date().toISOString() })
  else await db.mutes.delete(key)
}

/** The keys among `keys` that are muted. */
export async function mutedAmong(db: StockroomDb, keys: string[]): Promise<Set<string>> {
  const rows = await db.mutes.bulkGet(keys)
  return new Set(rows.flatMap((r) => (r ? [r.key] : [])))
}
