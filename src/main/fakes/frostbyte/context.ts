/**
 * What a Frostbyte route handler gets and returns. Handlers are synchronous: the pipeline
 * has already authenticated, rate-limited, reserved the idempotency key and waited out any
 * `slow` fault, so a handler validates everything first and only then changes the data —
 * a thrown FbError means nothing was applied (the vendor's one-transaction-per-write).
 */
import type { Params } from '../common/router'
import type { FrostbyteData } from './data'
import { envelope, type Query } from './query'
import { parseBody } from './validate'

export interface FbContext {
  data: FrostbyteData
  params: Params
  query: URLSearchParams
  /** The fake's clock at the commit point, epoch ms. */
  now: number
  rawBody: Buffer
  /** The parsed JSON body (undefined when empty); 400 invalid_json when unparsable. */
  body(): unknown
}

export interface FbResult {
  status: number
  body: unknown
  /** Id of the record a write created or changed (recorded in the ledger). */
  resourceId?: string
}

export type FbHandler = (ctx: FbContext) => FbResult

export interface FbRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  pattern: string
  handler: FbHandler
  /** Accepts the Idempotency-Key header. */
  idempotent?: boolean
}

export function makeContext(
  data: FrostbyteData,
  params: Params,
  query: URLSearchParams,
  rawBody: Buffer
): FbContext {
  let parsed: { value: unknown } | undefined
  return {
    data,
    params,
    query,
    now: data.now(),
    rawBody,
    body() {
      parsed ??= { value: parseBody(rawBody) }
      return parsed.value
    }
  }
}

/**
 * A list response. The filtered, sorted result is memoised per resource and filter set
 * until the data changes, so paging through a large result filters and sorts once.
 */
export function listResult<T>(
  ctx: FbContext,
  q: Query,
  resource: string,
  compute: () => readonly T[],
  render: (item: T) => unknown
): FbResult {
  const paging = q.paging()
  const items = ctx.data.memo(`${resource}?${q.filterKey()}`, compute)
  return { status: 200, body: envelope(items, paging, render) }
}

export function contains(haystack: string | null | undefined, needle: string): boolean {
  return haystack !== null && haystack !== undefined && haystack.toLowerCase().includes(needle)
}
