import { getDb, type StockroomDb } from './db'

/** The replica, for screens: they take it from here rather than opening it themselves. */
export function useDb(): StockroomDb {
  return getDb()
}
