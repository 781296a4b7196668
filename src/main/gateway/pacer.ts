/**
 * Keeps a connection under its vendor's documented request limits and obeys
 * the live signals (X-RateLimit-Remaining/Reset, Retry-After). It plans never
 * to exceed a limit rather than reacting to 429s.
 */
export interface PacerClock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

export interface RateLimit {
  requests: number
  perMs: number
}

/**
 * Where a vendor puts its live rate-limit state: the header names, and whether
 * the reset header is the instant of the reset (epoch seconds) or the seconds
 * until it.
 */
export interface RateLimitHeaders {
  remaining: string
  reset: string
  resetIs: 'epoch-seconds' | 'delta-seconds'
}

/** The `X-RateLimit-Remaining` / `X-RateLimit-Reset` (epoch seconds) style. */
export const xRateLimitHeaders: RateLimitHeaders = {
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
  resetIs: 'epoch-seconds'
}

export class Pacer {
  private sent: number[] = []
  private blockedUntil = 0

  constructor(
    private readonly limits: RateLimit[],
    private readonly clock: PacerClock = realClock
  ) {}

  /** Waits until a request may go out; returns how long it waited. */
  async acquire(): Promise<number> {
    let waited = 0
    for (;;) {
      const now = this.clock.now()
      const wait = Math.max(this.blockedUntil - now, this.windowWait(now))
      if (wait <= 0) {
        this.sent.push(now)
        return waited
      }
      await this.clock.sleep(wait)
      waited += wait
    }
  }

  /** Live headers: the vendor's own count wins over ours when it is stricter. */
  observe(remaining: number | undefined, resetAtMs: number | undefined): void {
    if (remaining !== undefined && remaining <= 0 && resetAtMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, resetAtMs)
    }
  }

  /** After a 429/503 with Retry-After: nothing goes out before then. */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms)
  }

  private windowWait(now: number): number {
    const longest = Math.max(0, ...this.limits.map((l) => l.perMs))
    this.sent = this.sent.filter((t) => now - t < longest)
    let wait = 0
    for (const limit of this.limits) {
      const inWindow = this.sent.filter((t) => now - t < limit.perMs)
      if (inWindow.length >= limit.requests)
        wait = Math.max(wait, inWindow[inWindow.length - limit.requests]! + limit.perMs - now)
    }
    return wait
  }
}
