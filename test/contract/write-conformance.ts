import type { FaultController, FaultRule } from '../../src/main/fakes/common/faults'
import type { LedgerEntry } from '../../src/main/fakes/common/types'
import type { OutboxEntry } from '../../src/shared/model/records'
import type { VendorFake, VendorHarness } from './conformance'

/**
 * A vendor's fake as the write conformance suite drives it: the read harness,
 * plus what only the vendor's own data can tell — which records a plain write
 * can touch, and what the vendor holds now, read from the fake itself (never
 * through the connector under test).
 */
export interface WriteHarness<TData = unknown> extends VendorHarness<TData> {
  /**
   * Places a count can correct with a plain stock write (no lot or serial
   * needed), each a different item, all at one location.
   */
  countable(fake: VendorFake<TData>, cid: string): { locationKey: string; itemKeys: string[] }
  /** The vendor's on-hand now for a written line, by the line's vendor ids. */
  levelAt(fake: VendorFake<TData>, itemVendorId: string, locationVendorId: string): number
  /** Open production-task lines a batch can be recorded on (vendors with batch writes). */
  taskLines?(fake: VendorFake<TData>, cid: string): { taskKey: string; lineId: string }[]
  /** What the vendor has recorded as made on a task line now. */
  madeOnLine?(fake: VendorFake<TData>, taskVendorId: string, lineId: string): number
  /** Revokes `key` in the vendor's settings. */
  revokeKey(fake: VendorFake<TData>, key: string): void
  /** Issues a new key at the vendor (a different one each time) and returns it. */
  issueKey(fake: VendorFake<TData>): string
  /** The vendor's error envelope has a place for field details (so a 422's details reach review). */
  fieldDetails: boolean
  /**
   * Adds, at the vendor, `n` fresh records for each workflow write the profile
   * declares (orders to receive, shipments to pack and to dispatch, tasks to move,
   * batches to undo), before the first sync brings them into the replica.
   */
  prepareFlows?(fake: VendorFake<TData>, n: number): void
}

/** One write request as it reached the fake, before any fault: the exact body bytes and the key header. */
export interface WireWrite {
  method: string
  path: string
  body: string
  idempotencyKey: string | undefined
}

/**
 * Records every write request the fake receives, dropped ones included. A
 * rule that never fires: its `match` sees each request before faults are
 * chosen. Add it before any fault.
 */
export function tapWrites(faults: FaultController): WireWrite[] {
  const seen: WireWrite[] = []
  const never: FaultRule = {
    kind: 'slow',
    ms: 0,
    match: (req) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const key = req.headers['idempotency-key']
        seen.push({
          method: req.method,
          path: req.path,
          body: req.body,
          idempotencyKey: Array.isArray(key) ? key[0] : key
        })
      }
      return false
    }
  }
  faults.add(never)
  return seen
}

/** The entry travels with its idempotency key: the vendor takes keys, on this endpoint too. */
export const keyedEntry = (entry: OutboxEntry, vendorKeys: boolean) => vendorKeys && !entry.request?.noKey

/**
 * Whether a request (on the wire or applied) is this outbox entry's: same
 * method and path, and its key where the vendor takes keys. Without keys the
 * suite gives every entry a path of its own (a different item, task line, order or shipment).
 */
function isOf(
  entry: OutboxEntry,
  keyed: boolean,
  r: { method: string; path: string; idempotencyKey?: string }
) {
  return (
    r.method === entry.request?.method &&
    r.path === entry.request?.path &&
    (!keyedEntry(entry, keyed) || r.idempotencyKey === entry.idempotencyKey)
  )
}

export interface EntryAudit {
  entry: OutboxEntry
  /** Requests for this entry that reached the fake (each attempt). */
  sent: WireWrite[]
  /** Times the vendor applied it (its ledger entries). */
  applied: number
}

/** Every entry with its attempts on the wire and its applications in the vendor's ledger. */
export function auditEntries(
  entries: OutboxEntry[],
  keyed: boolean,
  wire: WireWrite[],
  ledger: LedgerEntry[]
): EntryAudit[] {
  return entries.map((entry) => {
    const sent = wire.filter((w) => isOf(entry, keyed, w))
    return { entry, sent, applied: ledger.filter((l) => isOf(entry, keyed, l)).length }
  })
}

/** What the suite prints per vendor: the faults it injected and the ledger's totals. */
export class WriteTotals {
  readonly faults: Record<string, number> = {}
  queued = 0
  sent = 0
  applied = 0
  replayed = 0
  duplicates = 0
  lost = 0
  ambiguousReviews = 0
  rejectedReviews = 0

  fault(name: string, times = 1): void {
    this.faults[name] = (this.faults[name] ?? 0) + times
  }

  add(audits: EntryAudit[]): void {
    for (const a of audits) {
      this.queued++
      this.sent += a.sent.length
      this.applied += a.applied
      if (a.entry.replayed) this.replayed++
      if (a.applied > 1) this.duplicates++
      if (isLost(a)) this.lost++
      if (a.entry.state === 'needs-review' && a.entry.review?.reason === 'ambiguous') this.ambiguousReviews++
      if (a.entry.state === 'needs-review' && a.entry.review?.reason === 'rejected') this.rejectedReviews++
    }
  }

  line(label: string): string {
    const faults = Object.entries(this.faults)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ')
    return (
      `${label} writes — faults injected: ${faults}; ledger: ${this.queued} writes queued, ` +
      `${this.sent} requests sent, ${this.applied} applied (${this.replayed} confirmed by replay), ` +
      `${this.duplicates} duplicates, ${this.lost} lost, ${this.ambiguousReviews} in review as unanswered, ` +
      `${this.rejectedReviews} in review as rejected`
    )
  }
}

/**
 * A write is lost when it left the queue as sent but the vendor never applied
 * it, or is stuck neither sent nor in front of a person.
 */
export function isLost(a: EntryAudit): boolean {
  if (a.entry.state === 'done') return a.applied === 0
  return a.entry.state !== 'needs-review'
}
