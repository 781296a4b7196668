/**
 * ForgeMRP's part of the shared pipeline (common/pipeline.ts):
 *
 *   bearer key (shape, check digits, known, not revoked) → 401 unauthorized
 *   → rate limit (RateLimit-* on every answer from here on) → 429 rate_limited + Retry-After
 *   → route (404) → scope (403 insufficient_scope naming it) → body size (413)
 *   → POST: Idempotency-Key (a repeat returns the original answer) → handler → ledger
 */
import { FixedWindowCounter } from '../common/fixed-window'
import type { VendorSpec } from '../common/pipeline'
import { Router } from '../common/router'
import type { ForgeData } from './data'
import { CODE_OF_STATUS, DEFAULT_MESSAGE, ForgeError, insufficientScope } from './errors'
import { forgeRoutes } from './handlers'
import { hasScope, parseKey } from './keys'
import type { ForgeKey } from './model'

export const FORGE_BASE_PATH = '/api/v1'
/** ASSUMPTION: the body size limit is not documented; 1 MB → 413. */
const MAX_BODY_BYTES = 1024 * 1024

export interface ForgeVendorOptions {
  /** Requests per key per window (U10: the real numbers are not published). */
  requestsPerWindow: number
  windowMs: number
}

export function forgeSpec(
  data: ForgeData,
  o: ForgeVendorOptions
): VendorSpec<ForgeData, ForgeKey, ForgeError> {
  const window = new FixedWindowCounter(o.windowMs)
  const scopes = new Router<string>()
  for (const route of forgeRoutes) scopes.add(route.method, route.pattern, route.scope)

  /** Documented: RateLimit-Limit/Remaining/Reset on every answer; Reset is seconds until the window ends. */
  const rateLimit = (keyId: string, now: number) => {
    const used = window.used(keyId, now)
    const reset = String(Math.max(1, Math.ceil((window.windowEnd(now) - now) / 1000)))
    const allowed = used < o.requestsPerWindow
    if (allowed) window.increment(keyId, now)
    const headers: Record<string, string> = {
      'RateLimit-Limit': String(o.requestsPerWindow),
      'RateLimit-Remaining': String(Math.max(0, o.requestsPerWindow - used - (allowed ? 1 : 0))),
      'RateLimit-Reset': reset
    }
    if (!allowed)
      throw new ForgeError(429, 'rate_limited', DEFAULT_MESSAGE[429]!, { ...headers, 'Retry-After': reset })
    return headers
  }

  return {
    basePath: FORGE_BASE_PATH,
    maxBodyBytes: MAX_BODY_BYTES,
    routes: forgeRoutes,
    authenticate(req, nowMs) {
      const auth = req.headers.authorization
      const m = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null
      if (!m) throw new ForgeError(401, 'unauthorized', 'Missing API key')
      const parsed = parseKey(m[1]!)
      if (!parsed.ok) throw new ForgeError(401, 'unauthorized', parsed.reason)
      const key = data.keys.get(parsed.keyId)
      if (!key || key.revoked || key.secret !== parsed.secret || key.mode !== parsed.mode)
        throw new ForgeError(401, 'unauthorized', 'Invalid API key')
      // The key id names the key in the log; the secret is never kept there.
      req.log.apiKey = `fmrp_${key.mode}_${key.keyId}`
      return { principal: key, headers: rateLimit(key.keyId, nowMs) }
    },
    authorize(key, req) {
      const match = scopes.match(req.method, req.path)
      if (match.kind === 'found' && !hasScope(key.scopes, match.handler))
        throw insufficientScope(match.handler)
    },
    idempotency: {
      header: 'idempotency-key',
      scope: () => 'company',
      rules: {
        // ASSUMPTION (U9): keys are kept 24 hours; 255 characters at most.
        maxKeyLength: 255,
        keepMs: 24 * 60 * 60 * 1000,
        keyTooLong: () => new ForgeError(400, 'bad_request', 'Idempotency-Key is longer than 255 characters'),
        inProgress: () =>
          new ForgeError(409, 'conflict', 'A request with this Idempotency-Key is still in progress'),
        reused: () =>
          new ForgeError(422, 'validation_error', 'Idempotency-Key was already used with a different request')
      },
      // Not documented whether a replay is marked (notes §1.7): it is not.
      replayHeaders: {}
    },
    errors: {
      is: (err): err is ForgeError => err instanceof ForgeError,
      toResponse: (err) => ({
        status: err.status,
        body: { error: { code: err.code, message: err.message } },
        headers: { ...err.headers }
      }),
      routeNotFound: () => new ForgeError(404, 'not_found', 'Not found'),
      tooLarge: () => new ForgeError(413, 'payload_too_large', 'Request body too large'),
      invalidJson: () => new ForgeError(400, 'bad_request', 'Request body is not valid JSON'),
      fault: (fault) => {
        if (fault.kind === 'rate-limit') {
          const wait = String(fault.retryAfter ?? 1)
          return new ForgeError(429, 'rate_limited', DEFAULT_MESSAGE[429]!, {
            'RateLimit-Limit': String(o.requestsPerWindow),
            'RateLimit-Remaining': '0',
            'RateLimit-Reset': wait,
            'Retry-After': wait
          })
        }
        return new ForgeError(
          fault.status,
          CODE_OF_STATUS[fault.status] ?? 'error',
          fault.message ?? DEFAULT_MESSAGE[fault.status] ?? `HTTP ${fault.status}`,
          fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) }
        )
      },
      internal: () => new ForgeError(500, 'internal_error', DEFAULT_MESSAGE[500]!)
    }
  }
}
