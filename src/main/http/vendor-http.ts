import { classifyStatus, networkWords, retryable, type VendorErrorInfo } from '../../shared/vendors/errors'
import { backoffMs, type BackoffPolicy } from '../../shared/backoff'
import { vendorUrl } from './vendor-url'
import {
  Pacer,
  realClock,
  xRateLimitHeaders,
  type BudgetPolicy,
  type PacerClock,
  type Priority,
  type RateLimit,
  type RateLimitHeaders
} from './pacer'
import type { SharedBudget } from './shared-budget'

/** Reads of a page whose answer cannot be read, before the resource is given up. */
const UNREADABLE_ATTEMPTS = 4

export class VendorError extends Error implements VendorErrorInfo {
  readonly kind: VendorErrorInfo['kind']
  readonly status?: number
  readonly code?: string
  readonly details?: VendorErrorInfo['details']
  readonly retryAfterMs?: number
  readonly advice?: string
  endpoint?: string

  constructor(info: VendorErrorInfo) {
    super(info.message)
    this.kind = info.kind
    if (info.status !== undefined) this.status = info.status
    if (info.code !== undefined) this.code = info.code
    if (info.details !== undefined) this.details = info.details
    if (info.retryAfterMs !== undefined) this.retryAfterMs = info.retryAfterMs
    if (info.advice !== undefined) this.advice = info.advice
    if (info.endpoint !== undefined) this.endpoint = info.endpoint
  }

  toInfo(): VendorErrorInfo {
    const { kind, status, code, message, details, retryAfterMs, advice, endpoint } = this
    return {
      kind,
      message,
      ...(advice && { advice }),
      ...(endpoint && { endpoint }),
      ...(status && { status }),
      ...(code && { code }),
      ...(details && { details }),
      ...(retryAfterMs && { retryAfterMs })
    }
  }
}

export interface VendorResponse {
  status: number
  headers: Headers
  /** The raw body, for writes whose answer is recorded as received. */
  text: string
  json: unknown
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>
  headers?: Record<string, string>
  /** Exact body bytes; sent as-is so a retry is byte-identical. */
  body?: string
  /** Reads retry by themselves; writes are retried by the outbox, which owns their fate. */
  retry?: boolean
  /** Sync pages are background: under a request budget they leave the reserve to people. */
  priority?: Priority
  /**
   * false: send no auth headers of the connection's own (a session's login or
   * refresh, which carry their credentials in `body` or `headers`).
   */
  auth?: boolean
  /**
   * Runs when the request's slot has come, just before it is sent (after any
   * pacing wait): a request whose credentials may have aged during the wait
   * (a token refresh) checks them here and throws to be sent no more.
   */
  beforeSend?: () => void
}

export interface VendorHttpOptions {
  baseUrl: string
  /** Adds the vendor's auth to each request; the key stays inside this closure. */
  authHeaders: () => Promise<Record<string, string>>
  /**
   * The vendor refused the auth headers a request carried (401). Resolves true
   * when fresh ones were obtained (e.g. a new login): the request is then sent
   * once more, and only once. Absent: a 401 is final.
   */
  renewAuth?: (refused: Record<string, string>) => Promise<boolean>
  limits: RateLimit[]
  /** The vendor's live rate-limit headers (default: X-RateLimit-*, reset as epoch seconds). */
  rateLimitHeaders?: RateLimitHeaders
  /** A rolling budget led by the vendor's headers, with a reserve (see pacer.ts). */
  budget?: BudgetPolicy
  /** The account's budget shared by a site's PCs through the site database (see shared-budget.ts). */
  sharedBudget?: SharedBudget
  /** Turns an error body into a code, message and field details. */
  parseError: (
    status: number,
    body: unknown
  ) => Pick<VendorErrorInfo, 'code' | 'message' | 'details' | 'advice'>
  timeoutMs?: number
  maxAttempts?: number
  clock?: PacerClock
  random?: () => number
  onWait?: (ms: number, reason: 'rate-limit' | 'retry', error?: VendorErrorInfo) => void
  onResponse?: (res: Response) => void
}

/**
 * How long an answer is waited for. A read waits long: on a busy PC (or a busy
 * vendor) a slow answer is still an answer, and asking again would spend the
 * vendor's budget twice; a lost one shows up as a dropped connection, not a
 * silence. A write's answer is the outbox's to judge, sooner.
 */
const READ_TIMEOUT_MS = 120_000
const WRITE_TIMEOUT_MS = 30_000

/** Reads retried by the HTTP client: full jitter, 0.5 s doubling to 30 s. */
const READ_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000, jitter: 1 }

/**
 * The vendor gateway's HTTP layer: pacing, timeouts, retries with full jitter
 * that honour Retry-After, and one error taxonomy for every vendor.
 */
export class VendorHttp {
  readonly pacer: Pacer
  requestCount = 0
  /** Requests sent again, by what the one before met ('timeout', 'network', 'rate-limited', …). */
  readonly retries: Record<string, number> = {}
  readonly clock: PacerClock
  private readonly random: () => number

  constructor(private readonly o: VendorHttpOptions) {
    this.clock = o.clock ?? realClock
    this.random = o.random ?? Math.random
    this.pacer = new Pacer(o.limits, this.clock, o.budget, o.sharedBudget)
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<VendorResponse> {
    const attempts = opts.retry === false ? 1 : (this.o.maxAttempts ?? 8)
    let renewed = false
    for (let attempt = 1; ; attempt++) {
      // The wait is announced before it starts, so people see "waiting until …" while it lasts.
      const { at } = await this.pacer.acquireSlot(opts.priority, (ms) => this.o.onWait?.(ms, 'rate-limit'))
      // Outside the try: a session that cannot log in fails this request with its own error.
      opts.beforeSend?.()
      const auth = opts.auth === false ? {} : await this.o.authHeaders()
      try {
        return await this.once(method, path, opts, at, auth)
      } catch (err) {
        const e =
          err instanceof VendorError ? err : new VendorError({ kind: 'network', message: String(err) })
        e.endpoint ??= `${method} ${path}`
        if (e.kind === 'unauthorized' && opts.auth !== false && this.o.renewAuth && !renewed) {
          renewed = true
          if (await this.o.renewAuth(auth)) {
            this.retries['renewed-auth'] = (this.retries['renewed-auth'] ?? 0) + 1
            attempt--
            continue
          }
        }
        if (e.retryAfterMs) this.pacer.blockFor(e.retryAfterMs)
        // An unreadable 2xx (an HTML page from a proxy, JSON cut short) is often passing: a read
        // tries again a few times. A write's answer is never re-requested here; the outbox owns it.
        const unreadable = e.kind === 'malformed' && attempts > 1
        if (unreadable && attempt >= Math.min(attempts, UNREADABLE_ATTEMPTS))
          throw new VendorError({ ...e.toInfo(), message: `${e.message} (tried ${attempt} times)` })
        if (!unreadable && (!retryable(e.kind) || attempt >= attempts)) throw e
        this.retries[e.kind] = (this.retries[e.kind] ?? 0) + 1
        const wait = backoffMs(attempt - 1, READ_BACKOFF, this.random, e.retryAfterMs ?? 0)
        this.o.onWait?.(wait, e.kind === 'rate-limited' ? 'rate-limit' : 'retry', e.toInfo())
        await this.clock.sleep(wait)
      }
    }
  }

  private async once(
    method: string,
    path: string,
    opts: RequestOptions,
    sentAt: number,
    auth: Record<string, string>
  ): Promise<VendorResponse> {
    const url = vendorUrl(this.o.baseUrl, path)
    if (!url)
      throw new VendorError({
        kind: 'invalid',
        message: `Stockroom refused to send a request outside the connection's address (${JSON.stringify(path.slice(0, 120))}).`
      })
    for (const [k, v] of Object.entries(opts.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v))
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...auth,
      ...opts.headers
    }
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
    this.requestCount++
    let res: Response
    let text: string
    try {
      res = await fetch(url, {
        method,
        headers,
        ...(opts.body !== undefined && { body: opts.body }),
        signal: AbortSignal.timeout(
          this.o.timeoutMs ?? (method === 'GET' ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS)
        )
      })
      text = await res.text()
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } }
      const timeout = e.name === 'TimeoutError'
      const code = e.cause?.code
      throw new VendorError({
        kind: timeout ? 'timeout' : 'network',
        message: timeout ? 'no answer in time' : networkWords(code),
        ...(code && { code })
      })
    }
    this.o.onResponse?.(res)
    const style = this.o.rateLimitHeaders ?? xRateLimitHeaders
    const remaining = numberHeader(res.headers, style.remaining)
    const reset = numberHeader(res.headers, style.reset)
    const limit = numberHeader(res.headers, 'x-ratelimit-limit')
    this.pacer.observe(
      remaining,
      reset === undefined
        ? undefined
        : style.resetIs === 'epoch-seconds'
          ? reset * 1000
          : this.clock.now() + reset * 1000,
      { sentAt, ...(limit !== undefined && { limit }) }
    )

    let json: unknown = undefined
    if (text.length > 0) {
      try {
        json = JSON.parse(text)
      } catch {
        if (res.ok)
          throw new VendorError({ kind: 'malformed', status: res.status, message: 'the answer is not JSON' })
      }
    }
    if (res.ok) return { status: res.status, headers: res.headers, text, json }

    const parsed = this.o.parseError(res.status, json)
    const retryAfter = numberHeader(res.headers, 'retry-after')
    throw new VendorError({
      kind: classifyStatus(res.status, parsed.code),
      status: res.status,
      message: parsed.message,
      ...(parsed.code && { code: parsed.code }),
      ...(parsed.details && { details: parsed.details }),
      ...(parsed.advice && { advice: parsed.advice }),
      ...(retryAfter !== undefined && { retryAfterMs: retryAfter * 1000 })
    })
  }
}

function numberHeader(h: Headers, name: string): number | undefined {
  const v = h.get(name)
  if (v === null || v.trim() === '') return undefined
  const n = Number(v)
  return Number.isFinite(n) ? n : undefined
}
