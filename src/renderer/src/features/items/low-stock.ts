import type { Item, Location } from '../../../../shared/model/records'
import type { StockroomDb } from '../../db/db'

export interface LowRow {
  item: Item
  /** Units missing to reach the minimum. */
  shortfall: number
  /** Where the item stands (top-level locations), for the chart. */
  locations: string[]
}

export interface LowBar {
  connectionId: string
  location: string
  count: number
}

/** Shown when an item has no stock row anywhere. */
export const NOWHERE = 'No stock anywhere'

/**
 * The items at or below their minimum (of one connection, or all), the
 * emptiest first: on hand as a share of the minimum, then the shortfall. Read
 * from the low-stock table, so it costs the low items, not the whole replica.
 */
export async function lowStockItems(
  db: StockroomDb,
  connectionId?: string
): Promise<{ rows: LowRow[]; bars: LowBar[] }> {
  const alerts = connectionId
    ? db.alerts.where('itemKey').startsWith(`${connectionId}:`)
    : db.alerts.toCollection()
  const keys = (await alerts.primaryKeys()) as string[]
  const items = (await db.items.bulkGet(keys)).filter(
    (i): i is Item =>
      i !== undefined && i.minLevel !== undefined && i.onHand !== undefined && i.onHand <= i.minLevel
  )
  const stock = await db.stock
    .where('itemKey')
    .anyOf(items.map((i) => i.key))
    .toArray()
  const place = await topLevelNames(
    db,
    stock.map((s) => s.locationKey)
  )
  const where = new Map<string, Set<string>>()
  for (const s of stock) {
    const set = where.get(s.itemKey) ?? new Set<string>()
    set.add(place.get(s.locationKey) ?? s.locationKey.split(':').pop()!)
    where.set(s.itemKey, set)
  }
  const share = (i: Item) => (i.minLevel! > 0 ? i.onHand! / i.minLevel! : 0)
  const rows = items
    .map((item) => ({
      item,
      shortfall: item.minLevel! - item.onHand!,
      locations: [...(where.get(item.key) ?? [NOWHERE])].sort()
    }))
    .sort((a, b) => share(a.item) - share(b.item) || b.shortfall - a.shortfall)
  const counts = new Map<string, LowBar>()
  for (const r of rows)
    for (const location of r.locations) {
      const id = `${r.item.connectionId}\u0000${location}`
      const bar = counts.get(id) ?? { connectionId: r.item.connectionId, location, count: 0 }
      bar.count++
      counts.set(id, bar)
    }
  const bars = [...counts.values()].sort(
    (a, b) => a.connectionId.localeCompare(b.connectionId) || b.count - a.count
  )
  return { rows, bars }
}

/** The name of the warehouse (top-level location) each location key belongs to. */
async function topLevelNames(db: StockroomDb, locationKeys: string[]): Promise<Map<string, string>> {
  const known = new Map<string, Location>()
  let wanted = [...new Set(locationKeys)]
  // Bins sit in zones in warehouses: a few rounds reach the top.
  for (let depth = 0; depth < 6 && wanted.length > 0; depth++) {
    const found = await db.locations.bulkGet(wanted)
    wanted = []
    for (const l of found) {
      if (!l) continue
      known.set(l.key, l)
      if (l.parentKey && !known.has(l.parentKey)) wanted.push(l.parentKey)
    }
  }
  const names = new Map<string, string>()
  for (const key of new Set(locationKeys)) {
    let l = known.get(key)
    for (let depth = 0; l?.parentKey && known.has(l.parentKey) && depth < 6; depth++)
      l = known.get(l.parentKey)
    if (l) names.set(key, l.name)
  }
  return names
}
