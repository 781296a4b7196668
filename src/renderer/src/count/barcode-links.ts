import { barcodeLinkKey, type BarcodeLink, type Item, type LinkPack } from '../../../shared/model/records'
import { codeKeys } from '../../../shared/scan'
import type { StockroomDb } from '../db/db'
import { CountError, isoNow, type Clock } from './sessions'

/**
 * Which items a scan's keys name, across every connection, best first.
 *
 * A code linked by hand in a connection takes that connection's item, even when
 * the vendor's codes also put the code on another of its items: a link is made
 * on purpose, after the vendor's codes failed at the shelf (an item without a
 * barcode, a replaced label), and is removed from Items › Barcode links when it
 * is no longer wanted. A link whose item left the replica is ignored. Other
 * connections keep their own matches.
 *
 * Two indexed reads side by side (the code index of items, the code index of
 * links), and a get by key only when a link was found: never a walk over a table.
 */
export async function lookupCode(
  db: StockroomDb,
  keys: string[]
): Promise<{
  items: Item[]
  /** Keys of the items found by a link. */
  linked: Set<string>
  /** Per item found by a link on a pack: what one scan counts. */
  packs: Map<string, LinkPack>
}> {
  const none = new Set<string>()
  const noPacks = new Map<string, LinkPack>()
  if (keys.length === 0) return { items: [], linked: none, packs: noPacks }
  const [byCode, links] = await Promise.all([
    db.items.where('codes').anyOf(keys).distinct().toArray(),
    db.barcodeLinks.where('code').anyOf(keys).toArray()
  ])
  // The scan's first key is its likeliest reading; keep that order among matches.
  const rank = (codes: string[]) => Math.min(...keys.map((k, i) => (codes.includes(k) ? i : keys.length)))
  byCode.sort((a, b) => rank(a.codes) - rank(b.codes) || a.key.localeCompare(b.key))
  if (links.length === 0) return { items: byCode, linked: none, packs: noPacks }
  const perConnection = new Map<string, BarcodeLink>()
  for (const l of links.sort((a, b) => rank([a.code]) - rank([b.code])))
    if (!perConnection.has(l.connectionId)) perConnection.set(l.connectionId, l)
  const linked = (await db.items.bulkGet([...perConnection.values()].map((l) => l.itemKey))).filter(
    (i): i is Item => i !== undefined
  )
  const taken = new Set(linked.map((i) => i.connectionId))
  return {
    items: [...linked, ...byCode.filter((i) => !taken.has(i.connectionId))],
    linked: new Set(linked.map((i) => i.key)),
    packs: new Map([...perConnection.values()].flatMap((l) => (l.pack ? [[l.itemKey, l.pack] as const] : [])))
  }
}

/** The items of {@link lookupCode}, best first. */
export async function itemsForCode(db: StockroomDb, keys: string[]): Promise<Item[]> {
  return (await lookupCode(db, keys)).items
}

/** The lookup key a code is linked under: its first reading, as a scan of it is looked up. */
export function linkCodeOf(code: string): string | undefined {
  return codeKeys(code)[0]
}

/** A link's code as its label reads (the lookup key where it was stored without one). */
export const linkLabel = (link: Pick<BarcodeLink, 'code' | 'label'>): string => link.label ?? link.code

/** The code as printed: digits without the spaces or dashes a person may type, anything else trimmed. */
function asPrinted(code: string): string {
  const t = code.trim()
  return /^[0-9][0-9 -]*[0-9]$/.test(t) ? t.replace(/[ -]/g, '') : t
}

/**
 * Links a code to an item of the connection (replacing an earlier link of that
 * code in that connection). An item of another connection is refused.
 */
export async function linkCode(
  db: StockroomDb,
  link: { connectionId: string; code: string; itemKey: string; linkedOn?: string; pack?: LinkPack },
  o: Clock = {}
): Promise<BarcodeLink> {
  const code = linkCodeOf(link.code)
  if (code === undefined) throw new CountError('An empty code cannot be linked.')
  if (link.pack && !(Number.isInteger(link.pack.units) && link.pack.units >= 1))
    throw new CountError('A pack holds a whole number of units, 1 or more.')
  return db.transaction('rw', [db.items, db.barcodeLinks], async () => {
    const item = await db.items.get(link.itemKey)
    if (!item) throw new CountError('That item is no longer in the replica; sync, then link again.')
    if (item.connectionId !== link.connectionId)
      throw new CountError(
        `${item.name} belongs to another connection: a code is linked within one connection.`
      )
    const row: BarcodeLink = {
      key: barcodeLinkKey(link.connectionId, code),
      connectionId: link.connectionId,
      code,
      // Looked up by either reading (the key covers every GTIN length); shown as the label reads.
      ...(asPrinted(link.code) !== code && { label: asPrinted(link.code) }),
      itemKey: item.key,
      linkedAt: isoNow(o),
      ...(link.linkedOn !== undefined && { linkedOn: link.linkedOn }),
      ...(link.pack && { pack: link.pack })
    }
    await db.barcodeLinks.put(row)
    return row
  })
}

export async function removeLink(db: StockroomDb, key: string): Promise<BarcodeLink | undefined> {
  return db.transaction('rw', db.barcodeLinks, async () => {
    const link = await db.barcodeLinks.get(key)
    if (link) await db.barcodeLinks.delete(key)
    return link
  })
}

/** Puts a removed link back as it was (undo). */
export async function restoreLink(db: StockroomDb, link: BarcodeLink): Promise<void> {
  await db.barcodeLinks.put(link)
}
