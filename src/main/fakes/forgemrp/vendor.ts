/**
 * The ForgeMRP request pipeline:
 *
 *   bearer key (shape, check digits, known, not revoked) → 401 unauthorized
 *   → rate limit (RateLimit-* on every answer from here on) → 429 rate_limited + Retry-After
 *   → route (404) → scope (403 insufficient_scope naming it) → body size (413)
 *   → POST: Idempotency-Key (a repeat returns the original answer) → handler → ledger
 */
import { createHash } from 'node:crypto'
import type { FakeRequest, FakeResponse, FakeVendor } from '../common/http-server'
import { FixedWindowCounter } from '../common/fixed-window'
import { Router } from '../common/router'
import type { LedgerEntry } from '../common/types'
import type { ForgeData } from './data'
import { CODE_OF_STATUS, DEFAULT_MESSAGE, errorBody, ForgeError, insufficientScope } from './errors'
import { forgeRoutes, type ForgeContext, type ForgeRoute } from './handlers'
import { hasScope, parseKey } from './keys'

export const FORGE_BASE_PATH = '/api/v1'
/** ASSUMPTION: the body size limit is not documented; 1 MB → 413. */
const MAX_BODY_BYTES = 1024 * 1024
/** ASSUMPTION (U9): idempotency keys are kept for 24 hours. */
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

export interface ForgeVendorOptions {
  /** Requests per key per window (U10: the real numbers are not published). */
  requestsPerWindow: number
  windowMs: number
}

interface Remembered {
  bodyHash: string
  at: number
  /** Undefined while the first request with this key is still being handled. */
  response?: { status: number; rawJson: string }
}

export function createForgeVendor(data: ForgeData, ledger: LedgerEntry[], o: ForgeVendorOptions): FakeVendor {
  const router = new Router<ForgeRoute>()
  for (const route of forgeRoutes) router.add(route.method, route.pattern, route)
  const window = new FixedWindowCounter(o.windowMs)
  const idempotency = new Map<string, Remembered>()

  const rateHeaders = (keyId: string, now: number): { allowed: boolean; headers: Record<string, string> } => {
    const used = window.used(keyId, now)
    const reset = String(Math.max(1, Math.ceil((window.windowEnd(now) - now) / 1000)))
    const allowed = used < o.requestsPerWindow
    if (allowed) window.increment(keyId, now)
    const headers: Record<string, string> = {
      'RateLimit-Limit': String(o.requestsPerWindow),
      'RateLimit-Remaining': String(Math.max(0, o.requestsPerWindow - used - (allowed ? 1 : 0))),
      // Documented: seconds until the window resets (not an epoch).
      'RateLimit-Reset': reset
    }
    if (!allowed) headers['Retry-After'] = reset
    return { allowed, headers }
  }

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const auth = req.headers.authorization
    const m = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null
    if (!m) return error(new ForgeError(401, 'unauthorized', 'Missing API key'))
    const parsed = parseKey(m[1]!)
    if (!parsed.ok) return error(new ForgeError(401, 'unauthorized', parsed.reason))
    const key = data.keys.get(parsed.keyId)
    if (!key || key.revoked || key.secret !== parsed.secret || key.mode !== parsed.mode)
      return error(new ForgeError(401, 'unauthorized', 'Invalid API key'))
    // The key id names the key in the log; the secret is never kept there.
    req.log.apiKey = `fmrp_${key.mode}_${key.keyId}`

    const now = data.now()
    const rate = rateHeaders(key.keyId, now)
    if (!rate.allowed) return error(new ForgeError(429, 'rate_limited', 'Rate limit exceeded', rate.headers))
    try {
      const match = router.match(req.method, req.path)
      if (match.kind !== 'found') throw new ForgeError(404, 'not_found', 'Not found')
      const route = match.handler
      if (!hasScope(key.scopes, route.scope)) throw insufficientScope(route.scope)
      if (req.bodyTooLarge) throw new ForgeError(413, 'payload_too_large', 'Request body too large')
      const ctx = makeContext(data, match.params, req.query, req.rawBody, now)
      const response =
        req.method === 'POST' ? await idempotent(req, ctx, route) : (await req.slow(), ok(route.handler(ctx)))
      return { ...response, headers: { ...response.headers, ...rate.headers } }
    } catch (err) {
      if (err instanceof ForgeError) return error(err, rate.headers)
      throw err
    }
  }

  /** Documented: a retry with the same Idempotency-Key returns the original response and creates nothing. */
  async function idempotent(req: FakeRequest, ctx: ForgeContext, route: ForgeRoute): Promise<FakeResponse> {
    const header = req.headers['idempotency-key']
    const idemKey = typeof header === 'string' && header !== '' ? header : undefined
    const run = async (): Promise<FakeResponse> => {
      await req.slow()
      const result = route.handler(ctx)
      ledger.push({
        id: ledger.length + 1,
        method: req.method,
        path: req.path,
        ...(idemKey && { idempotencyKey: idemKey }),
        body: ctx.body(),
        at: new Date(ctx.now).toISOString(),
        status: result.status,
        ...(result.resourceId !== undefined && { resourceId: result.resourceId })
      })
      return { status: result.status, rawJson: JSON.stringify(result.body) }
    }
    if (!idemKey) return run()
    req.log.idempotencyKey = idemKey
    const bodyHash = createHash('sha256').update(req.rawBody).digest('hex')
    const seen = idempotency.get(idemKey)
    if (seen && ctx.now - seen.at < IDEMPOTENCY_TTL_MS) {
      if (seen.bodyHash !== bodyHash)
        throw new ForgeError(
          422,
          'validation_error',
          'Idempotency-Key was already used with a different body'
        )
      if (!seen.response)
        throw new ForgeError(409, 'conflict', 'A request with this Idempotency-Key is still in progress')
      req.log.replayed = true
      return { ...seen.response }
    }
    const entry: Remembered = { bodyHash, at: ctx.now }
    idempotency.set(idemKey, entry)
    try {
      const response = await run()
      entry.response = { status: response.status, rawJson: response.rawJson! }
      return response
    } catch (err) {
      // A refused request applied nothing: the same key may be used again.
      idempotency.delete(idemKey)
      throw err
    }
  }

  return {
    basePath: FORGE_BASE_PATH,
    maxBodyBytes: MAX_BODY_BYTES,
    handle,
    faultResponse: (fault) => {
      if (fault.kind === 'rate-limit') {
        const wait = String(fault.retryAfter ?? 1)
        return error(
          new ForgeError(429, 'rate_limited', DEFAULT_MESSAGE[429]!, {
            'RateLimit-Limit': String(o.requestsPerWindow),
            'RateLimit-Remaining': '0',
            'RateLimit-Reset': wait,
            'Retry-After': wait
          })
        )
      }
      return error(
        new ForgeError(
          fault.status,
          CODE_OF_STATUS[fault.status] ?? 'error',
          fault.message ?? DEFAULT_MESSAGE[fault.status] ?? `HTTP ${fault.status}`,
          fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) }
        )
      )
    },
    notFound: () => error(new ForgeError(404, 'not_found', 'Not found')),
    internalError: () => error(new ForgeError(500, 'internal_error', DEFAULT_MESSAGE[500]!))
  }
}

function ok(result: { status: number; body: unknown }): FakeResponse {
  return { status: result.status, body: result.body }
}

function error(err: ForgeError, headers: Record<string, string> = {}): FakeResponse {
  return { status: err.status, body: errorBody(err), headers: { ...headers, ...err.headers } }
}

function makeContext(
  data: ForgeData,
  params: ForgeContext['params'],
  query: URLSearchParams,
  raw: Buffer,
  now: number
): ForgeContext {
  let parsed: { value: unknown } | undefined
  return {
    data,
    params,
    query,
    now,
    body() {
      if (!parsed) {
        try {
          parsed = { value: raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown) }
        } catch {
          throw new ForgeError(400, 'bad_request', 'Request body is not valid JSON')
        }
      }
      return parsed.value
    }
  }
}
