import type { CountLine, Location } from '../../../shared/model/records'
import type { Variance } from '../../../shared/vendors/profile'
import type { StockroomDb } from '../db/db'

export class SubmitError extends Error {}

export const round = (n: number) => Math.round(n * 1e6) / 1e6

/** The key of an item at a location, as outbox entries list what they affect. */
export const keyOf = (v: { itemKey: string; locationKey: string }) => `${v.itemKey}@${v.locationKey}`

/** The place a count's writes name, as the vendor's profile decides from the location and its ancestors. */
export async function countTarget(
  db: StockroomDb,
  location: Location,
  target: (l: Location, ancestors: Location[]) => Location
): Promise<Location> {
  const ancestors: Location[] = []
  for (let at = location.parentKey; at; ) {
    const parent = await db.locations.get(at)
    if (!parent || ancestors.some((a) => a.key === parent.key)) break
    ancestors.push(parent)
    at = parent.parentKey
  }
  return target(location, ancestors)
}

/** A count's lines with a difference, as the vendor's writes name them. */
export async function toVariances(
  db: StockroomDb,
  lines: CountLine[],
  location: Location,
  target: Location
): Promise<Variance[]> {
  const out: Variance[] = []
  for (const line of lines) {
    const item = await db.items.get(line.itemKey)
    if (!item)
      throw new SubmitError(
        `An item of this count is no longer in the replica (${line.itemKey}). Sync, then review the count.`
      )
    const lot = line.lotKey ? await db.lots.get(line.lotKey) : undefined
    out.push({
      itemKey: item.key,
      itemVendorId: item.vendorId,
      locationKey: location.key,
      locationVendorId: target.vendorId,
      ...(lot && { lotKey: lot.key, lotVendorId: lot.vendorId }),
      expected: line.expected,
      counted: line.counted,
      change: round(line.counted - line.expected),
      label: `${item.sku} ${item.name}`.trim()
    })
  }
  return out
}
