import { useLiveQuery } from 'dexie-react-hooks'
import type { CountLine, CountSession, Item, Location, Lot } from '../../../../shared/model/records'
import { recountedLineIds } from '../../count/lines'
import { locationLabel } from '../../count/sessions'
import { getDb } from '../../db/db'

export interface CountLineView {
  line: CountLine
  item: Item | undefined
  lot: Lot | undefined
}

export interface CountData {
  /** Newest change first: the line just scanned is on top. */
  lines: CountLineView[]
  recounted: Set<string>
  events: number
  location: Location | undefined
  locationLabel: string
  connectionLabel: string
  /** Stock records at the location in the replica; 0 means every expected quantity is 0. */
  stockRecords: number
}

/** Everything the count screens show of one session, live from the replica. */
export function useCountData(session: CountSession): CountData | undefined {
  return useLiveQuery(async () => {
    const db = getDb()
    const lines = await db.countLines.where('countId').equals(session.id).toArray()
    lines.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    const [items, lots, recounted, events, location, label, connection, stockRecords] = await Promise.all([
      db.items.bulkGet(lines.map((l) => l.itemKey)),
      db.lots.bulkGet(lines.map((l) => l.lotKey ?? '')),
      recountedLineIds(db, session.id),
      db.countEvents.where('countId').equals(session.id).count(),
      db.locations.get(session.locationKey),
      locationLabel(db, session.locationKey),
      db.connections.get(session.connectionId),
      db.stock.where('locationKey').equals(session.locationKey).count()
    ])
    return {
      lines: lines.map((line, i) => ({ line, item: items[i], lot: line.lotKey ? lots[i] : undefined })),
      recounted,
      events,
      location,
      locationLabel: label,
      connectionLabel: connection?.label ?? session.connectionId,
      stockRecords
    }
  }, [session.id, session.locationKey, session.connectionId])
}
