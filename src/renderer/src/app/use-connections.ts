import { useLiveQuery } from 'dexie-react-hooks'
import type { ConnectionRow } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { useServices } from './services-context'

const NONE: ConnectionRow[] = []
/** The list as last read, per replica: a screen opened again shows it in its first frame, not an empty one. */
const lastRead = new WeakMap<StockroomDb, ConnectionRow[]>()

/**
 * The connections, in the order they were added, live from the replica: the one
 * source every screen reads them from (main's changes reach it through the mirror).
 */
export function useConnections(): ConnectionRow[] {
  const { db } = useServices()
  return useLiveQuery(
    async () => {
      const list = (await db.connections.toArray()).sort(
        (a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id)
      )
      lastRead.set(db, list)
      return list
    },
    [db],
    lastRead.get(db) ?? NONE
  )
}
