import type { Item, LinkPack, Lot } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { lookupCode } from './barcode-links'

export type Resolution =
  /** `linked`: by a code linked by hand (see {@link lookupCode}), not by the vendor's codes. */
  | { status: 'found'; item: Item; linked?: true; pack?: LinkPack }
  /** More than one item carries the code (two products share a barcode, or an 8-digit code reads two ways). */
  | { status: 'ambiguous'; items: Item[] }
  /** Only items of other connections carry it: it cannot be counted at this connection's location. */
  | { status: 'elsewhere'; items: Item[] }
  | { status: 'unknown' }

/**
 * Finds the items a scan's keys name, across every connection: by the `codes`
 * index and by the codes linked by hand (a link wins in its connection, see
 * {@link lookupCode}). With `connectionId` (a count's connection) only that
 * connection's items can match, and a code known only elsewhere says so.
 */
export async function resolveCode(
  db: StockroomDb,
  keys: string[],
  connectionId?: string
): Promise<Resolution> {
  if (keys.length === 0) return { status: 'unknown' }
  const { items: all, linked, packs } = await lookupCode(db, keys)
  const mine = connectionId === undefined ? all : all.filter((i) => i.connectionId === connectionId)
  const [first] = mine
  if (first && mine.length === 1) {
    const pack = packs.get(first.key)
    return {
      status: 'found',
      item: first,
      ...(linked.has(first.key) && { linked: true as const }),
      ...(pack && { pack })
    }
  }
  if (mine.length > 1) return { status: 'ambiguous', items: mine }
  if (all.length > 0) return { status: 'elsewhere', items: all }
  return { status: 'unknown' }
}

/** The item's lot with this number (as printed; case is ignored, as labels and vendors differ). */
export async function findLot(db: StockroomDb, itemKey: string, lotNumber: string): Promise<Lot | undefined> {
  const wanted = lotNumber.trim().toUpperCase()
  if (wanted === '') return undefined
  const lots = await db.lots.where('itemKey').equals(itemKey).toArray()
  return (
    lots.find((l) => l.lotNumber === lotNumber) ??
    lots.find((l) => l.lotNumber.trim().toUpperCase() === wanted)
  )
}
