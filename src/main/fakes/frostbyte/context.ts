/**
 * What a Frostbyte route handler gets and returns. Handlers are synchronous: the pipeline
 * has already authenticated, rate-limited, reserved the idempotency key and waited out any
 * `slow` fault, so a handler validates everything first and only then changes the data —
 * a thrown FbError means nothing was applied (the vendor's one-transaction-per-write).
 */
import type { FakeRoute, HandlerContext, HandlerResult } from '../common/pipeline'
import type { FrostbyteData } from './data'
import { envelope, type Query } from './query'

export type FbContext = HandlerContext<FrostbyteData>

export interface FbResult extends HandlerResult {
  body: unknown
}

export type FbHandler = (ctx: FbContext) => FbResult

export interface FbRoute extends FakeRoute<FrostbyteData> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  handler: FbHandler
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
