import type { CountIssue, Item } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import type { CountScanOutcome } from './count-scan'
import { countingSession, prepareAdd, roundQty, writeAdd } from './lines'
import { CountError, isoNow, type Clock } from './sessions'

/**
 * The Unresolved list of a count: what a scan left for a person to settle. A
 * banner shows the last scan only; this list keeps each open question until it is
 * answered from the list, so a next scan never drops one without a trace.
 */

const newId = () => crypto.randomUUID()

/** What a scan's outcome leaves unresolved, if anything (nothing is written for a counted scan with its lot). */
export function issueOf(
  countId: string,
  outcome: CountScanOutcome,
  o: Clock & { id?: string } = {}
): CountIssue | undefined {
  const base = { id: o.id ?? newId(), countId, at: isoNow(o) }
  switch (outcome.status) {
    case 'unknown':
      if (outcome.reason === 'no-product-number')
        return {
          ...base,
          kind: 'refused',
          code: outcome.context.code,
          message: 'This label has no product number: scan the product’s own barcode.'
        }
      return { ...base, kind: 'unknown', code: outcome.context.code, context: outcome.context }
    case 'ambiguous':
      return { ...base, kind: 'unknown', code: outcome.context.code, context: outcome.context }
    case 'invalid':
      return { ...base, kind: 'refused', code: outcome.raw.trim(), message: outcome.error.message }
    case 'elsewhere':
      return {
        ...base,
        kind: 'refused',
        code: outcome.context.code,
        message: `This code belongs to ${outcome.items[0]?.name ?? 'an item'} of another connection.`
      }
    case 'confirm':
      return {
        ...base,
        kind: 'confirm',
        code: outcome.context.code,
        context: outcome.context,
        itemKey: outcome.item.key,
        quantity: outcome.quantity,
        message: outcome.reason
      }
    case 'counted':
      if (outcome.item.tracking !== 'lot' || outcome.lot !== undefined || outcome.event.id === undefined)
        return undefined
      return {
        ...base,
        kind: 'no-lot',
        code: outcome.context.code,
        itemKey: outcome.item.key,
        quantity: outcome.quantity,
        eventId: outcome.event.id,
        ...(outcome.unknownLot !== undefined && {
          message: `Lot ${outcome.unknownLot} is not in the replica.`
        })
      }
    default:
      return undefined
  }
}

/** Keeps what the scan left unresolved. Returns the entry written, if any. */
export async function recordIssue(
  db: StockroomDb,
  countId: string,
  outcome: CountScanOutcome,
  o: Clock = {}
): Promise<CountIssue | undefined> {
  const issue = issueOf(countId, outcome, o)
  if (issue) await db.countIssues.put(issue)
  return issue
}

/** The count's open entries, oldest first. */
export async function countIssues(db: StockroomDb, countId: string): Promise<CountIssue[]> {
  const all = await db.countIssues.where('countId').equals(countId).toArray()
  return all.sort((a, b) => a.at.localeCompare(b.at))
}

/** Settled (linked, confirmed, counted with its lot) or dropped: the entry leaves the list. */
export async function resolveIssue(db: StockroomDb, id: string): Promise<void> {
  await db.countIssues.delete(id)
}

/** Quantities still waiting for confirmation: a count cannot be submitted while one waits. */
export async function pendingConfirmations(db: StockroomDb, countId: string): Promise<number> {
  return db.countIssues
    .where('countId')
    .equals(countId)
    .filter((i) => i.kind === 'confirm')
    .count()
}

/** The sentence a review shows, and a submit refuses with, while quantities wait; undefined when none does. */
export function pendingConfirmationWords(n: number): string | undefined {
  if (n === 0) return undefined
  return `${n} quantit${n === 1 ? 'y waits' : 'ies wait'} for confirmation under Unresolved. Confirm or drop ${n === 1 ? 'it' : 'them'} before submitting.`
}

/**
 * An item counted without its lot, moved to the lot the person chose: the scan
 * leaves the line without a lot (the line goes when nothing else is on it) and is
 * added, by the same counter, to the line of that lot. One transaction: all or nothing.
 */
export async function moveToLot(
  db: StockroomDb,
  issueId: string,
  lotKey: string,
  o: Clock = {}
): Promise<void> {
  const issue = await db.countIssues.get(issueId)
  if (!issue || issue.kind !== 'no-lot' || issue.eventId === undefined || issue.itemKey === undefined)
    throw new CountError('This entry is no longer in the list.')
  const session = await countingSession(db, issue.countId)
  const lot = await db.lots.get(lotKey)
  if (!lot || lot.itemKey !== issue.itemKey) throw new CountError('That lot is not one of this item’s.')
  const prepared = await prepareAdd(db, session, issue.itemKey, lotKey)
  await db.transaction('rw', [db.counts, db.countLines, db.countEvents, db.countIssues], async () => {
    const event = await db.countEvents.get(issue.eventId!)
    if (!event) throw new CountError('That scan was undone; nothing is left to move.')
    const line = await db.countLines.get(event.lineId)
    if (line) {
      const left = roundQty(line.counted - event.quantity)
      const others = await db.countEvents
        .where('countId')
        .equals(issue.countId)
        .filter((e) => e.lineId === line.id && e.id !== event.id)
        .count()
      if (left <= 0 && others === 0) await db.countLines.delete(line.id)
      else await db.countLines.update(line.id, { counted: Math.max(0, left), updatedAt: isoNow(o) })
    }
    await db.countEvents.delete(event.id!)
    await writeAdd(
      db,
      issue.countId,
      {
        itemKey: issue.itemKey!,
        lotKey,
        quantity: event.quantity,
        ...(event.code !== undefined && { code: event.code }),
        ...(event.counter !== undefined && { counter: event.counter })
      },
      prepared,
      o
    )
    await db.countIssues.delete(issueId)
  })
}

/** The lots of an item in the replica, to choose one for a scan counted without it. */
export async function lotsOf(db: StockroomDb, item: Pick<Item, 'key'>) {
  const lots = await db.lots.where('itemKey').equals(item.key).toArray()
  return lots.sort((a, b) => a.lotNumber.localeCompare(b.lotNumber))
}
