import type { CountLine, CountSession } from '../../../shared/model/records'
import { zeroAllOnHand } from '../../../shared/vendors/profile'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import type { StockroomDb } from '../db/db'
import { lineIdOf, roundQty } from './lines'
import { CountError, isoNow, type Clock } from './sessions'
import { addBins, outsideZone, type StockBin } from './zones'

/** Stock the replica has at the counted location (one item × lot) that no scan found. */
export interface NotCountedRow {
  /** The id its count line has, or would have. */
  id: string
  itemKey: string
  lotKey?: string
  /** On hand there when the review was made. */
  onHand: number
  /** Set to zero in the review (a zeroed line stands for it), or left as is. */
  choice: 'leave' | 'zero'
  /** The bins its stock stands in, where the vendor says so. */
  bins?: StockBin[]
}

/** A stock record as {@link missingFrom} needs it. */
export interface StockAt {
  itemKey: string
  lotKey?: string
  onHand: number
  bins?: readonly StockBin[]
}

/**
 * The location's stocked items (× lot) without a count line of their own. A line
 * without a lot covers every lot of its item (it was compared with all of them), so
 * those lots are counted. A line set to zero here is listed, with that choice. Pure:
 * the count screen keeps the stock query apart from the lines, so a scan does not
 * read the whole location again.
 */
export function missingFrom(countId: string, stock: StockAt[], lines: CountLine[]): NotCountedRow[] {
  const byId = new Map(lines.map((l) => [l.id, l]))
  const wholeItem = new Set(lines.filter((l) => l.lotKey === undefined && !l.zeroed).map((l) => l.itemKey))
  const rows = new Map<string, NotCountedRow>()
  for (const s of stock) {
    const id = lineIdOf(countId, s.itemKey, s.lotKey)
    const line = byId.get(id)
    if ((line && !line.zeroed) || (s.lotKey !== undefined && wholeItem.has(s.itemKey))) continue
    const row = rows.get(id) ?? {
      id,
      itemKey: s.itemKey,
      ...(s.lotKey !== undefined && { lotKey: s.lotKey }),
      onHand: 0,
      choice: line?.zeroed ? ('zero' as const) : ('leave' as const)
    }
    row.onHand = roundQty(row.onHand + s.onHand)
    const bins = addBins(row.bins, s.bins)
    if (bins) row.bins = bins
    rows.set(id, row)
  }
  return [...rows.values()].filter((r) => r.onHand !== 0 || r.choice === 'zero')
}

/** {@link missingFrom} for a count, read from the replica. */
export async function notCounted(db: StockroomDb, countId: string): Promise<NotCountedRow[]> {
  const session = await db.counts.get(countId)
  if (!session) return []
  const [stock, lines] = await Promise.all([
    db.stock.where('locationKey').equals(session.locationKey).toArray(),
    db.countLines.where('countId').equals(countId).toArray()
  ])
  return missingFrom(countId, stock, lines)
}

async function openSession(db: StockroomDb, countId: string) {
  const session = await db.counts.get(countId)
  if (!session || session.state === 'submitted') throw new CountError('This count is not open.')
  return session
}

/** Writes a line for stock no scan found: as counted by a recount, or zeroed. Undoable like any recount. */
async function putLine(
  db: StockroomDb,
  countId: string,
  row: NotCountedRow,
  line: Pick<CountLine, 'counted' | 'expected'> & { zeroed?: boolean },
  o: Clock
): Promise<CountLine> {
  const at = isoNow(o)
  const existing = await db.countLines.get(row.id)
  const next: CountLine = {
    id: row.id,
    countId,
    itemKey: row.itemKey,
    ...(row.lotKey !== undefined && { lotKey: row.lotKey }),
    counted: line.counted,
    expected: line.expected,
    countedAt: existing?.countedAt ?? at,
    updatedAt: at,
    ...(line.zeroed && { zeroed: true })
  }
  await db.countLines.put(next)
  await db.countEvents.add({
    countId,
    lineId: row.id,
    kind: 'set',
    quantity: line.counted,
    previous: existing?.counted ?? 0,
    createdLine: !existing,
    at
  })
  return next
}

/**
 * "Set to zero" or "leave as is" for stock no scan found. Zero means what the
 * vendor's profile says (all on hand, or a refusal where the vendor cannot write it
 * off that way); it becomes a line counted 0, sent like any other difference.
 */
export async function chooseNotCounted(
  db: StockroomDb,
  countId: string,
  row: NotCountedRow,
  choice: 'leave' | 'zero',
  o: Clock = {}
): Promise<void> {
  await db.transaction('rw', CHOICE_TABLES(db), async () => {
    const session = await openSession(db, countId)
    const refused = await applyChoice(db, session, row, choice, o)
    if (refused) throw new CountError(refused)
  })
}

const CHOICE_TABLES = (db: StockroomDb) => [
  db.counts,
  db.countLines,
  db.countEvents,
  db.items,
  db.connections
]

/**
 * The write of one choice, inside the caller's transaction. Returns why the vendor
 * cannot take a zero for this row (its profile refuses it), or undefined once done.
 */
async function applyChoice(
  db: StockroomDb,
  session: CountSession,
  row: NotCountedRow,
  choice: 'leave' | 'zero',
  o: Clock
): Promise<string | undefined> {
  const countId = session.id
  const existing = await db.countLines.get(row.id)
  if (existing && !existing.zeroed) return 'This item was counted since; it is in the list above.'
  if (choice === 'leave') {
    if (!existing) return undefined
    await db.countEvents
      .where('countId')
      .equals(countId)
      .filter((e) => e.lineId === row.id)
      .delete()
    await db.countLines.delete(row.id)
    return undefined
  }
  const [item, connection] = await Promise.all([
    db.items.get(row.itemKey),
    db.connections.get(session.connectionId)
  ])
  if (!item || !connection) return 'This item is no longer in the replica. Sync, then review the count.'
  const zero = vendorProfiles[connection.vendor].counts.zero ?? zeroAllOnHand
  const meaning = zero({ onHand: row.onHand, tracking: item.tracking, lot: row.lotKey !== undefined })
  if ('refuse' in meaning) return meaning.refuse
  if (existing?.zeroed) return undefined
  await putLine(db, countId, row, { counted: 0, expected: meaning.writeOff, zeroed: true }, o)
  return undefined
}

/**
 * "Set all shown to zero" or "leave all shown" in the not-counted review: every row
 * given, in one transaction. Rows the vendor cannot zero that way are left as they
 * were and come back with the reason, so the review can name them. With a `zone`
 * (the rows shown are that zone's), a row with stock in another zone too is not
 * zeroed: a zero would take off that stock as well.
 */
export async function chooseNotCountedAll(
  db: StockroomDb,
  countId: string,
  rows: NotCountedRow[],
  choice: 'leave' | 'zero',
  o: Clock & { zone?: string } = {}
): Promise<{ changed: number; refused: { row: NotCountedRow; reason: string }[] }> {
  return db.transaction('rw', CHOICE_TABLES(db), async () => {
    const session = await openSession(db, countId)
    const refused: { row: NotCountedRow; reason: string }[] = []
    for (const row of rows) {
      const reason =
        (choice === 'zero' && o.zone !== undefined ? outsideZone(row, o.zone) : undefined) ??
        (await applyChoice(db, session, row, choice, o))
      if (reason) refused.push({ row, reason })
    }
    return { changed: rows.length - refused.length, refused }
  })
}

/** "Recount" for stock no scan found: what was found now becomes its line (0 included). */
export async function recountNotCounted(
  db: StockroomDb,
  countId: string,
  row: NotCountedRow,
  quantity: number,
  o: Clock = {}
): Promise<CountLine> {
  if (!Number.isFinite(quantity) || quantity < 0) throw new CountError('Enter a quantity of 0 or more.')
  return db.transaction('rw', [db.counts, db.countLines, db.countEvents], async () => {
    await openSession(db, countId)
    const existing = await db.countLines.get(row.id)
    if (existing && !existing.zeroed)
      throw new CountError('This item was counted since; it is in the list above.')
    return putLine(db, countId, row, { counted: roundQty(quantity), expected: row.onHand }, o)
  })
}
