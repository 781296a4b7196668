import { useLiveQuery } from 'dexie-react-hooks'
import type { ConnectionRow } from '../../../shared/model/records'
import { useServices } from './services-context'

const NONE: ConnectionRow[] = []

/**
 * The connections, in the order they were added, live from the replica: the one
 * source every screen reads them from (main's changes reach it through the mirror).
 */
export function useConnections(): ConnectionRow[] {
  const { db } = useServices()
  return useLiveQuery(
    async () =>
      (await db.connections.toArray()).sort(
        (a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id)
      ),
    [db],
    NONE
  )
}
