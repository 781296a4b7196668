import type { Item, Location } from '../../../shared/model/records'
import { gtinOf, locationLabel, receiptLabel } from '../../../shared/labels/build'
import type { Label } from '../../../shared/labels/label'
import type { StockroomDb } from '../db/db'
import { locationLabel as placeName } from '../count/sessions'
import { linkedCodeOf } from './item-labels'

/** The location and every place under it (zones, bins), parents first. */
export async function withChildren(db: StockroomDb, locationKey: string): Promise<Location[]> {
  const out: Location[] = []
  const seen = new Set<string>()
  let level = [locationKey]
  while (level.length > 0) {
    const next: string[] = []
    for (const key of level) {
      if (seen.has(key)) continue
      seen.add(key)
      const l = await db.locations.get(key)
      if (l) out.push(l)
      for (const child of await db.locations.where('parentKey').equals(key).toArray()) next.push(child.key)
    }
    level = next
  }
  return out
}

/** Labels for a location and, with `children`, every zone and bin under it. */
export async function planLocationLabels(
  db: StockroomDb,
  locationKey: string,
  children = false
): Promise<Label[]> {
  const places = children ? await withChildren(db, locationKey) : [await db.locations.get(locationKey)]
  const out: Label[] = []
  for (const l of places) {
    if (!l) continue
    const where = l.parentKey ? await placeName(db, l.parentKey) : undefined
    out.push(locationLabel(l, where))
  }
  return out
}

/** Items stocked at the location (or under it), by name. */
export async function itemsAt(db: StockroomDb, locationKey: string): Promise<Item[]> {
  const places = await withChildren(db, locationKey)
  const keys = new Set<string>()
  for (const p of places)
    for (const s of await db.stock.where('locationKey').equals(p.key).toArray()) keys.add(s.itemKey)
  const items = (await db.items.bulkGet([...keys])).filter((i): i is Item => i !== undefined)
  return items.sort((a, b) => a.name.localeCompare(b.name))
}

/** Items at the location that no scan can find yet: no GTIN and no code linked to them. */
export async function itemsWithoutCode(db: StockroomDb, locationKey: string): Promise<Item[]> {
  const out: Item[] = []
  for (const item of await itemsAt(db, locationKey))
    if (!gtinOf(item) && (await linkedCodeOf(db, item.key)) === undefined) out.push(item)
  return out
}

/** A lot's receipt label (GS1-128: GTIN, batch, expiry; serial when given). */
export async function planReceiptLabel(db: StockroomDb, lotKey: string, serial?: string): Promise<Label> {
  const lot = await db.lots.get(lotKey)
  if (!lot) throw new Error('That lot is no longer in the replica.')
  const item = await db.items.get(lot.itemKey)
  if (!item) throw new Error('The item of that lot is no longer in the replica.')
  return receiptLabel(item, {
    gtin: gtinOf(item) ?? '',
    batch: lot.lotNumber,
    ...(lot.expiry && { expiry: lot.expiry.slice(0, 10) }),
    ...(serial && { serial })
  })
}
