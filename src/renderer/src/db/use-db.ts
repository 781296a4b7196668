import { getDb, type StockroomDb } from './db'

/**
 * The renderer's database, for components: what they read and write goes through
 * the one connection (journaled), and a composition root can hand down another.
 */
export function useDb(): StockroomDb {
  return getDb()
}
