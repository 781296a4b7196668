/**
 * The Frostbyte request pipeline:
 *
 *   key → (401 | failed-auth 429) → rate limit (429) → route (404) → scope (403)
 *   → body size (413) → Idempotency-Key (replay | 409 | 422 | reserve)
 *   → wait out a `slow` fault → handler (validate, then apply) → ledger → store for replay
 *
 * Every authenticated response carries the X-RateLimit-* headers.
 */
import type { FakeRequest, FakeResponse, FakeVendor } from '../common/http-server'
import { Router } from '../common/router'
import type { LedgerEntry } from '../common/types'
import { checkScope, presentedKey, RateLimiter } from './access'
import { makeContext, type FbRoute } from './context'
import type { FrostbyteData } from './data'
import { FbError, fbError, faultError } from './errors'
import { catalogRoutes } from './handlers-catalog'
import { inventoryRoutes } from './handlers-inventory'
import { purchaseOrderRoutes } from './handlers-purchase-orders'
import { receiptRoutes } from './handlers-receipts'
import { shipmentRoutes } from './handlers-shipments'
import { reportRoutes } from './handlers-reports'
import { IdempotencyStore } from './idempotency'

export const FROSTBYTE_BASE_PATH = '/api/v1'
const MAX_BODY_BYTES = 100 * 1024

export interface FrostbyteVendorOptions {
  perKeyPerMinute: number
  perOrgPerMinute: number
  failedAuthPerMinute: number
}

export function createFrostbyteVendor(
  data: FrostbyteData,
  ledger: LedgerEntry[],
  opts: FrostbyteVendorOptions
): FakeVendor {
  const router = new Router<FbRoute>()
  for (const route of [
    ...catalogRoutes,
    ...inventoryRoutes,
    ...purchaseOrderRoutes,
    ...receiptRoutes,
    ...shipmentRoutes,
    ...reportRoutes
  ])
    router.add(route.method, route.pattern, route)
  const limiter = new RateLimiter(opts.perKeyPerMinute, opts.perOrgPerMinute, opts.failedAuthPerMinute)
  const idempotency = new IdempotencyStore()

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const nowMs = data.now()
    const apiKey = presentedKey(req.headers)
    if (apiKey !== undefined) req.log.apiKey = apiKey
    const key = apiKey === undefined ? undefined : data.apiKeys.get(apiKey)
    if (apiKey === undefined || key === undefined) {
      const t = limiter.failedAuth(req.remoteAddress, nowMs)
      return errorResponse(t.throttled ? fbError.rateLimited(t.retryAfter) : fbError.unauthorized())
    }
    const rate = limiter.take(apiKey, key.org, nowMs)
    if (!rate.allowed)
      return errorResponse(new FbError(429, 'rate_limit_exceeded', 'Rate limit exceeded'), rate.headers)

    try {
      const match = router.match(req.method, req.path)
      // ASSUMPTION: an unknown route or method answers 404 not_found.
      if (match.kind !== 'found') throw fbError.notFound('Route')
      checkScope(key.scopes, req.method, req.path)
      if (req.bodyTooLarge) throw fbError.tooLarge()
      const route = match.handler
      // ASSUMPTION: an Idempotency-Key on an endpoint that does not accept it is ignored.
      const idemKey = route.idempotent ? headerValue(req.headers['idempotency-key']) : undefined
      let finish: ((status: number, bodyText: string) => void) | undefined
      let release: (() => void) | undefined
      if (idemKey !== undefined) {
        req.log.idempotencyKey = idemKey
        const outcome = idempotency.begin(key.org, idemKey, `${req.method} ${req.path}`, req.rawBody, nowMs)
        if (outcome.kind === 'replay') {
          req.log.replayed = true
          return {
            status: outcome.status,
            rawJson: outcome.bodyText,
            headers: { ...rate.headers, 'Idempotency-Replayed': 'true' }
          }
        }
        finish = outcome.complete
        release = outcome.release
      }
      try {
        await req.slow()
        const ctx = makeContext(data, match.params, req.query, req.rawBody)
        const result = route.handler(ctx)
        const bodyText = JSON.stringify(result.body)
        if (req.method !== 'GET' && result.status < 300) {
          ledger.push({
            id: ledger.length + 1,
            method: req.method,
            path: req.path,
            ...(idemKey !== undefined ? { idempotencyKey: idemKey } : {}),
            body: safeBody(ctx.body),
            at: new Date(ctx.now).toISOString(),
            status: result.status,
            ...(result.resourceId !== undefined ? { resourceId: result.resourceId } : {})
          })
        }
        finish?.(result.status, bodyText)
        return { status: result.status, body: result.body, headers: rate.headers }
      } finally {
        release?.()
      }
    } catch (err) {
      if (err instanceof FbError) return errorResponse(err, rate.headers)
      throw err
    }
  }

  return {
    basePath: FROSTBYTE_BASE_PATH,
    maxBodyBytes: MAX_BODY_BYTES,
    handle,
    faultResponse: (fault) =>
      fault.kind === 'rate-limit'
        ? errorResponse(fbError.rateLimited(fault.retryAfter ?? 1))
        : errorResponse(faultError(fault.status, fault.retryAfter, fault.message)),
    notFound: () => errorResponse(fbError.notFound('Route')),
    internalError: (err) =>
      errorResponse(
        new FbError(500, 'internal_error', err instanceof Error ? err.message : 'Internal server error')
      )
  }
}

function errorResponse(err: FbError, headers: Record<string, string> = {}): FakeResponse {
  return { status: err.status, body: err.toBody(), headers: { ...headers, ...err.headers } }
}

function safeBody(read: () => unknown): unknown {
  try {
    return read()
  } catch {
    return undefined
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v
}
