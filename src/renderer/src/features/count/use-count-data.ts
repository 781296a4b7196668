import { useServices } from '../../app/services-context'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useState } from 'react'
import type { CountLine, CountSession, Item, Location, Lot } from '../../../../shared/model/records'
import { watchCountLines, type CountLinesSnapshot } from '../../count/count-lines-feed'
import type { NotCountedRow } from '../../count/not-counted'
import { groupStock, uncounted, type StockGroups } from '../../count/uncounted'
import { locationLabel } from '../../count/sessions'

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
  /**
   * Stocked at the location, and no scan found it (yet); zeroed ones included, with that
   * choice. Worked out when first read (the review), not on every scan.
   */
  readonly notCounted: NotCountedView[]
  /** What the counting screen lists of it: the first rows still waiting for a scan, and how many there are. */
  waiting: Waiting
}

/** Rows of stock still waiting for a scan that the counting screen draws at most. */
export const WAITING_SHOWN = 100

export interface Waiting {
  /** At most {@link WAITING_SHOWN}, in the order the review lists them. */
  first: NotCountedView[]
  /** Rows waiting for a scan. */
  count: number
  /** Rows of {@link CountData.notCounted} (those set to zero included). */
  listed: number
}

interface StockHere {
  /** Stock records at the location. */
  records: number
  /** Grouped as count lines and sorted by item name once per sync, not per scan. */
  groups: StockGroups
  items: Map<string, Item>
  lots: Map<string, Lot>
}

const byName = (items: Map<string, Item>) => (a: { itemKey: string }, b: { itemKey: string }) =>
  (items.get(a.itemKey)?.name ?? '').localeCompare(items.get(b.itemKey)?.name ?? '')

/**
 * The stock at a location with its items, read apart from the count's lines: it
 * changes with a sync, not with a scan, so scanning never reads the whole location.
 */
function useStockHere(countId: string, locationKey: string): StockHere | undefined {
  const { db } = useServices()
  return useLiveQuery(async () => {
    const stock = await db.stock.where('locationKey').equals(locationKey).toArray()
    const itemKeys = [...new Set(stock.map((s) => s.itemKey))]
    const lotKeys = [...new Set(stock.flatMap((s) => (s.lotKey ? [s.lotKey] : [])))]
    const [items, lots] = await Promise.all([db.items.bulkGet(itemKeys), db.lots.bulkGet(lotKeys)])
    const itemMap = new Map(items.flatMap((i) => (i ? [[i.key, i] as const] : [])))
    const sorted = stock
      .map((s) => ({
        itemKey: s.itemKey,
        ...(s.lotKey && { lotKey: s.lotKey }),
        onHand: s.onHand,
        ...(s.bins && { bins: s.bins })
      }))
      .sort(byName(itemMap))
    return {
      records: stock.length,
      groups: groupStock(countId, sorted),
      items: itemMap,
      lots: new Map(lots.flatMap((l) => (l ? [[l.key, l] as const] : [])))
    }
  }, [countId, locationKey])
}

/** Where the count is, and of which connection: changes with a sync, never with a scan. */
function usePlace(session: CountSession) {
  const { db } = useServices()
  return useLiveQuery(async () => {
    // No count of the location's stock here: a count query is read again on every write of the
    // stock store (a sync's every slice); the stock read by useStockHere is followed by its keys.
    const [location, label, connection] = await Promise.all([
      db.locations.get(session.locationKey),
      locationLabel(db, session.locationKey),
      db.connections.get(session.connectionId)
    ])
    return {
      location,
      locationLabel: label,
      connectionLabel: connection?.label ?? session.connectionId
    }
  }, [session.locationKey, session.connectionId])
}

/** The count's lines with their items, followed change by change (never read whole again per scan). */
function useLines(countId: string) {
  const { db } = useServices()
  const [followed, setFollowed] = useState<{ countId: string; snapshot: CountLinesSnapshot }>()
  useEffect(
    () => watchCountLines(db, countId, (snapshot) => setFollowed({ countId, snapshot })),
    [db, countId]
  )
  const snapshot = followed?.countId === countId ? followed.snapshot : undefined
  return useMemo(() => snapshot && { ...snapshot, rawLines: snapshot.lines.map((v) => v.line) }, [snapshot])
}

/** Everything the count screens show of one session, live from the replica. */
export function useCountData(session: CountSession): CountData | undefined {
  const here = useStockHere(session.id, session.locationKey)
  const place = usePlace(session)
  const data = useLines(session.id)
  return useMemo(() => {
    if (!data || !place || !here) return undefined
    const { rawLines, ...rest } = data
    const left = uncounted(here.groups, rawLines)
    const view = (row: NotCountedRow): NotCountedView => ({
      row,
      item: here.items.get(row.itemKey),
      lot: row.lotKey ? here.lots.get(row.lotKey) : undefined
    })
    let all: NotCountedView[] | undefined
    return {
      ...rest,
      ...place,
      stockRecords: here.records,
      get notCounted() {
        all ??= left.all().map(view)
        return all
      },
      waiting: { first: left.firstWaiting(WAITING_SHOWN).map(view), count: left.waiting, listed: left.total }
    }
  }, [data, place, here])
}
