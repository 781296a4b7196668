import type { ActivityEntry } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'

/** The log keeps this many entries; the oldest go first. */
export const ACTIVITY_LIMIT = 5_000

/** Adds an entry to the Activity log (stamped now unless `at` is given) and keeps the log bounded. */
export async function logActivity(
  db: StockroomDb,
  entry: Omit<ActivityEntry, 'id' | 'at'> & { at?: string },
  limit = ACTIVITY_LIMIT
): Promise<void> {
  await db.activity.add({ ...entry, at: entry.at ?? new Date().toISOString() })
  const over = (await db.activity.count()) - limit
  if (over > 0) await db.activity.bulkDelete(await db.activity.orderBy('id').limit(over).primaryKeys())
}
