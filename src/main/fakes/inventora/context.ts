/**
 * Inventora handler plumbing: errors are `{ error: "<text>" }` with no machine code (the
 * client classifies by status); lists take `limit` (default 100, max 1000) and `offset`.
 */
import type { HandlerContext, HandlerResult } from '../common/pipeline'
import type { InventoraData } from './data'

export class InvError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers?: Record<string, string>
  ) {
    super(message)
  }
}

export type InvContext = HandlerContext<InventoraData>

export type InvResult = HandlerResult

export type InvHandler = (ctx: InvContext) => InvResult

export const MAX_LIMIT = 1000
export const DEFAULT_LIMIT = 100

/**
 * `{ data, pagination: { totalCount, offset, limit } }`.
 * ASSUMPTIONS: a limit over 1000 is clamped to 1000 and the echoed `limit` is the effective
 * one; a limit below 1, a negative offset or a non-integer gives 400; unknown query
 * parameters are ignored.
 */
export function page<T>(ctx: InvContext, items: readonly T[], render: (item: T) => unknown): InvResult {
  const limit = Math.min(intParam(ctx.query, 'limit', 1) ?? DEFAULT_LIMIT, MAX_LIMIT)
  const offset = intParam(ctx.query, 'offset', 0) ?? 0
  return {
    status: 200,
    body: {
      data: items.slice(offset, offset + limit).map(render),
      pagination: { totalCount: items.length, offset, limit }
    }
  }
}

function intParam(q: URLSearchParams, name: string, min: number): number | undefined {
  const v = q.get(name)
  if (v === null || v === '') return undefined
  if (!/^\d+$/.test(v) || Number(v) < min) throw new InvError(400, `${name} must be an integer >= ${min}`)
  return Number(v)
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The body as an object, or 400. */
export function objectBody(ctx: InvContext): Record<string, unknown> {
  const body = ctx.body()
  if (!isObject(body)) throw new InvError(400, 'Request body must be a JSON object')
  return body
}
