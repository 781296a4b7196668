import type { Item } from '../../../shared/model/records'
import { gtinOf, itemLabel } from '../../../shared/labels/build'
import type { Label } from '../../../shared/labels/label'
import { makeCode } from '../../../shared/labels/made-code'
import { codeKeys } from '../../../shared/scan'
import type { StockroomDb } from '../db/db'
import { linkCode } from '../count/barcode-links'
import type { Clock } from '../count/sessions'

/** A label about to be printed, and the barcode link to make once the printer has taken it. */
export interface PlannedLabel {
  label: Label
  itemKey?: string
  /** A code Stockroom made: linked to the item when printed, so its next scan counts the item. */
  makes?: { connectionId: string; code: string; itemKey: string }
}

/** Whether any item, barcode link or location label of the replica (any connection) is known by this code. */
export async function isCodeKnown(db: StockroomDb, code: string): Promise<boolean> {
  const keys = codeKeys(code)
  if (keys.length === 0) return false
  const [items, links, locations] = await Promise.all([
    db.items.where('codes').anyOf(keys).count(),
    db.barcodeLinks.where('code').anyOf(keys).count(),
    db.locations.where('labels').anyOf(keys).count()
  ])
  return items + links + locations > 0
}

/** The code linked to the item on this PC (the newest link), if any. */
export async function linkedCodeOf(db: StockroomDb, itemKey: string): Promise<string | undefined> {
  const links = await db.barcodeLinks.where('itemKey').equals(itemKey).toArray()
  return links.sort((a, b) => b.linkedAt.localeCompare(a.linkedAt))[0]?.code
}

/**
 * Item labels: the item's GTIN when it has one; else the code already linked to
 * it; else a code Stockroom makes, unique against every code the replica knows
 * and against the other labels of this print.
 */
export async function planItemLabels(db: StockroomDb, items: Item[]): Promise<PlannedLabel[]> {
  const chosen = new Set<string>()
  const out: PlannedLabel[] = []
  for (const item of items) {
    if (gtinOf(item)) {
      out.push({ label: itemLabel(item), itemKey: item.key })
      continue
    }
    const linked = await linkedCodeOf(db, item.key)
    if (linked !== undefined) {
      out.push({ label: itemLabel(item, linked), itemKey: item.key })
      continue
    }
    const code = await makeCode(item.key, async (c) => chosen.has(c) || (await isCodeKnown(db, c)))
    chosen.add(code)
    out.push({
      label: itemLabel(item, code),
      itemKey: item.key,
      makes: { connectionId: item.connectionId, code, itemKey: item.key }
    })
  }
  return out
}

/**
 * Links the codes Stockroom made to their items, once the labels carrying them
 * are printed (or saved as a PDF). A code someone linked meanwhile is left alone.
 */
export async function linkPrintedCodes(
  db: StockroomDb,
  planned: PlannedLabel[],
  o: Clock & { linkedOn?: string } = {}
): Promise<number> {
  let linked = 0
  for (const p of planned) {
    if (!p.makes) continue
    if ((await linkedCodeOf(db, p.makes.itemKey)) === p.makes.code) continue
    if (await isCodeKnown(db, p.makes.code)) continue
    await linkCode(db, { ...p.makes, ...(o.linkedOn !== undefined && { linkedOn: o.linkedOn }) }, o)
    linked++
  }
  return linked
}
