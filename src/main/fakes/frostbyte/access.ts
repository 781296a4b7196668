/**
 * Keys, scopes and rate limits, as documented:
 * - `Authorization: Bearer <key>` (preferred) or `X-API-Key: <key>`; unknown, revoked and
 *   expired keys all get `401 invalid_api_key`.
 * - Scopes `read` / `write` (write implies read) or `<family>:read` / `<family>:write`, the
 *   family being the URL's first path segment; otherwise `403 insufficient_scope`.
 * - 120 requests/minute per key and 600/minute per org; `X-RateLimit-*` on every
 *   authenticated response, `429 rate_limit_exceeded` + `Retry-After` past either limit.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { FixedWindowCounter } from '../common/fixed-window'
import { fbError } from './errors'

export const ALL_SCOPES = ['read', 'write'] as const

/** ASSUMPTION (U13): which family each first path segment belongs to. */
const FAMILY: Record<string, string> = {
  products: 'products',
  categories: 'products',
  'units-of-measure': 'products',
  'price-tiers': 'products',
  'stock-on-hand': 'inventory',
  warehouses: 'inventory',
  'stock-adjustments': 'inventory',
  batches: 'inventory',
  'serial-numbers': 'inventory',
  customers: 'customers',
  'customer-groups': 'customers',
  'sales-reps': 'customers',
  suppliers: 'suppliers',
  'sales-orders': 'sales-orders',
  'purchase-orders': 'purchase-orders',
  invoices: 'invoices',
  shipments: 'shipments',
  reports: 'reports',
  webhooks: 'webhooks'
}

/** The key a request carries, if any. */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth)
    if (m) return m[1]
  }
  const x = headers['x-api-key']
  return typeof x === 'string' && x.length > 0 ? x : undefined
}

/** Throws 403 unless `scopes` allow `method` on `path`. */
export function checkScope(scopes: readonly string[], method: string, path: string): void {
  const segment = path.split('/').filter(Boolean)[0] ?? ''
  const family = FAMILY[segment] ?? segment
  const read = method === 'GET' || method === 'HEAD'
  const ok =
    scopes.includes('write') ||
    scopes.includes(`${family}:write`) ||
    (read && (scopes.includes('read') || scopes.includes(`${family}:read`)))
  if (!ok) throw fbError.insufficientScope(read ? `read or ${family}:read` : `write or ${family}:write`)
}

export interface RateDecision {
  allowed: boolean
  headers: Record<string, string>
}

/**
 * ASSUMPTION (U17): fixed 60 s windows aligned to the clock's minutes; a rejected request
 * is not counted. X-RateLimit-Limit is the per-key limit and X-RateLimit-Remaining the
 * smaller of what the key and the org have left.
 */
export class RateLimiter {
  private readonly perKey = new FixedWindowCounter(60_000)
  private readonly perOrg = new FixedWindowCounter(60_000)
  private readonly failedAuthCounter = new FixedWindowCounter(60_000)

  constructor(
    private readonly keyLimit: number,
    private readonly orgLimit: number,
    private readonly failedAuthLimit: number
  ) {}

  take(apiKey: string, org: string, nowMs: number): RateDecision {
    const keyUsed = this.perKey.used(apiKey, nowMs)
    const orgUsed = this.perOrg.used(org, nowMs)
    const resetMs = this.perKey.windowEnd(nowMs)
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.keyLimit),
      'X-RateLimit-Reset': String(Math.ceil(resetMs / 1000))
    }
    if (keyUsed >= this.keyLimit || orgUsed >= this.orgLimit) {
      headers['X-RateLimit-Remaining'] = '0'
      headers['Retry-After'] = String(Math.max(1, Math.ceil((resetMs - nowMs) / 1000)))
      return { allowed: false, headers }
    }
    this.perKey.increment(apiKey, nowMs)
    this.perOrg.increment(org, nowMs)
    headers['X-RateLimit-Remaining'] = String(
      Math.min(this.keyLimit - keyUsed - 1, this.orgLimit - orgUsed - 1)
    )
    return { allowed: true, headers }
  }

  /**
   * ASSUMPTION: "repeated failed authentication from one IP is throttled" — after
   * `failedAuthLimit` failures in a minute, further failures from that address get 429
   * instead of 401 (good keys from the same address are not affected).
   */
  failedAuth(ip: string, nowMs: number): { throttled: boolean; retryAfter: number } {
    const used = this.failedAuthCounter.used(ip, nowMs)
    const retryAfter = Math.max(1, Math.ceil((this.failedAuthCounter.windowEnd(nowMs) - nowMs) / 1000))
    if (used >= this.failedAuthLimit) return { throttled: true, retryAfter }
    this.failedAuthCounter.increment(ip, nowMs)
    return { throttled: false, retryAfter }
  }
}
