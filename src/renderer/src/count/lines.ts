import { Dexie } from 'dexie'
import { outsized, type VarianceLimits } from '../../../shared/count/quantity'
import type { CountEvent, CountLine, CountSession } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { CountError, isoNow, type Clock } from './sessions'

/** Quantities in units of measure can be fractional (kg, m); sums must not drift. */
export const roundQty = (n: number): number => Math.round(n * 1e6) / 1e6

/**
 * One line per item (× lot) per count. The id is derived, not random, so two scans
 * racing to create the same line collide on the key instead of making two lines.
 */
export const lineIdOf = (countId: string, itemKey: string, lotKey?: string): string =>
  `${countId}|${itemKey}|${lotKey ?? ''}`

/**
 * What the replica says stands at a location: the sum of on-hand over the item's
 * stock records there, or of the one lot when a lot is given. A location with no
 * stock records (a zone or bin where the vendor keeps stock per warehouse) expects 0.
 */
export async function expectedAt(
  db: StockroomDb,
  itemKey: string,
  locationKey: string,
  lotKey?: string
): Promise<number> {
  const rows = await db.stock
    .where('itemKey')
    .equals(itemKey)
    .filter((s) => s.locationKey === locationKey && (lotKey === undefined || s.lotKey === lotKey))
    .toArray()
  return roundQty(rows.reduce((sum, s) => sum + s.onHand, 0))
}

export async function countingSession(db: StockroomDb, countId: string): Promise<CountSession> {
  const session = await db.counts.get(countId)
  if (!session) throw new CountError('This count no longer exists.')
  if (session.state === 'submitted') throw new CountError('This count was already submitted.')
  return session
}

function checkQuantity(quantity: number, allowZero: boolean): void {
  if (!Number.isFinite(quantity) || quantity < 0 || (!allowZero && quantity === 0)) {
    throw new CountError(allowZero ? 'Enter a quantity of 0 or more.' : 'Enter a quantity greater than 0.')
  }
}

export interface CountChange {
  line: CountLine
  event: CountEvent
}

/** What adding to a line needs from outside the count: read before its write, never inside it. */
export interface AddPrepared {
  /** What the replica says stands there now: the line's expected quantity if this add creates it. */
  expected: number
  /** The connection's clock skew, for the vendor's time of a new line. */
  skew: number | undefined
  /** The vendor instant the replica's stock stands for (start of its last complete sync, vendor clock). */
  baselineAt?: string
}

/**
 * The replica's side of an add, read in one read-only transaction before the write, so
 * the write's transaction touches the count's own stores only (a sync writing stock
 * or connections never holds a scan up, and a scan never holds up a sync).
 */
export async function prepareAdd(
  db: StockroomDb,
  session: CountSession,
  itemKey: string,
  lotKey?: string
): Promise<AddPrepared> {
  const [expected, connection] = await Promise.all([
    expectedAt(db, itemKey, session.locationKey, lotKey),
    db.connections.get(session.connectionId)
  ])
  const synced = connection?.lastSyncStartedAt ?? connection?.lastSyncAt
  return {
    expected,
    skew: connection?.clockSkewMs,
    ...(synced && {
      baselineAt: new Date(Date.parse(synced) + (connection?.clockSkewMs ?? 0)).toISOString()
    })
  }
}

export type AddInput = { itemKey: string; lotKey?: string; quantity: number; code?: string; counter?: string }

/**
 * The write of an add: line and event, in a transaction over the count's stores
 * (the caller's, or its own). The line is read here, so two adds never lose one.
 */
export async function writeAdd(
  db: StockroomDb,
  countId: string,
  input: AddInput,
  prepared: AddPrepared,
  o: Clock = {}
): Promise<CountChange> {
  checkQuantity(input.quantity, false)
  return db.transaction('rw', [db.counts, db.countLines, db.countEvents], async () => {
    await countingSession(db, countId)
    const at = isoNow(o)
    const id = lineIdOf(countId, input.itemKey, input.lotKey)
    const existing = await db.countLines.get(id)
    const previous = existing?.counted ?? 0
    // T by the vendor's clock too: warehouse PCs' clocks are often wrong (skew from HTTP Date headers).
    const { skew } = prepared
    const line: CountLine = existing
      ? { ...existing, counted: roundQty(existing.counted + input.quantity), updatedAt: at }
      : {
          id,
          countId,
          itemKey: input.itemKey,
          ...(input.lotKey !== undefined && { lotKey: input.lotKey }),
          counted: roundQty(input.quantity),
          expected: prepared.expected,
          countedAt: at,
          ...(skew !== undefined && { countedAtVendor: new Date(Date.parse(at) + skew).toISOString() }),
          ...(prepared.baselineAt && { baselineAt: prepared.baselineAt }),
          updatedAt: at
        }
    const event: CountEvent = {
      countId,
      lineId: id,
      kind: 'add',
      quantity: input.quantity,
      previous,
      createdLine: !existing,
      ...(input.code !== undefined && { code: input.code }),
      at,
      ...(input.counter !== undefined && { counter: input.counter })
    }
    await db.countLines.put(line)
    event.id = await db.countEvents.add(event)
    return { line, event }
  })
}

/**
 * Adds `quantity` to the line of an item (× lot), creating it on the first count with
 * what the replica expected at that instant. Line and event are written in one
 * transaction: once this resolves the scan survives a crash.
 */
export async function addToCount(
  db: StockroomDb,
  countId: string,
  input: AddInput,
  o: Clock = {}
): Promise<CountChange> {
  checkQuantity(input.quantity, false)
  const session = await countingSession(db, countId)
  return writeAdd(db, countId, input, await prepareAdd(db, session, input.itemKey, input.lotKey), o)
}

/** The counter name a recount is recorded under: "Sam (recount)". */
export const recountBy = (name: string): string => `${name.trim()} (recount)`

/** A recount outside the variance limits that was not confirmed: nothing was written. */
export class UnconfirmedQuantity extends CountError {
  constructor(readonly reason: string) {
    super(`Confirm this quantity: ${reason}.`)
    this.name = 'UnconfirmedQuantity'
  }
}

/**
 * Counts a line again: sets its quantity and marks the second look done. With
 * `limits`, a quantity outside them throws {@link UnconfirmedQuantity} unless `confirmed`.
 * The recount is an event of its own, under the name of who recounted (`by`): the
 * scans it corrects stay as they were, so the review shows it as its own part.
 */
export async function recountLine(
  db: StockroomDb,
  lineId: string,
  quantity: number,
  o: Clock & { limits?: VarianceLimits; confirmed?: boolean; by?: string } = {}
): Promise<CountChange> {
  checkQuantity(quantity, true)
  return db.transaction('rw', [db.counts, db.countLines, db.countEvents], async () => {
    const existing = await db.countLines.get(lineId)
    if (!existing) throw new CountError('This line is no longer in the count.')
    await countingSession(db, existing.countId)
    const reason = o.limits && !o.confirmed ? outsized(existing.expected, quantity, o.limits) : null
    if (reason) throw new UnconfirmedQuantity(reason)
    const at = isoNow(o)
    const line: CountLine = { ...existing, counted: roundQty(quantity), recount: false, updatedAt: at }
    const event: CountEvent = {
      countId: existing.countId,
      lineId,
      kind: 'set',
      quantity,
      previous: existing.counted,
      createdLine: false,
      ...(existing.recount !== undefined && { previousRecount: existing.recount }),
      at,
      ...(o.by !== undefined && o.by.trim() !== '' && { counter: recountBy(o.by) })
    }
    await db.countLines.put(line)
    event.id = await db.countEvents.add(event)
    return { line, event }
  })
}

/**
 * A supervisor approves a line outside the variance limits, by name and by typing the
 * counted quantity again (so a code read as a quantity cannot be waved through). The
 * approval holds for that quantity only.
 */
export async function approveLine(
  db: StockroomDb,
  lineId: string,
  input: { by: string; counted: number },
  o: Clock = {}
): Promise<CountLine> {
  const by = input.by.trim()
  if (by === '') throw new CountError('Enter the name of the supervisor who approves this line.')
  return db.transaction('rw', [db.counts, db.countLines], async () => {
    const line = await db.countLines.get(lineId)
    if (!line) throw new CountError('This line is no longer in the count.')
    await countingSession(db, line.countId)
    if (input.counted !== line.counted) {
      throw new CountError(
        `The quantity typed (${input.counted.toLocaleString('en')}) is not the one counted. Recount the line instead of approving it.`
      )
    }
    const approved: CountLine = { ...line, approval: { by, at: isoNow(o), counted: line.counted } }
    await db.countLines.put(approved)
    return approved
  })
}

/** Flags a line for a second look in the review (or clears the flag). Not a quantity change, so not undoable. */
export async function markForRecount(db: StockroomDb, lineId: string, flag: boolean): Promise<void> {
  await db.transaction('rw', [db.counts, db.countLines], async () => {
    const line = await db.countLines.get(lineId)
    if (!line) throw new CountError('This line is no longer in the count.')
    await countingSession(db, line.countId)
    await db.countLines.update(lineId, { recount: flag })
  })
}

export interface Undone {
  event: CountEvent
  /** The line as it was before the undo. */
  line: CountLine | undefined
  /** The undone event had created the line, so the line is gone. */
  removed: boolean
}

/** Takes back the last scan or typed quantity of a count; null when there is nothing to undo. */
export async function undoLast(db: StockroomDb, countId: string, o: Clock = {}): Promise<Undone | null> {
  return db.transaction('rw', [db.counts, db.countLines, db.countEvents], async () => {
    await countingSession(db, countId)
    const event = await db.countEvents
      .where('[countId+id]')
      .between([countId, Dexie.minKey], [countId, Dexie.maxKey])
      .last()
    if (!event || event.id === undefined) return null
    const line = await db.countLines.get(event.lineId)
    if (line) {
      if (event.createdLine) await db.countLines.delete(line.id)
      else
        await db.countLines.update(line.id, {
          counted: event.previous,
          ...(event.previousRecount !== undefined && { recount: event.previousRecount }),
          updatedAt: isoNow(o)
        })
    }
    await db.countEvents.delete(event.id)
    return { event, line, removed: event.createdLine }
  })
}

/** Lines counted again with "recount" (a `set` event still stands for them). */
export async function recountedLineIds(db: StockroomDb, countId: string): Promise<Set<string>> {
  const sets = await db.countEvents
    .where('countId')
    .equals(countId)
    .filter((e) => e.kind === 'set')
    .toArray()
  return new Set(sets.map((e) => e.lineId))
}
