import type { ItemRecord, LocationRecord, LotRecord, OrderRecord, StockRecord, TaskRecord } from './schemas'
import type { Capability, VendorId } from './vendor'

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
  status: string
  demo: boolean
  lastSyncAt?: string
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
}

export type OutboxState = 'pending' | 'sending' | 'done' | 'needs-review' | 'paused' | 'discarded'

export interface OutboxEntry {
  seq?: number
  id: string
  connectionId: string
  idempotencyKey: string
  state: OutboxState
  createdAt: string
  description: string
  request: { method: 'POST' | 'PUT' | 'PATCH'; path: string; body: string }
  attempts: number
  lastError?: string
  nextAttemptAt?: string
  /** Records whose pending overlay this write carries. */
  affects: string[]
}

export interface CountSession {
  id: string
  connectionId: string
  locationKey: string
  state: 'open' | 'review' | 'submitted'
  blind: boolean
  startedAt: string
}

export interface CountLine {
  id: string
  countId: string
  itemKey: string
  counted: number
  expected: number
  countedAt: string
}

export interface AlertState {
  itemKey: string
  low: boolean
  changedAt: string
}

export interface ActivityEntry {
  id?: number
  at: string
  connectionId?: string
  level: 'info' | 'warning' | 'error'
  message: string
}
