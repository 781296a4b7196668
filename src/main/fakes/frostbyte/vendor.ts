/**
 * Frostbyte's part of the shared pipeline (common/pipeline.ts): its key (401, or 429 after
 * repeated failures), its per-key and per-org rate limits, scopes, Idempotency-Key rules,
 * error envelope and routes. Every authenticated answer carries the X-RateLimit-* headers.
 */
import { type VendorSpec } from '../common/pipeline'
import { DAY } from '../common/time'
import { checkScope, presentedKey, RateLimiter } from './access'
import type { FrostbyteData } from './data'
import { FbError, fbError, faultError } from './errors'
import { catalogRoutes } from './handlers-catalog'
import { inventoryRoutes } from './handlers-inventory'
import { purchaseOrderRoutes } from './handlers-purchase-orders'
import { receiptRoutes } from './handlers-receipts'
import { shipmentRoutes } from './handlers-shipments'
import { reportRoutes } from './handlers-reports'

export const FROSTBYTE_BASE_PATH = '/api/v1'
const MAX_BODY_BYTES = 100 * 1024

export interface FrostbyteVendorOptions {
  perKeyPerMinute: number
  perOrgPerMinute: number
  failedAuthPerMinute: number
}

interface Principal {
  scopes: readonly string[]
  org: string
}

export function frostbyteSpec(
  data: FrostbyteData,
  opts: FrostbyteVendorOptions
): VendorSpec<FrostbyteData, Principal, FbError> {
  const limiter = new RateLimiter(opts.perKeyPerMinute, opts.perOrgPerMinute, opts.failedAuthPerMinute)
  return {
    basePath: FROSTBYTE_BASE_PATH,
    maxBodyBytes: MAX_BODY_BYTES,
    routes: [
      ...catalogRoutes,
      ...inventoryRoutes,
      ...purchaseOrderRoutes,
      ...receiptRoutes,
      ...shipmentRoutes,
      ...reportRoutes
    ],
    authenticate(req, nowMs) {
      const apiKey = presentedKey(req.headers)
      if (apiKey !== undefined) req.log.apiKey = apiKey
      const key = apiKey === undefined ? undefined : data.apiKeys.get(apiKey)
      if (apiKey === undefined || key === undefined) {
        const t = limiter.failedAuth(req.remoteAddress, nowMs)
        throw t.throttled ? fbError.rateLimited(t.retryAfter) : fbError.unauthorized()
      }
      const rate = limiter.take(apiKey, key.org, nowMs)
      if (!rate.allowed)
        throw new FbError(429, 'rate_limit_exceeded', 'Rate limit exceeded', undefined, rate.headers)
      return { principal: key, headers: rate.headers }
    },
    authorize: (key, req) => checkScope(key.scopes, req.method, req.path),
    // ASSUMPTIONS: keys are scoped per org (U18); only 2xx answers are kept for replay (a failed request
    // runs again under its key); a key still in flight is refused before bodies are compared; an
    // Idempotency-Key on an endpoint that does not accept it is ignored.
    idempotency: {
      header: 'idempotency-key',
      scope: (key) => key.org,
      rules: {
        maxKeyLength: 200,
        keepMs: DAY,
        keyTooLong: () => fbError.invalidParameter('Idempotency-Key must be at most 200 characters'),
        inProgress: fbError.conflictInProgress,
        reused: fbError.idempotencyReuse
      },
      replayHeaders: { 'Idempotency-Replayed': 'true' }
    },
    errors: {
      is: (err): err is FbError => err instanceof FbError,
      toResponse: (err) => ({ status: err.status, body: err.toBody(), headers: { ...err.headers } }),
      // ASSUMPTION: an unknown route or method answers 404 not_found.
      routeNotFound: () => fbError.notFound('Route'),
      tooLarge: fbError.tooLarge,
      invalidJson: fbError.invalidJson,
      fault: (fault) =>
        fault.kind === 'rate-limit'
          ? fbError.rateLimited(fault.retryAfter ?? 1)
          : faultError(fault.status, fault.retryAfter, fault.message, fault.details),
      internal: (err) =>
        new FbError(500, 'internal_error', err instanceof Error ? err.message : 'Internal server error')
    }
  }
}
