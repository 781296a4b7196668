/**
 * The FractionERP request pipeline:
 *
 *   POST /auth/login (email, password → bearer token)                 ─┐
 *   other paths: bearer → 401 UNAUTHORIZED (missing, unknown, expired, revoked)
 *   → tenant: 403 ACCOUNT_INACTIVE / PLAN_RESTRICTED (API needs Pro or Moulding)
 *   → 2,000 requests per hour per user (fixed hour windows, X-RateLimit-* on every answer,
 *     429 RATE_LIMIT_EXCEEDED) → route (404 NOT_FOUND) → handler → ledger for writes
 *
 * Request bodies are kept in the request log, so a test can see exactly where a password went.
 */
import type { FakeRequest, FakeResponse, FakeVendor } from '../common/http-server'
import { FixedWindowCounter } from '../common/fixed-window'
import { HOUR } from '../common/time'
import { Router } from '../common/router'
import type { LedgerEntry } from '../common/types'
import type { FractionData } from './data'
import { errorBody, FrError, ok } from './envelope'
import { dataRoutes, type FrContext, type FrRoute } from './handlers-data'
import { isoOffset } from './serialize'

export const FRACTION_BASE_PATH = '/api/v1'
/** ASSUMPTION: the body size limit is not documented; 1 MB → 422. */
const MAX_BODY_BYTES = 1024 * 1024

const FAULT_CODES: Record<number, [string, string]> = {
  401: ['UNAUTHORIZED', 'Unauthenticated.'],
  403: ['FORBIDDEN', 'Access denied.'],
  404: ['NOT_FOUND', 'Resource not found.'],
  409: ['DUPLICATE', 'Resource already exists.'],
  422: ['VALIDATION_ERROR', 'The given data was invalid.'],
  429: ['RATE_LIMIT_EXCEEDED', 'Too many requests, please wait.']
}
const faultError = (status: number, message?: string) => {
  const [code, text] = FAULT_CODES[status] ?? ['SERVER_ERROR', 'Internal server error.']
  return new FrError(status, code, message ?? text)
}

export function createFractionVendor(data: FractionData, ledger: LedgerEntry[]): FakeVendor {
  const router = new Router<FrRoute>()
  for (const route of dataRoutes) router.add(route.method, route.pattern, route)
  const hourly = new FixedWindowCounter(HOUR)

  const limitHeaders = (userKey: string, now: number) => ({
    'X-RateLimit-Limit': String(data.hourlyLimit),
    'X-RateLimit-Remaining': String(Math.max(0, data.hourlyLimit - hourly.used(userKey, now))),
    'X-RateLimit-Reset': String(Math.ceil(hourly.windowEnd(now) / 1000))
  })

  /** Counts a request against the user's hour; a refused one is not counted. */
  const takeRate = (userKey: string, now: number) => {
    if (hourly.used(userKey, now) >= data.hourlyLimit)
      throw new FrError(
        429,
        'RATE_LIMIT_EXCEEDED',
        'Too many requests, please wait.',
        limitHeaders(userKey, now)
      )
    hourly.increment(userKey, now)
  }

  const tenantAllowed = () => {
    if (!data.tenant.active) throw new FrError(403, 'ACCOUNT_INACTIVE', 'Tenant account is inactive.')
    if (data.tenant.plan !== 'pro' && data.tenant.plan !== 'moulding')
      throw new FrError(403, 'PLAN_RESTRICTED', 'API access requires Pro or Moulding plan.')
  }

  const parseBody = (req: FakeRequest): unknown => {
    if (req.bodyTooLarge) throw new FrError(422, 'VALIDATION_ERROR', 'The request body is too large.')
    if (req.rawBody.length === 0) return undefined
    try {
      return JSON.parse(req.rawBody.toString('utf8')) as unknown
    } catch {
      throw new FrError(422, 'VALIDATION_ERROR', 'The request body is not valid JSON.')
    }
  }

  const session = (token: string, expiresAt: number) => ({
    token_type: 'Bearer',
    access_token: token,
    expires_at: isoOffset(expiresAt),
    user: { id: data.user.id, name: data.user.name, email: data.user.email },
    tenant: { id: data.tenant.id, company: data.tenant.company, plan: data.tenant.plan }
  })

  function login(req: FakeRequest, now: number): FakeResponse {
    const body = parseBody(req) as { email?: unknown; password?: unknown } | undefined
    const email = typeof body?.email === 'string' ? body.email : ''
    const password = typeof body?.password === 'string' ? body.password : ''
    if (!email || !password)
      throw new FrError(422, 'VALIDATION_ERROR', 'The given data was invalid.', undefined, [
        ...(email ? [] : [{ field: 'email', message: 'The email field is required.' }]),
        ...(password ? [] : [{ field: 'password', message: 'The password field is required.' }])
      ])
    // ASSUMPTION: logins count against the hour of the user they name.
    const userKey = `user:${email.toLowerCase()}`
    takeRate(userKey, now)
    const headers = limitHeaders(userKey, now)
    if (email.toLowerCase() !== data.user.email.toLowerCase() || password !== data.user.password)
      throw new FrError(401, 'INVALID_CREDENTIALS', 'Invalid credentials.', headers)
    tenantAllowed()
    const { token, expiresAt } = data.issueToken()
    return { status: 200, headers, body: ok(session(token, expiresAt)) }
  }

  async function authed(req: FakeRequest, now: number): Promise<FakeResponse> {
    const header = req.headers.authorization
    const token = /^Bearer\s+(\S+)$/i.exec(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''))?.[1]
    if (token) req.log.apiKey = token
    const live = token ? data.validToken(token) : undefined
    if (!token || !live) throw new FrError(401, 'UNAUTHORIZED', 'Unauthenticated.')
    tenantAllowed()
    const userKey = `user:${data.user.email.toLowerCase()}`
    takeRate(userKey, now)
    const headers = limitHeaders(userKey, now)
    try {
      if (req.path === '/auth/me' && req.method === 'GET') {
        // ASSUMPTION (U14): the login's user and tenant.
        const { user, tenant } = session(token, live.expiresAt)
        return { status: 200, headers, body: ok({ user, tenant }) }
      }
      if (req.path === '/auth/refresh' && req.method === 'POST') {
        data.revoke(token)
        const next = data.issueToken()
        return { status: 200, headers, body: ok(session(next.token, next.expiresAt)) }
      }
      if (req.path === '/auth/logout' && req.method === 'POST') {
        data.revoke(token)
        return { status: 200, headers, body: ok(null) }
      }
      const match = router.match(req.method, req.path)
      if (match.kind !== 'found') throw new FrError(404, 'NOT_FOUND', 'Resource not found.')
      await req.slow()
      const body = parseBody(req)
      const ctx: FrContext = { data, params: match.params, query: req.query, body: () => body }
      const result = match.handler.handler(ctx)
      if (req.method !== 'GET')
        ledger.push({
          id: ledger.length + 1,
          method: req.method,
          path: req.path,
          body,
          at: new Date(now).toISOString(),
          status: result.status,
          ...(result.resourceId !== undefined && { resourceId: result.resourceId })
        })
      return { status: result.status, headers, body: result.body }
    } catch (err) {
      if (err instanceof FrError)
        throw new FrError(err.status, err.code, err.message, { ...headers, ...err.headers }, err.fields)
      throw err
    }
  }

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    if (req.rawBody.length > 0) req.log.body = req.rawBody.toString('utf8')
    const now = data.now()
    try {
      if (req.path === '/auth/login') {
        if (req.method !== 'POST') throw new FrError(404, 'NOT_FOUND', 'Resource not found.')
        return login(req, now)
      }
      return await authed(req, now)
    } catch (err) {
      if (err instanceof FrError) return error(err)
      throw err
    }
  }

  return {
    basePath: FRACTION_BASE_PATH,
    maxBodyBytes: MAX_BODY_BYTES,
    handle,
    faultResponse: (fault) => {
      if (fault.kind === 'rate-limit') {
        // U9: no Retry-After is documented; the reset instant says when to come back.
        const reset = Math.ceil(data.now() / 1000) + (fault.retryAfter ?? 1)
        return error(
          new FrError(429, 'RATE_LIMIT_EXCEEDED', 'Too many requests, please wait.', {
            'X-RateLimit-Limit': String(data.hourlyLimit),
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(reset)
          })
        )
      }
      const e = faultError(fault.status, fault.message)
      return error(
        fault.retryAfter === undefined
          ? e
          : new FrError(e.status, e.code, e.message, { 'Retry-After': String(fault.retryAfter) })
      )
    },
    notFound: () => error(new FrError(404, 'NOT_FOUND', 'Resource not found.')),
    internalError: () => error(new FrError(500, 'SERVER_ERROR', 'Internal server error.'))
  }
}

function error(err: FrError): FakeResponse {
  return { status: err.status, body: errorBody(err), headers: { ...err.headers } }
}
