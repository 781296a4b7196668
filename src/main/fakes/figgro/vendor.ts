/**
 * Figgro's part of the shared pipeline (common/pipeline.ts), GET only (a read-only API):
 *
 *   X-Api-Key → 401 UNAUTHORIZED
 *   → rolling window (1,000 per 60 min by default) → 429 RATE_LIMITED + Retry-After (not counted)
 *   → route → 404 NOT_FOUND (writes have no route) → key scope → 403 FORBIDDEN (U15)
 *   → page / startDate / endDate → 400 BAD_REQUEST
 *   → the page envelope { page, page_size, total_records, total_pages, data }, 25 per page (U7)
 *
 * Every answer to a known key carries X-RateLimit-Limit/Remaining/Reset (U16); Reset is when the
 * oldest counted request leaves the window (U18).
 */
import {
  FIGGRO_DATED,
  FIGGRO_PAGE_SIZE,
  FIGGRO_PATHS,
  type FiggroEndpoint
} from '../../../shared/vendors/figgro/assumptions'
import type { FakeRoute, HandlerContext, VendorSpec } from '../common/pipeline'
import type { RollingWindowCounter } from '../common/rolling-window'
import type { FgRecord, FiggroData, KeyScopes } from './data'

export const FIGGRO_BASE_PATH = '/api/v1'

/** Documented codes and messages; the 401 text is the seed's own example. */
const ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'Malformed query parameters or invalid date format.' },
  401: { code: 'UNAUTHORIZED', message: 'Invalid or missing X-Api-Key header.' },
  403: { code: 'FORBIDDEN', message: 'The API key does not have access to the requested resource.' },
  404: { code: 'NOT_FOUND', message: 'Endpoint does not exist or resource not found.' },
  429: { code: 'RATE_LIMITED', message: 'Exceeded 1,000 requests / hour.' },
  500: { code: 'INTERNAL_ERROR', message: 'Unexpected server error.' },
  503: { code: 'UNAVAILABLE', message: 'Service temporarily unavailable for maintenance.' }
}

/** `{ code, message }`, the one documented error body. */
export class FgError extends Error {
  constructor(
    readonly status: number,
    message?: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message ?? ERRORS[status]?.message ?? `HTTP ${status}`)
  }
}

interface Caller {
  key: string
  scope: KeyScopes extends Map<string, infer S> ? S : never
}

const endpointOf = new Map<string, FiggroEndpoint>(
  Object.entries(FIGGRO_PATHS).map(([e, path]) => [path, e as FiggroEndpoint])
)

function listRoute(endpoint: FiggroEndpoint): FakeRoute<FiggroData> {
  return {
    method: 'GET',
    pattern: FIGGRO_PATHS[endpoint],
    handler(ctx: HandlerContext<FiggroData>) {
      const q = parseQuery(ctx.query, FIGGRO_DATED.includes(endpoint))
      const rows = ctx.data
        .list(endpoint)
        .filter((r) => q.from === undefined || startOf(r) >= q.from)
        .filter((r) => q.to === undefined || startOf(r) <= q.to)
      const start = (q.page - 1) * FIGGRO_PAGE_SIZE
      return {
        status: 200,
        body: {
          page: q.page,
          page_size: FIGGRO_PAGE_SIZE,
          total_records: rows.length,
          total_pages: Math.ceil(rows.length / FIGGRO_PAGE_SIZE),
          data: rows.slice(start, start + FIGGRO_PAGE_SIZE)
        }
      }
    }
  }
}

export function figgroSpec(
  data: FiggroData,
  window: RollingWindowCounter
): VendorSpec<FiggroData, Caller, FgError> {
  const rateHeaders = (key: string, now: number): Record<string, string> => ({
    'X-RateLimit-Limit': String(window.limit),
    'X-RateLimit-Remaining': String(Math.max(0, window.limit - window.used(key, now))),
    'X-RateLimit-Reset': String(Math.ceil(window.nextFreeAt(key, now) / 1000))
  })
  return {
    basePath: FIGGRO_BASE_PATH,
    maxBodyBytes: 64 * 1024,
    routes: (Object.keys(FIGGRO_PATHS) as FiggroEndpoint[]).map(listRoute),
    authenticate(req, now) {
      const header = req.headers['x-api-key']
      const key = Array.isArray(header) ? header[0] : header
      const scope = key ? data.keys.get(key) : undefined
      if (!key || !scope) throw new FgError(401)
      req.log.apiKey = key
      if (!window.take(key, now)) {
        const retryAfter = Math.max(1, Math.ceil((window.nextFreeAt(key, now) - now) / 1000))
        throw new FgError(429, undefined, { ...rateHeaders(key, now), 'Retry-After': String(retryAfter) })
      }
      return { principal: { key, scope }, headers: rateHeaders(key, now) }
    },
    authorize(caller, req) {
      const endpoint = endpointOf.get(req.path)
      if (caller.scope !== 'all' && (!endpoint || !caller.scope.has(endpoint))) throw new FgError(403)
    },
    errors: {
      is: (err): err is FgError => err instanceof FgError,
      toResponse: (err) => ({
        status: err.status,
        headers: err.headers,
        body: { code: ERRORS[err.status]?.code ?? 'INTERNAL_ERROR', message: err.message }
      }),
      routeNotFound: () => new FgError(404),
      tooLarge: () => new FgError(400),
      invalidJson: () => new FgError(400),
      fault: (fault) =>
        fault.kind === 'rate-limit'
          ? new FgError(429, undefined, { 'Retry-After': String(fault.retryAfter ?? 1) })
          : new FgError(
              fault.status,
              fault.message,
              fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) }
            ),
      internal: () => new FgError(500)
    }
  }
}

const startOf = (r: FgRecord) => ('startDate' in r ? Date.parse(r.startDate) : 0)

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** `page` (1-based, default 1); startDate/endDate on job endpoints (U6: inclusive, a bare end date covers its day). */
function parseQuery(q: URLSearchParams, dated: boolean): { page: number; from?: number; to?: number } {
  const pageText = q.get('page')
  if (pageText !== null && (!/^\d+$/.test(pageText) || Number(pageText) < 1))
    throw new FgError(400, 'page must be a positive integer.')
  const out: { page: number; from?: number; to?: number } = { page: pageText === null ? 1 : Number(pageText) }
  if (!dated) return out
  for (const name of ['startDate', 'endDate'] as const) {
    const v = q.get(name)
    if (v === null || v === '') continue
    const ms = DATE_ONLY.test(v) || DATE_TIME.test(v) ? Date.parse(v) : NaN
    if (Number.isNaN(ms))
      throw new FgError(400, `${name} must be an ISO 8601 date (YYYY-MM-DD) or date-time.`)
    if (name === 'startDate') out.from = ms
    else out.to = DATE_ONLY.test(v) ? ms + 86_400_000 - 1 : ms
  }
  return out
}
