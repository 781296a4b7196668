import { useLiveQuery } from 'dexie-react-hooks'
import type { CountLine, CountSession, Item, Location, Lot } from '../../../../shared/model/records'
import { recountedLineIds } from '../../count/lines'
import { notCounted, type NotCountedRow } from '../../count/not-counted'
import { locationLabel } from '../../count/sessions'
import { getDb } from '../../db/db'

export interface CountLineView {
  line: CountLine
  item: Item | undefined
  lot: Lot | undefined
}

export interface NotCountedView {
  row: NotCountedRow
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
  /** Stocked at the location, and no scan found it (yet); zeroed ones included, with that choice. */
  notCounted: NotCountedView[]
}

/** Everything the count screens show of one session, live from the replica. */
export function useCountData(session: CountSession): CountData | undefined {
  return useLiveQuery(async () => {
    const db = getDb()
    const lines = await db.countLines.where('countId').equals(session.id).toArray()
    lines.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    const missing = await notCounted(db, session.id)
    const [
      items,
      lots,
      recounted,
      events,
      location,
      label,
      connection,
      stockRecords,
      missingItems,
      missingLots
    ] = await Promise.all([
      db.items.bulkGet(lines.map((l) => l.itemKey)),
      db.lots.bulkGet(lines.map((l) => l.lotKey ?? '')),
      recountedLineIds(db, session.id),
      db.countEvents.where('countId').equals(session.id).count(),
      db.locations.get(session.locationKey),
      locationLabel(db, session.locationKey),
      db.connections.get(session.connectionId),
      db.stock.where('locationKey').equals(session.locationKey).count(),
      db.items.bulkGet(missing.map((r) => r.itemKey)),
      db.lots.bulkGet(missing.map((r) => r.lotKey ?? ''))
    ])
    const notCountedViews = missing
      .map((row, i) => ({ row, item: missingItems[i], lot: row.lotKey ? missingLots[i] : undefined }))
      .sort((a, b) => (a.item?.name ?? '').localeCompare(b.item?.name ?? ''))
    return {
      lines: lines.map((line, i) => ({ line, item: items[i], lot: line.lotKey ? lots[i] : undefined })),
      recounted,
      events,
      location,
      locationLabel: label,
      connectionLabel: connection?.label ?? session.connectionId,
      stockRecords,
      notCounted: notCountedViews
    }
  }, [session.id, session.locationKey, session.connectionId])
}
