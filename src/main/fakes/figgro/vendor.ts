/**
 * The Figgro request pipeline (GET only, read-only API):
 *
 *   X-Api-Key → 401 UNAUTHORIZED
 *   → rolling window (1,000 per 60 min by default) → 429 RATE_LIMITED + Retry-After (not counted)
 *   → route → 404 NOT_FOUND;  method ≠ GET → 404 (no writes exist)
 *   → key scope → 403 FORBIDDEN (U15)
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
import type { FakeRequest, FakeResponse, FakeVendor } from '../common/http-server'
import type { RollingWindowCounter } from '../common/rolling-window'
import type { FiggroData, FgRecord } from './data'

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

export function figgroError(
  status: number,
  message?: string,
  headers: Record<string, string> = {}
): FakeResponse {
  const known = ERRORS[status] ?? { code: 'INTERNAL_ERROR', message: `HTTP ${status}` }
  return { status, headers, body: { code: known.code, message: message ?? known.message } }
}

const byPath = new Map(Object.entries(FIGGRO_PATHS).map(([k, v]) => [v.toLowerCase(), k as FiggroEndpoint]))

export function createFiggroVendor(data: FiggroData, window: RollingWindowCounter): FakeVendor {
  const rateHeaders = (key: string, now: number): Record<string, string> => ({
    'X-RateLimit-Limit': String(window.limit),
    'X-RateLimit-Remaining': String(Math.max(0, window.limit - window.used(key, now))),
    'X-RateLimit-Reset': String(Math.ceil(window.nextFreeAt(key, now) / 1000))
  })

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const header = req.headers['x-api-key']
    const key = Array.isArray(header) ? header[0] : header
    if (!key || !data.keys.has(key)) return figgroError(401)
    req.log.apiKey = key
    const now = data.now()
    if (!window.take(key, now)) {
      const retryAfter = Math.max(1, Math.ceil((window.nextFreeAt(key, now) - now) / 1000))
      return figgroError(429, undefined, { ...rateHeaders(key, now), 'Retry-After': String(retryAfter) })
    }
    const headers = rateHeaders(key, now)
    // Paths are case-insensitive, as on the ASP.NET host the swagger path suggests (U17).
    const endpoint = byPath.get(req.path.replace(/\/$/, '').toLowerCase())
    if (!endpoint || req.method !== 'GET') return figgroError(404, undefined, headers)
    const scope = data.keys.get(key)!
    if (scope !== 'all' && !scope.has(endpoint)) return figgroError(403, undefined, headers)
    const query = parseQuery(req.query, FIGGRO_DATED.includes(endpoint))
    if (typeof query === 'string') return figgroError(400, query, headers)
    await req.slow()
    const rows = data
      .list(endpoint)
      .filter((r) => !query.from || startOf(r) >= query.from)
      .filter((r) => !query.to || startOf(r) <= query.to)
    const totalPages = Math.ceil(rows.length / FIGGRO_PAGE_SIZE)
    const start = (query.page - 1) * FIGGRO_PAGE_SIZE
    const page = rows.slice(start, start + FIGGRO_PAGE_SIZE)
    return {
      status: 200,
      headers,
      body: {
        page: query.page,
        page_size: FIGGRO_PAGE_SIZE,
        total_records: rows.length,
        total_pages: totalPages,
        data: page
      }
    }
  }

  return {
    basePath: FIGGRO_BASE_PATH,
    maxBodyBytes: 64 * 1024,
    handle,
    faultResponse: (fault) =>
      fault.kind === 'rate-limit'
        ? figgroError(429, undefined, { 'Retry-After': String(fault.retryAfter ?? 1) })
        : figgroError(
            fault.status,
            fault.message,
            fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) }
          ),
    notFound: () => figgroError(404),
    internalError: () => figgroError(500)
  }
}

const startOf = (r: FgRecord) => ('startDate' in r ? Date.parse(r.startDate) : 0)

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

/** `page` (1-based, default 1); startDate/endDate on job endpoints (U6: inclusive, a bare end date covers its day). */
function parseQuery(
  q: URLSearchParams,
  dated: boolean
): { page: number; from?: number; to?: number } | string {
  const pageText = q.get('page')
  if (pageText !== null && !/^\d+$/.test(pageText)) return 'page must be a positive integer.'
  const page = pageText === null ? 1 : Number(pageText)
  if (page < 1) return 'page must be a positive integer.'
  const out: { page: number; from?: number; to?: number } = { page }
  if (!dated) return out
  for (const name of ['startDate', 'endDate'] as const) {
    const v = q.get(name)
    if (v === null || v === '') continue
    const ms = DATE_ONLY.test(v) || DATE_TIME.test(v) ? Date.parse(v) : NaN
    if (Number.isNaN(ms)) return `${name} must be an ISO 8601 date (YYYY-MM-DD) or date-time.`
    if (name === 'startDate') out.from = ms
    else out.to = DATE_ONLY.test(v) ? ms + 86_400_000 - 1 : ms
  }
  return out
}
