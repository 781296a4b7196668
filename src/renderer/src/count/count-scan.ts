import { outsized, type VarianceLimits } from '../../../shared/count/quantity'
import type {
  CountEvent,
  CountLine,
  CountSession,
  Item,
  LinkPack,
  Location,
  Lot,
  ScanContext
} from '../../../shared/model/records'
import { parseScan, type ScanError, type ScanResult } from '../../../shared/scan'
import type { StockroomDb } from '../db/db'
import type { ScanTimer } from '../scan/scan-timing'
import type { Tone } from '../scan/tone'
import { lineIdOf, prepareAdd, roundQty, writeAdd, type AddPrepared } from './lines'
import { findLocationLabel } from './location-switch'
import { findLot, resolveCode } from './resolve'
import { ACTIVE_STATES, CountError, type Clock } from './sessions'

export type { ScanContext }

export type CountScanOutcome =
  | { status: 'invalid'; raw: string; error: ScanError }
  | { status: 'unknown'; context: ScanContext; reason: 'no-item' | 'no-product-number' }
  | { status: 'elsewhere'; context: ScanContext; items: Item[] }
  | { status: 'ambiguous'; context: ScanContext; items: Item[] }
  | { status: 'duplicate'; context: ScanContext; item: Item }
  /** No item carries the code, but a location label does: scans are to go there (nothing counted). */
  | { status: 'location'; context: ScanContext; locations: Location[] }
  /**
   * Nothing written: the line would end far outside this PC's variance limits, so the
   * person must confirm the quantity (then {@link countItem} with `confirmed`).
   */
  | {
      status: 'confirm'
      context: ScanContext
      item: Item
      /** Units this scan would add. */
      quantity: number
      /** What the line would then say, and what was expected. */
      counted: number
      expected: number
      /** Why, in plain words. */
      reason: string
    }
  | {
      status: 'counted'
      context: ScanContext
      item: Item
      line: CountLine
      event: CountEvent
      /** Units added. */
      quantity: number
      /** The label's lot as found in the replica. */
      lot?: Lot
      /** The label named a lot the replica does not know: counted without a lot. */
      unknownLot?: string
      /** The code was linked to the item by hand (Items › Barcode links), not one of the vendor's codes. */
      viaLink?: true
    }

export function toneOf(outcome: CountScanOutcome): Tone {
  switch (outcome.status) {
    case 'counted':
      return 'ok'
    case 'invalid':
      return 'error'
    case 'location':
      return 'location'
    default:
      return 'unknown'
  }
}

function contextOf(scan: ScanResult & { ok: true }, times: number): ScanContext {
  const context: ScanContext = { raw: scan.raw, code: scan.code, times }
  if (scan.kind === 'gs1') {
    const g = scan.gs1
    if (g.quantity !== undefined) context.labelQuantity = g.quantity
    if (g.lot !== undefined) context.lotNumber = g.lot
    if (g.expiry !== undefined) context.expiry = g.expiry
    if (g.serial !== undefined) context.serial = g.serial
  }
  return context
}

/**
 * One scan into a count: validate, resolve against the count's connection, and add
 * it. A `counted` outcome is returned only after line and event are committed, so
 * the caller's beep means "saved".
 */
/** Limits on what one entry may do to a line before it must be confirmed (see {@link countItem}). */
export interface EntryGuard {
  limits?: VarianceLimits
  /** The person confirmed this entry after a `confirm` outcome. */
  confirmed?: boolean
  /** Measures the scan's phases (see scan-timing). */
  timer?: ScanTimer
  /** Who counted it, kept on the scan (no read: the caller knows). */
  counter?: string
}

export async function countScan(
  db: StockroomDb,
  countId: string,
  raw: string,
  o: Clock & EntryGuard & { times?: number; prefixes?: string[] } = {}
): Promise<CountScanOutcome> {
  const scan = parseScan(raw, o.prefixes ? { prefixes: o.prefixes } : {})
  o.timer?.lap('parse')
  if (!scan.ok) return { status: 'invalid', raw, error: scan.error }
  const context = contextOf(scan, o.times ?? 1)
  // Everything the scan reads, in one read-only transaction: the session, the code, and for an
  // item found, what adding to it needs. The count's write then touches the count's stores only.
  const read = await db.transaction(
    'r',
    [db.counts, db.items, db.barcodeLinks, db.lots, db.stock, db.connections],
    async () => {
      const session = await db.counts.get(countId)
      if (!session || !ACTIVE_STATES.includes(session.state)) throw new CountError('This count is not open.')
      if (scan.keys.length === 0) return { session, found: undefined }
      const found = await resolveCode(db, scan.keys, session.connectionId)
      if (found.status !== 'found') return { session, found }
      if (found.pack) packed(context, found.pack)
      return { session, found, ready: await prepareItem(db, session, found.item, context) }
    }
  )
  o.timer?.lap('lookup')
  const { session, found } = read
  if (!found) return { status: 'unknown', context, reason: 'no-product-number' }
  switch (found.status) {
    case 'found': {
      const outcome = await commitItem(db, countId, found.item, context, read.ready!, o)
      return found.linked && outcome.status === 'counted' ? { ...outcome, viaLink: true } : outcome
    }
    case 'unknown': {
      // Only now, so an item scan never pays for it: one indexed lookup of location labels.
      const locations = await findLocationLabel(db, scan.keys, session.connectionId)
      if (locations.length > 0) return { status: 'location', context, locations }
      return { status: 'unknown', context, reason: 'no-item' }
    }
    default:
      return { status: found.status, context, items: found.items }
  }
}

/** A scan of a code linked on a pack counts the pack's units (times any label quantity). */
export function packed(context: ScanContext, pack: LinkPack): ScanContext {
  context.labelQuantity = (context.labelQuantity ?? 1) * pack.units
  context.packName = pack.name
  return context
}

interface ItemReady {
  lot: Lot | undefined
  prepared: AddPrepared
}

/** The reads of an add of this item (its lot, what stands there), inside the caller's read-only transaction. */
async function prepareItem(
  db: StockroomDb,
  session: CountSession,
  item: Item,
  context: ScanContext
): Promise<ItemReady> {
  if (item.connectionId !== session.connectionId) {
    throw new CountError(`${item.name} belongs to another connection and cannot be counted here.`)
  }
  const lot = context.lotNumber === undefined ? undefined : await findLot(db, item.key, context.lotNumber)
  return { lot, prepared: await prepareAdd(db, session, item.key, lot?.key) }
}

/**
 * Adds a scan to the count as a given item: the item the scan resolved to, or the
 * one picked by hand after an unknown or ambiguous scan. A serial number is counted
 * once per count, however often its label is scanned. With `limits`, an entry that
 * would take the line outside them is not written until it comes back `confirmed`.
 */
export async function countItem(
  db: StockroomDb,
  countId: string,
  item: Item,
  context: ScanContext,
  o: Clock & EntryGuard = {}
): Promise<CountScanOutcome> {
  const ready = await db.transaction('r', [db.counts, db.lots, db.stock, db.connections], async () => {
    const session = await db.counts.get(countId)
    if (!session) throw new CountError('This count no longer exists.')
    return prepareItem(db, session, item, context)
  })
  return commitItem(db, countId, item, context, ready, o)
}

/**
 * The write of a scan: a transaction over the count's own stores (session, lines,
 * events), where the session is checked, a serial is refused a second time, a
 * quantity far off is held for confirmation, and line and event are written.
 */
async function commitItem(
  db: StockroomDb,
  countId: string,
  item: Item,
  context: ScanContext,
  { lot, prepared }: ItemReady,
  o: Clock & EntryGuard
): Promise<CountScanOutcome> {
  const quantity = roundQty((context.labelQuantity ?? 1) * context.times)
  const outcome = await db.transaction<CountScanOutcome>(
    'rw',
    [db.counts, db.countLines, db.countEvents],
    async () => {
      if (context.serial !== undefined) {
        const seen = await db.countEvents
          .where('countId')
          .equals(countId)
          .filter((e) => e.code === context.code)
          .count()
        if (seen > 0) return { status: 'duplicate', context, item }
      }
      if (o.limits && !o.confirmed) {
        const line = await db.countLines.get(lineIdOf(countId, item.key, lot?.key))
        const expected = line?.expected ?? prepared.expected
        const counted = roundQty((line?.counted ?? 0) + quantity)
        const reason = outsized(expected, counted, o.limits)
        if (reason) return { status: 'confirm', context, item, quantity, counted, expected, reason }
      }
      const { line, event } = await writeAdd(
        db,
        countId,
        {
          itemKey: item.key,
          quantity,
          code: context.code,
          ...(lot && { lotKey: lot.key }),
          ...(o.counter !== undefined && { counter: o.counter })
        },
        prepared,
        o
      )
      return {
        status: 'counted',
        context,
        item,
        line,
        event,
        quantity,
        ...(lot && { lot }),
        ...(context.lotNumber !== undefined && !lot && { unknownLot: context.lotNumber })
      }
    }
  )
  o.timer?.lap('commit')
  return outcome
}
