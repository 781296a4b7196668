import type { FrozenRequest } from '../host-api/outbox'
import type { LocationRecord } from '../model/schemas'
import type { Capability, VendorId } from '../model/vendor'
import type { Result } from '../result'
import type { WorkflowWrites } from './workflow'

/** One counted line whose quantity differs from what the replica expected at the instant of the count. */
export interface Variance {
  itemKey: string
  itemVendorId: string
  locationKey: string
  /** The vendor id of the place the write names (a profile's `countTarget` may widen a bin to its warehouse). */
  locationVendorId: string
  lotKey?: string
  lotVendorId?: string
  expected: number
  counted: number
  /** counted − expected, the correction of the error at the instant of the count. */
  change: number
  /** "SKU name" for people. */
  label: string
}

/** A vendor write built from variances: the request frozen byte for byte, and the lines it carries. */
export interface PlannedWrite {
  request: FrozenRequest
  lines: Variance[]
  description: string
}

/** A production batch someone recorded against one line of a task. */
export interface BatchIntent {
  taskVendorId: string
  taskName: string
  lineId: string
  /** "SKU name" (or the name) of what the line makes. */
  label: string
  quantity: number
  unit?: string
}

/** A line of a write whose answer the vendor sent: what the replica should hold now. */
export interface StockPatch {
  itemKey: string
  locationKey: string
  lotKey?: string
  /** The vendor's level after the write, where its answer says it. */
  onHand?: number
  /** Otherwise: the change the vendor confirmed, applied to what the replica holds. */
  delta?: number
}

/**
 * What a vendor's answer to a write changes in the replica. The renderer
 * applies it without knowing whose answer it was; the next sync brings the
 * vendor's full view either way.
 */
export interface ReplicaPatch {
  stock: StockPatch[]
  /** Item totals: absolute where the vendor said, else a delta. */
  items: { itemKey: string; onHand?: number; delta?: number }[]
  /** A production batch the vendor created (its id and quantity), for the task it belongs to. */
  batch?: { id: string; quantity: number; at?: string }
}

/** A written count line as the outbox keeps it (the subset of OutboxEntry['lines'] a patch needs). */
export interface WrittenLine {
  itemKey: string
  itemVendorId: string
  locationKey: string
  locationVendorId: string
  lotKey?: string
  change: number
}

/**
 * Stock writes from count variances. Only vendors with the `stock-write`
 * capability have them.
 *
 * Invariants every implementation keeps (test/contract/writes.test.ts checks them
 * over real HTTP against the vendor's fake, for every profile that has writes):
 * - `build` is pure: the same variances and note give the same bytes; the body is
 *   serialised here, once, and the outbox sends it byte for byte on every attempt.
 * - Each variance lands in exactly one write; no write carries a variance twice.
 * - A write corrects the error seen at the instant of the count (a delta), or,
 *   where only absolute writes exist, is documented here as such.
 * - `answer` never throws: an answer it cannot read gives a patch from the lines' deltas.
 * - With `idempotencyKeys`, a write whose answer was lost (dropped before or after
 *   the commit, 500/502/504, timeout) is retried with the same key and bytes and the
 *   vendor applies it once; without, it goes to review with the vendor's current level
 *   (the connector's `currentLevel` of each line), never resent.
 * - Every retry (429 after its Retry-After, 503, a new key after a 401) repeats the
 *   frozen request unchanged; a 4xx refusal goes to review with the vendor's message
 *   and its field details where its envelope has them; nothing is applied twice or lost.
 */
export interface StockWrites {
  build(variances: Variance[], note: string): PlannedWrite[]
  answer(lines: WrittenLine[], body: unknown): ReplicaPatch
  /** The note a write carries (shown in the vendor's history), recovered from a frozen body. */
  noteOf?(body: string): string | undefined
  /**
   * What the vendor calls the write it made, read from its answer (the reference its
   * movement log shows): a later check of the log knows this PC's own change by it.
   */
  referenceOf?(answer: unknown): string | undefined
}

/**
 * Production batches on task lines. Only vendors with the `task-write` capability
 * have them. The invariants of {@link StockWrites} hold (same suite); an unanswered
 * batch without keys goes to review with what the vendor has recorded on the line
 * (the connector's `taskLine`).
 */
export interface BatchWrites {
  build(b: BatchIntent): Result<{ request: FrozenRequest; description: string }>
  answer(b: { lineId: string; quantity: number }, body: unknown): ReplicaPatch
}

/** How a vendor's write is kept from being applied twice; the Connections screen shows it. */
export type DuplicateProtection =
  | 'idempotency-key' // the vendor replays a repeated key instead of applying it again
  | 'natural-key' // a repeated write is refused as a duplicate (e.g. 409 DUPLICATE on a part number)
  | 'check-before-write' // no protection at the vendor: an unanswered write goes to review, never resent
  | 'read-only' // Stockroom sends this vendor no writes

/** What a person enters to connect: an API key, or a login whose tokens main keeps alive. */
export type CredentialKind = 'api-key' | 'login'

/**
 * Everything Stockroom knows about one vendor that the renderer and the
 * outbox need: capabilities, count rules, write builders, the mapping of a
 * write's answer and the id codecs. Pure: no Node, no DOM. Nothing outside
 * `src/shared/vendors/<vendor>/` and `src/main/connectors/<vendor>.ts` names
 * a vendor; everything else asks `vendorProfiles[connection.vendor]`.
 */
export interface VendorProfile {
  id: VendorId
  name: string
  capabilities: Capability[]
  credentials: CredentialKind
  /** Shown under the address field of the Add-connection form. */
  baseUrlHint: string
  /** The Connections screen's capability table, in plain words. */
  table: {
    reads: string
    writes: string
    duplicates: string
  }
  /**
   * The vendor's records carry minimum (re-order) levels, so low-stock notices
   * can fire; without them the Connections screen offers no low-stock option.
   */
  minimumLevels: boolean
  duplicateProtection: DuplicateProtection
  /** The vendor honours an Idempotency-Key header on the writes Stockroom sends. */
  idempotencyKeys: boolean
  counts: {
    /**
     * What a count location is for this vendor: the places it lists (warehouses,
     * bins, named locations), or — for a vendor that keeps stock without
     * locations — one "whole stock" place per connection (./whole-stock.ts),
     * where every stocked record stands. `words` say it for people.
     */
    places: CountPlaces
    /** Why a count cannot be made at this location, in words for people; undefined when it can. */
    refuse(location: Pick<LocationRecord, 'kind' | 'name'>): string | undefined
    /** The place a count's writes name: the location itself, or the ancestor the vendor keeps stock at. */
    target(location: LocationRecord, ancestors: LocationRecord[]): LocationRecord
    /** When the vendor takes no stock writes: why, for the CSV export's message. */
    exportReason?: string
    /**
     * What "set to zero" means for stock at the counted location that no scan found:
     * how much the write takes off (it is sent as counted 0 against that), or why it
     * cannot be zeroed here. Absent: all of the on-hand quantity, as {@link zeroAllOnHand}.
     */
    zero?(stock: NotCountedStock): ZeroMeaning
  }
  stockWrites?: StockWrites
  batchWrites?: BatchWrites
  /** Receipts, shipments, task status and batch undo: each kind the vendor takes (./workflow.ts). */
  workflow?: WorkflowWrites
  /** Why production batches cannot be recorded here, where the vendor has tasks but no batch writes. */
  batchRefusal?: string
  /**
   * Shown on a task of this vendor when its tasks are read-only (no `task-write`):
   * why, and where the work is recorded instead. Without it the task shows `batchRefusal`.
   */
  taskNote?: string
}

/** What a count location is for a vendor. */
export type CountPlaces = { kind: 'locations'; words: string } | { kind: 'whole-stock'; words: string }

/** A vendor that keeps stock without locations: its whole stock is counted as one place. */
export const wholeStockPlaces = (name: string): CountPlaces => ({
  kind: 'whole-stock',
  words: `${name} keeps stock without locations: a count covers its whole stock, at one place called “Whole stock” (label WHOLE-STOCK)`
})

/** One stocked item (× lot) at a counted location that no scan found. */
export interface NotCountedStock {
  /** On hand there, as the replica says. */
  onHand: number
  tracking: 'none' | 'lot' | 'serial'
  /** The stock is of one lot (a stock record with a lot), not of the item as a whole. */
  lot: boolean
}

/** What setting not-counted stock to zero writes: counted 0 against `writeOff`, or a refusal in plain words. */
export type ZeroMeaning = { writeOff: number } | { refuse: string }

/** The usual meaning of zero: everything on hand there is gone. */
export const zeroAllOnHand = (stock: NotCountedStock): ZeroMeaning => ({ writeOff: stock.onHand })

/** Vendors that keep stock at the location counted. */
export const countsAtLocation: VendorProfile['counts']['target'] = (location) => location

/** Every location kind can be counted. */
export const refuseNothing: VendorProfile['counts']['refuse'] = () => undefined

/** The reason a read-only vendor's count is exported rather than sent. */
export const exportBecauseReadOnly = (name: string) =>
  `${name}'s API cannot change stock levels, so Stockroom cannot send this count. Import the CSV in ${name} or enter the differences there.`
