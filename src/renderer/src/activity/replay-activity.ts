import type { StockroomDb } from '../db/db'
import type { ReplayStop } from '../outbox/replayer'
import { logActivity } from './log'

/**
 * Runs one replay of a connection's outbox and writes to the Activity log
 * what it changed: each write sent or gone to review, and the connection
 * paused when the vendor refused its key.
 */
export async function replayWithActivity(
  db: StockroomDb,
  connectionId: string,
  replay: () => Promise<ReplayStop>
): Promise<ReplayStop> {
  const before = new Map(
    (await db.outbox.where('connectionId').equals(connectionId).toArray())
      .filter((e) => e.state === 'pending' || e.state === 'sending')
      .map((e) => [e.id, e.state])
  )
  const stop = await replay()
  const after = await db.outbox
    .where('id')
    .anyOf([...before.keys()])
    .toArray()
  const label = (await db.connections.get(connectionId))?.label ?? 'the vendor'
  for (const e of after) {
    if (e.state === before.get(e.id)) continue
    const link = { kind: 'write' as const, entryId: e.id }
    if (e.state === 'done')
      await logActivity(db, {
        connectionId,
        kind: 'write',
        level: 'info',
        message: `Sent to ${label}: ${e.description}.`,
        link
      })
    else if (e.state === 'needs-review')
      await logActivity(db, {
        connectionId,
        kind: 'write',
        level: 'error',
        message: `In review: ${e.description}${e.lastError ? ` — ${e.lastError}` : ''}.`,
        link
      })
  }
  if (stop.state === 'paused')
    await logActivity(db, {
      connectionId,
      kind: 'connection',
      level: 'error',
      message: `${label} paused: ${stop.message}`,
      link: { kind: 'connection', connectionId }
    })
  return stop
}
