import type { Capability, VendorId } from './vendor'

/**
 * The common model every vendor maps into. Keys are `connectionId:kind:vendorId`
 * so five vendors never collide; `raw` is the vendor payload as received.
 */
export type RecordKind = 'item' | 'location' | 'stock' | 'lot' | 'task' | 'order'

export const recordKey = (connectionId: string, kind: RecordKind, vendorId: string) =>
  `${connectionId}:${kind}:${vendorId}`

interface Replicated {
  key: string
  connectionId: string
  vendorId: string
  vendorUpdatedAt?: string
  /** Id of the full pass that last saw this record; unseen records are swept when it completes. */
  syncId?: string
  raw: unknown
}

export interface Item extends Replicated {
  sku: string
  name: string
  /** Normalised lookup keys (GTIN-14 for GTINs, upper-cased codes otherwise): a multi-entry index. */
  codes: string[]
  /** Lower-cased words of name and SKU, for prefix search as you type. */
  words: string[]
  unit?: string
  minLevel?: number
  tracking: 'none' | 'lot' | 'serial'
  kind?: 'product' | 'material'
}

export interface Location extends Replicated {
  name: string
  kind: 'warehouse' | 'zone' | 'bin' | 'location'
  parentKey?: string
  code?: string
}

export interface Stock extends Replicated {
  itemKey: string
  locationKey: string
  lotKey?: string
  onHand: number
  reserved?: number
  available?: number
  expiry?: string
}

export interface Lot extends Replicated {
  itemKey: string
  lotNumber: string
  expiry?: string
  quantity?: number
  locationKey?: string
}

export interface TaskLine {
  itemKey: string
  name: string
  planned: number
  done?: number
  unit?: string
}

export interface Task extends Replicated {
  name: string
  status: string
  due?: string
  locationKey?: string
  lines: TaskLine[]
  batches: { id: string; itemKey?: string; quantity: number; lot?: string; at?: string }[]
}

export interface Order extends Replicated {
  number: string
  status: string
  supplier?: string
  expectedAt?: string
  lines: { itemKey: string; ordered: number; received?: number }[]
}

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
  /** Opaque to the renderer: what the connector needs to continue (page, offset, cursor, since). */
  cursor: unknown
  phase: 'full' | 'incremental'
  syncId: string
  pagesDone: number
  recordsDone: number
  /** Largest vendor updatedAt seen: the base of the next incremental pass (never the PC clock). */
  highWater?: string
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
