import type { FaultController, FaultKind } from './faults'

/** One request as the fake saw it. Pushed when the request arrives; `status` is filled in when it is answered. */
export interface RequestLogEntry {
  method: string
  /** Path relative to the fake's base URL (e.g. `/products`); a path outside the base is logged as received. */
  path: string
  query: Record<string, string>
  /** Status sent (or, for `drop-after-commit` / `drop-mid-body`, the status that was about to be sent); 0 when dropped before a status was chosen. */
  status: number
  /** Arrival time by the fake's clock, ISO 8601. */
  at: string
  /** The credential the request carried, when it had one. */
  apiKey?: string
  idempotencyKey?: string
  /** The request body as received, where the vendor's fake keeps it (e.g. to prove where a password went). */
  body?: string
  /** True when an idempotent replay answered the request. */
  replayed?: boolean
  /** Faults that fired for this request. */
  faults?: FaultKind[]
}

/** One write the fake APPLIED (committed). Replays and rejected writes add nothing. */
export interface LedgerEntry {
  /** 1, 2, 3, … in commit order. */
  id: number
  method: string
  /** Path relative to the base URL, e.g. `/stock-adjustments`. */
  path: string
  idempotencyKey?: string
  /** The parsed request body (undefined when there was none). */
  body: unknown
  /** Commit time by the fake's clock, ISO 8601. */
  at: string
  /** Status of the response produced by the write. */
  status: number
  /** Id of the record the write created or changed, when there is one. */
  resourceId?: string
}

/** A running fake vendor server on 127.0.0.1. */
export interface FakeServer<TData> {
  /** Base URL a connector is configured with (includes the vendor's documented path prefix). */
  url: string
  port: number
  /** Stops listening for good. */
  close(): Promise<void>
  /** Every request received, in arrival order. */
  requests: RequestLogEntry[]
  /** Every write applied, in commit order. */
  ledger: LedgerEntry[]
  faults: FaultController
  /** The live dataset; change it through its methods so list caches stay correct. */
  data: TData
  /** Stops listening (new connections are refused, open ones are destroyed); data is kept. */
  stop(): Promise<void>
  /** Listens again on the same port. */
  start(): Promise<void>
}
