import type { Table } from 'dexie'

/**
 * Rows per `bulkPut` call for which Dexie's live queries still learn which keys and index
 * values a write touched. From 50 rows a call on, Dexie 4 marks the whole table as changed
 * (dexie.mjs, the observability middleware's `req.values.length < 50`), so every live query
 * of that table reads again: a sync of one connection would make the count screen of
 * another read its whole location on every slice.
 */
export const OBSERVED_PUT_ROWS = 49

/** `bulkPut` in calls small enough that live queries of other keys are left alone. Same transaction. */
export async function putObserved<T>(table: Table<T>, rows: readonly T[]): Promise<void> {
  const calls: Promise<unknown>[] = []
  for (let i = 0; i < rows.length; i += OBSERVED_PUT_ROWS)
    calls.push(table.bulkPut(rows.slice(i, i + OBSERVED_PUT_ROWS) as T[]))
  await Promise.all(calls)
}
