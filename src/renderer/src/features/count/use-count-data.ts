import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import type { CountLine, CountSession, Item, Location, Lot } from '../../../../shared/model/records'
import { recountedLineIds } from '../../count/lines'
import { missingFrom, type NotCountedRow } from '../../count/not-counted'
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

interface StockHere {
  stock: { itemKey: string; lotKey?: string; onHand: number }[]
  items: Map<string, Item>
  lots: Map<string, Lot>
}

/**
 * The stock at a location with its items, read apart from the count's lines: it
 * changes with a sync, not with a scan, so scanning never reads the whole location.
 */
function useStockHere(locationKey: string): StockHere | undefined {
  return useLiveQuery(async () => {
    const db = getDb()
    const stock = await db.stock.where('locationKey').equals(locationKey).toArray()
    const itemKeys = [...new Set(stock.map((s) => s.itemKey))]
    const lotKeys = [...new Set(stock.flatMap((s) => (s.lotKey ? [s.lotKey] : [])))]
    const [items, lots] = await Promise.all([db.items.bulkGet(itemKeys), db.lots.bulkGet(lotKeys)])
    return {
      stock: stock.map((s) => ({
        itemKey: s.itemKey,
        ...(s.lotKey && { lotKey: s.lotKey }),
        onHand: s.onHand
      })),
      items: new Map(items.flatMap((i) => (i ? [[i.key, i] as const] : []))),
      lots: new Map(lots.flatMap((l) => (l ? [[l.key, l] as const] : [])))
    }
  }, [locationKey])
}

/** Everything the count screens show of one session, live from the replica. */
export function useCountData(session: CountSession): CountData | undefined {
  const here = useStockHere(session.locationKey)
  const data = useLiveQuery(async () => {
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
      stockRecords,
      rawLines: lines
    }
  }, [session.id, session.locationKey, session.connectionId])
  return useMemo(() => {
    if (!data || !here) return undefined
    const { rawLines, ...rest } = data
    const notCounted = missingFrom(session.id, here.stock, rawLines)
      .map((row) => ({
        row,
        item: here.items.get(row.itemKey),
        lot: row.lotKey ? here.lots.get(row.lotKey) : undefined
      }))
      .sort((a, b) => (a.item?.name ?? '').localeCompare(b.item?.name ?? ''))
    return { ...rest, notCounted }
  }, [data, here, session.id])
}
