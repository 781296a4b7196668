import {
  relativeKey,
  SESSION_FILE_FORMAT,
  SESSION_FILE_VERSION,
  type SessionFile
} from '../../../shared/count/session-file'
import type { StockroomDb } from '../db/db'
import { UNNAMED_COUNTER } from './counters'
import { CountError, isoNow, locationLabel, type Clock } from './sessions'

export interface HandedOver {
  file: SessionFile
  filename: string
  text: string
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'count'

/**
 * Closes this PC's count of a location as a file for the PC that submits the count
 * there: every scan, with who made it. The count is then over here (handed over, never
 * sent from this PC), so its differences reach the vendor once, from the other PC.
 */
export async function handOverCount(
  db: StockroomDb,
  countId: string,
  by: { counter: string; pc: string },
  o: Clock = {}
): Promise<HandedOver> {
  return db.transaction(
    'rw',
    [db.counts, db.countLines, db.countEvents, db.connections, db.locations],
    async () => {
      const session = await db.counts.get(countId)
      if (!session) throw new CountError('This count no longer exists.')
      if (session.state === 'submitted')
        throw new CountError('This count was already submitted or handed over.')
      const connection = await db.connections.get(session.connectionId)
      if (!connection)
        throw new CountError('The connection of this count was removed; the count cannot be handed over.')
      const [events, lines] = await Promise.all([
        db.countEvents.where('countId').equals(countId).sortBy('id'),
        db.countLines.where('countId').equals(countId).toArray()
      ])
      if (events.length === 0) throw new CountError('Nothing was counted yet: there is nothing to hand over.')
      const lineOf = new Map(lines.map((l) => [l.id, l]))
      const rel = (key: string) => relativeKey(session.connectionId, key)
      const file: SessionFile = {
        format: SESSION_FILE_FORMAT,
        version: SESSION_FILE_VERSION,
        session: session.id,
        connection: { vendor: connection.vendor, baseUrl: connection.baseUrl, label: connection.label },
        location: { key: rel(session.locationKey), name: await locationLabel(db, session.locationKey) },
        counter: by.counter,
        pc: by.pc,
        exportedAt: isoNow(o),
        events: events.flatMap((e) => {
          const line = lineOf.get(e.lineId)
          if (!line) return []
          return [
            {
              item: rel(line.itemKey),
              ...(line.lotKey !== undefined && { lot: rel(line.lotKey) }),
              kind: e.kind,
              quantity: e.quantity,
              ...(e.code !== undefined && { code: e.code }),
              counter: e.counter ?? (by.counter || UNNAMED_COUNTER),
              at: e.at
            }
          ]
        })
      }
      await db.counts.update(countId, {
        state: 'submitted',
        submittedAt: file.exportedAt,
        outcome: 'handed-over'
      })
      const filename = `count-${slug(file.location.name)}-${slug(by.counter)}-${file.exportedAt.slice(0, 10)}.json`
      return { file, filename, text: JSON.stringify(file, null, 1) }
    }
  )
}
