import type { StockroomDb } from '../db/db'
import type { ReplayStop } from './replayer'
import { logActivity } from '../activity/log'

/**
 * Writes to the Activity log that a replay paused its connection (the vendor
 * refused the key). Writes sent or gone to review are logged by the replayer,
 * in the transaction that records them.
 */
export async function logReplayStop(db: StockroomDb, connectionId: string, stop: ReplayStop): Promise<void> {
  if (stop.state !== 'paused') return
  const label = (await db.connections.get(connectionId))?.label ?? 'The connection'
  await logActivity(db, {
    connectionId,
    kind: 'connection',
    level: 'error',
    message: `${label} paused: ${stop.message}`,
    link: { kind: 'connection', connectionId }
  })
}
