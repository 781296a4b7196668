import { useLiveQuery } from 'dexie-react-hooks'
import type { ConnectionRow } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { useServices } from './services-context'

const NONE: ConnectionRow[] = []

/**
 * The last list read from each replica: a screen opened again draws its connections in
 * its first frame instead of "0 connections" until the query answers.
 */
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
