import type { ItemRecord, LocationRecord, LotRecord, OrderRecord, StockRecord, TaskRecord } from './schemas'
import type { NoticeTarget } from '../host-api/notices'
import type { FrozenRequest } from '../host-api/outbox'
import type { ConnectionStatus } from '../host-api/connections'
import type { Capability, VendorId } from './vendor'
import type { FlowKind, ReceiptLineIntent } from '../vendors/workflow'

/**
 * The common model every vendor maps into. Keys are `connectionId:kind:vendorId`
 * so five vendors never collide; `raw` is the vendor payload as received.
 */
export type RecordKind = 'item' | 'location' | 'stock' | 'lot' | 'task' | 'order'

export const recordKey = (connectionId: string, kind: RecordKind, vendorId: string) =>
  `${connectionId}:${kind}:${vendorId}`

/** Replica rows: the wire record plus the id of the full pass that last saw it (for the deletion sweep). */
type Row<T> = T & { syncId?: string }
export type Item = Row<ItemRecord>
export type Location = Row<LocationRecord>
export type Stock = Row<StockRecord>
export type Lot = Row<LotRecord>
export type Task = Row<TaskRecord>
export type Order = Row<OrderRecord>

export interface ConnectionRow {
  id: string
  vendor: VendorId
  label: string
  baseUrl: string
  capabilities: Capability[]
  status: ConnectionStatus
  /** Why the status is what it is, in words (e.g. the vendor's refusal of the key). */
  statusMessage?: string
  demo: boolean
  /** When it was added: screens list connections in this order. */
  createdAt?: string
  lastSyncAt?: string
  /** The vendor's clock minus this PC's (from HTTP Date headers), as last seen by a sync. */
  clockSkewMs?: number
  /** When the last complete sync started (PC clock): what the replica holds is the vendor's as of then, or later. */
  lastSyncStartedAt?: string
  /** When the key (or login) was last set: resources it could not read are asked again after it changes. */
  secretSetAt?: string
  /** When the search pieces of this connection's items were last brought in step with its items. */
  piecesAt?: string
}

export interface Checkpoint {
  connectionId: string
  resource: string
  phase: 'full' | 'incremental'
  /** True while a pass is under way: `cursor` is then the next page to fetch (resume point after a crash). */
  running: boolean
  cursor: unknown
  /** Id of the current (or last) full pass; records it sees are stamped with it. */
  syncId: string
  pagesDone: number
  recordsDone: number
  /** Largest vendor updatedAt seen: the base of the next incremental pass (never the PC clock). */
  highWater?: string
  lastFullAt?: string
  completedAt?: string
  /** The last pass of this resource failed (the others went on): what, where, and with which key. */
  failure?: ResourceFailure
}

export interface ResourceFailure {
  /** Plain words, the endpoint named: what happened and what to do. */
  message: string
  /** The vendor's error class (e.g. 'forbidden', 'not-found', 'unavailable'). */
  kind: string
  status?: number
  /** `GET /batches` */
  endpoint?: string
  at: string
  /** The connection's key when it failed: a resource the key may not read is not asked again until the key changes. */
  secretSetAt?: string
}

/**
 * `to-key-in`: a count sheet for a vendor that takes no stock writes, waiting for a
 * person to key it into the vendor; they mark it done ("keyed into …") themselves.
 */
export type OutboxState = 'pending' | 'sending' | 'done' | 'needs-review' | 'discarded' | 'to-key-in'

export interface OutboxEntry {
  seq?: number
  id: string
  connectionId: string
  /** Minted once at enqueue; every attempt of this write carries it. */
  idempotencyKey: string
  state: OutboxState
  createdAt: string
  /** What the write does, in words for the Outbox screen. */
  description: string
  /**
   * The request as it will be sent, frozen: method, path and exact body bytes. A
   * count sheet (`sheet`) has none: a person keys it into the vendor.
   */
  request?: FrozenRequest
  /** A count for a vendor without stock writes: the sheet to key in, kept to download again. */
  sheet?: {
    filename: string
    /** The CSV as downloaded: UTF-8 with a byte-order mark, cells guarded against formulas. */
    csv: string
    rows: number
    countId: string
    location: string
    /** When the person said the vendor holds it, and their words ("keyed into FractionERP"). */
    keyedInAt?: string
    keyedInNote?: string
  }
  attempts: number
  lastAttemptAt?: string
  lastError?: string
  /** Field-level details of a vendor rejection. */
  errorDetails?: { path: string; message: string }[]
  nextAttemptAt?: string
  /** Replica records this write changes; a later write touching one of them waits for this one. */
  affects: string[]
  /**
   * A count's write: the vendor instant its expected quantities stand for (the replica's
   * baseline). Before the write first leaves, the vendor is asked what changed at each
   * line's item and place since then; a change not made by this PC sends it to review.
   */
  since?: string
  /** A person chose to send it as it is after such a review: it is not checked again. */
  sendAnyway?: boolean
  /** What the vendor calls the write it made (Frostbyte's adjustment number): this PC's own change, later. */
  vendorRef?: string
  /** The count lines behind this write (for review and for applying the vendor's answer). */
  lines?: {
    itemKey: string
    itemVendorId: string
    locationKey: string
    locationVendorId: string
    lotKey?: string
    expected: number
    counted: number
    change: number
    label: string
  }[]
  /** A production batch: the task line it records (shown on the task; checked at the vendor in review). */
  batch?: {
    taskKey: string
    taskVendorId: string
    lineId: string
    quantity: number
    label: string
    /** The vendor's id of the batch, once its answer named it (an undo deletes it by this id). */
    createdId?: string
  }
  /** A workflow write (receipt, pack, dispatch, task status, batch undo): what it acts on. */
  flow?: OutboxFlow
  /** Needs-review: why, and what the vendor holds now. */
  review?: {
    reason: 'rejected' | 'ambiguous' | 'overtaken' | 'changed-at-vendor'
    vendorLevels?: { label: string; onHand: number | null }[]
    /** changed-at-vendor: each change found since the count's baseline, in words. */
    changes?: string[]
    checkedAt?: string
  }
  doneAt?: string
  replayed?: boolean
  /** Set when a person resent an edited copy of this write as a new one. */
  supersededBy?: string
}

export interface OutboxFlow {
  kind: FlowKind
  /** The replica record it acts on: the order, shipment or task. */
  targetKey: string
  /** A resend after a lost answer is harmless (see PlannedFlow.repeatable). */
  repeatable?: true
  /** A receipt's lines: shown as pending on the order until the vendor's answer is applied. */
  receipt?: ReceiptLineIntent[]
  /** A dispatch's carrier and tracking number. */
  tracking?: { carrier: string; number: string }
  /**
   * An undo of a batch still in this outbox: the entry id of that batch. Its
   * request is frozen when the batch's answer names the batch's id; until then it waits.
   */
  undoOf?: string
  /** The recorded batch an undo deletes. */
  batchId?: string
  /** A task's move: started or completed. */
  taskTo?: 'start' | 'complete'
}

export type { DockLine, DockSession } from './dock-records'

/** A counted quantity shown over the replica until the vendor confirms or rejects the write. */
export interface Overlay {
  /** `${itemKey}@${locationKey}` */
  key: string
  itemKey: string
  locationKey: string
  onHand: number
  entryId: string
  at: string
}

export interface CountSession {
  id: string
  connectionId: string
  /** Warehouse, zone, bin or location being counted. */
  locationKey: string
  /**
   * parked: kept with its scans while scans go to a count at another location (a
   * location label was scanned); it resumes when its location's label is scanned again.
   */
  state: 'open' | 'review' | 'parked' | 'submitted'
  /** Expected quantities are hidden while counting. */
  blind: boolean
  startedAt: string
  submittedAt?: string
  /**
   * How the session ended: sent through the outbox, exported as CSV (vendor without stock
   * writes), or handed over as a file to the PC that submits the count of this location.
   */
  outcome?: 'queued' | 'exported' | 'nothing-to-send' | 'handed-over'
  /** Counts of other PCs brought in as files (their session ids): one is never summed in twice. */
  broughtIn?: string[]
  /** Handed over through the site database: the PC whose count included this one's scans and sent them. */
  includedBy?: string
  /** When the replica was last synced as the count started: how old "expected" may be. */
  replicaSyncedAt?: string
}

export interface CountLine {
  id: string
  countId: string
  itemKey: string
  lotKey?: string
  counted: number
  /** What the replica said stood there when the line was first counted (the instant T of the count). */
  expected: number
  /** T: the first scan of this line, by the PC's clock. */
  countedAt: string
  /** T by the vendor's clock, estimated from the skew seen in HTTP Date headers. */
  countedAtVendor?: string
  /**
   * The vendor instant `expected` stands for: the start of the sync the replica last
   * completed when the line was first counted, by the vendor's clock. Changes at the
   * vendor after it are looked for before the count's write is sent.
   */
  baselineAt?: string
  updatedAt: string
  /** Marked for a second look in the variance review. */
  recount?: boolean
  /**
   * A supervisor's approval of a quantity outside this PC's variance limits. It holds
   * only for the quantity approved: counting the line again asks for a new approval.
   */
  approval?: { by: string; at: string; counted: number }
  /**
   * Stock no scan found, set to zero in the review ("not counted"): counted 0 against
   * what the vendor's profile says zero takes off. Choosing "leave as is" removes the line.
   */
  zeroed?: boolean
}

/** One scan or typed quantity of a count session, in order, so the last can be undone. */
export interface CountEvent {
  id?: number
  countId: string
  lineId: string
  kind: 'add' | 'set'
  quantity: number
  /** The line's counted quantity before this event (0 for a line this event created). */
  previous: number
  createdLine: boolean
  /** A recount ("set") clears the line's recount mark; undoing it puts the mark back as it was. */
  previousRecount?: boolean
  code?: string
  at: string
  /**
   * Who counted: this PC's counter name, a scanner's (by its prefix), or the name on a
   * file brought in from another PC. Lines stay one per item; the review shows each part.
   */
  counter?: string
  /** The other PC this scan was brought in from (unset: scanned on this PC). */
  pc?: string
}

export interface AlertState {
  itemKey: string
  low: boolean
  changedAt: string
}

export type ActivityKind = 'sync' | 'low-stock' | 'write' | 'connection'

/** What an Activity entry is about: an item, the Low stock list, a write in the outbox, a connection. */
export type ActivityLink =
  | NoticeTarget
  | { kind: 'write'; entryId: string }
  | { kind: 'connection'; connectionId: string }

export interface ActivityEntry {
  id?: number
  at: string
  connectionId?: string
  /** Unset on entries written before kinds existed. */
  kind?: ActivityKind
  level: 'info' | 'warning' | 'error'
  message: string
  link?: ActivityLink
}

/** Low-stock notices are not raised for a muted item (key: item key) or connection (key: connection id). */
export interface Mute {
  key: string
  kind: 'item' | 'connection'
  at: string
}

/**
 * A code linked by hand to an item of one connection, after a scan the vendor's
 * codes did not resolve (items without barcodes, replaced labels). Kept in the
 * replica and in main's journal: it is what people recorded, not vendor data.
 */
export interface BarcodeLink {
  /** {@link barcodeLinkKey}: one link per connection and code. */
  key: string
  connectionId: string
  /** The scan's first lookup key (GTIN-14, or the code trimmed and upper-cased): what a scan is looked up by. */
  code: string
  /** What the label reads, where that is not `code` (an EAN-13 4006381333931 is looked up as 04006381333931): shown and exported. */
  label?: string
  itemKey: string
  linkedAt: string
  /** The PC it was linked on, as the CSV it came from said. */
  linkedOn?: string
  /** The code is on a pack of the item: one scan counts `units` of it ("case of 12"). */
  pack?: LinkPack
}

/** What a linked code stands for when it is on a pack, not one unit. */
export interface LinkPack {
  units: number
  /** For people: "case". */
  name: string
}

export const barcodeLinkKey = (connectionId: string, code: string) => `${connectionId}:link:${code}`

/** What one scan (or typed code) says besides the item: kept when the item has to be picked by hand. */
export interface ScanContext {
  /** As received, for the scan log. */
  raw: string
  /** Normalised (prefix, suffix and symbology identifier removed). */
  code: string
  /** Units the label stands for (GS1 AI 30/37, or a pack's size). */
  labelQuantity?: number
  /** The label is on a pack ("case"), as its link says: one scan counts `labelQuantity`. */
  packName?: string
  /** How many of these labels were counted (typed before scanning); 1 by default. */
  times: number
  lotNumber?: string
  expiry?: string
  serial?: string
}

/**
 * Something a count cannot settle by itself and a person must: a code no item
 * carries, a quantity waiting for confirmation, a scan refused, an item counted
 * without the lot it is tracked by. Kept until resolved (or the count ends), so
 * a later scan replacing the banner never drops it. Not journaled: it holds no
 * stock a write depends on, and the count's own scans are journaled.
 */
export interface CountIssue {
  id: string
  countId: string
  kind: 'unknown' | 'confirm' | 'refused' | 'no-lot'
  at: string
  /** The code as scanned (normalised), for people. */
  code: string
  /** Why, in plain words (refused scans, quantities far from expected). */
  message?: string
  /** The scan as read, to count it once resolved (unknown codes, quantities waiting). */
  context?: ScanContext
  /** The item concerned (confirm, no-lot). */
  itemKey?: string
  /** Units waiting (confirm) or counted without a lot (no-lot). */
  quantity?: number
  /** The scan counted without a lot (no-lot): moved to the lot chosen. */
  eventId?: number
}
