import {
  limitOf,
  nextSlot,
  observe as observeBudget,
  planPass,
  prune,
  type BudgetState,
  type PassPlan
} from './budget'
import { newFairShare, observeShare, recordSend, shareWait, sharers, type FairShareState } from './fair-share'
import type { SharedBudget } from './shared-budget'

/**
 * Keeps a connection under its vendor's documented request limits and obeys
 * the live signals (X-RateLimit-Remaining/Reset, Retry-After). It plans never
 * to exceed a limit rather than reacting to 429s.
 *
 * Two modes. By default each limit is a sliding window over our own sends, and
 * the live headers, which the account's PCs share, say when others spend too: then
 * this PC keeps to its fair share of what is left (see ./fair-share.ts).
 * In budget mode (a vendor whose limit is a large rolling window, e.g. an
 * hour) the vendor's headers lead, a share of the window is kept in reserve
 * for interactive requests, and the pacer can say how a run of pages will
 * play out (see ./budget.ts).
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

export interface BudgetPolicy {
  /** Share of the window background requests leave unused (e.g. 0.1). */
  reserve: number
}

/** Background requests (sync pages) keep out of the reserve; interactive ones may use it. */
export type Priority = 'background' | 'interactive'

/** What a budget-mode pacer tells about a run of pages. */
export interface BudgetPlan extends PassPlan {
  limit: number
  windowMs: number
  /** Pages a window gives background requests. */
  capacity: number
}

/** Intervals longer than this between two background sends are idle time, not the cost of a page. */
const MAX_PAGE_INTERVAL_MS = 10_000

export class Pacer {
  private sent: number[] = []
  private blockedUntil = 0
  private readonly share: FairShareState = newFairShare()
  private readonly budget?: BudgetState
  private lastBackground?: number
  /** Smoothed time between two background sends when nothing held them back: a page's full cost. */
  private msPerPage?: number

  constructor(
    private readonly limits: RateLimit[],
    private readonly clock: PacerClock = realClock,
    private readonly policy?: BudgetPolicy,
    /** The account's bucket in the site database, where a site has one (sliding-window mode only). */
    private readonly shared?: SharedBudget
  ) {
    if (policy) {
      const first = limits[0] ?? { requests: 1, perMs: 1000 }
      this.budget = { sent: [], windowMs: first.perMs, limit: first.requests }
    }
  }

  /** Waits until a request may go out; returns how long it waited. */
  async acquire(priority: Priority = 'interactive', onWait?: (ms: number) => void): Promise<number> {
    return (await this.acquireSlot(priority, onWait)).waited
  }

  /**
   * Waits until a request may go out and counts it as sent at the returned
   * instant. `onWait` hears of each wait before it starts.
   */
  async acquireSlot(
    priority: Priority = 'interactive',
    onWait?: (ms: number) => void
  ): Promise<{ waited: number; at: number }> {
    let waited = 0
    const pause = async (ms: number) => {
      onWait?.(ms)
      await this.clock.sleep(ms)
      waited += ms
    }
    for (;;) {
      const now = this.clock.now()
      const own = Math.max(
        this.blockedUntil - now,
        this.budget ? this.budgetWait(now, priority) : this.windowWait(now)
      )
      if (own > 0) {
        await pause(own)
        continue
      }
      // The site's bucket for the account, when there is one, instead of this PC's guess at its share.
      const shared = this.shared && !this.budget ? await this.shared.take(this.limits[0]!) : undefined
      const wait = shared ?? (this.budget ? 0 : this.fairWait(this.clock.now()))
      if (wait > 0) {
        await pause(wait)
        continue
      }
      const at = this.clock.now()
      this.record(at, priority, waited)
      return { waited, at }
    }
  }

  /** Live headers: the vendor's own count wins over ours when it is stricter. */
  observe(
    remaining: number | undefined,
    resetAtMs: number | undefined,
    extra: { limit?: number; sentAt?: number } = {}
  ): void {
    if (this.budget && remaining !== undefined && resetAtMs !== undefined) {
      observeBudget(this.budget, {
        limit: extra.limit ?? limitOf(this.budget),
        remaining,
        resetAt: resetAtMs,
        sentAt: extra.sentAt ?? this.clock.now()
      })
    }
    if (!this.budget && remaining !== undefined && resetAtMs !== undefined) {
      if (this.shared && this.limits[0]) this.shared.refill(remaining, resetAtMs, this.limits[0])
      observeShare(this.share, {
        limit: extra.limit ?? this.limits[0]?.requests ?? remaining,
        remaining,
        resetAt: resetAtMs,
        at: this.clock.now()
      })
    }
    if (remaining !== undefined && remaining <= 0 && resetAtMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, resetAtMs)
    }
  }

  /** After a 429/503 with Retry-After: nothing goes out before then. */
  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms)
  }

  /** Budget mode: how `pages` background requests will play out from now; undefined otherwise. */
  plan(pages: number): BudgetPlan | undefined {
    if (!this.budget) return undefined
    const now = this.clock.now()
    const capacity = this.capacity('background')
    const p = planPass(this.budget, Math.max(now, this.blockedUntil), {
      pages,
      capacity,
      msPerRequest: this.msPerPage ?? 0
    })
    return { ...p, limit: limitOf(this.budget), windowMs: this.budget.windowMs, capacity }
  }

  /** Budget mode: how long the next request of this priority would wait now. */
  waitFor(priority: Priority): number {
    const now = this.clock.now()
    return Math.max(
      0,
      this.blockedUntil - now,
      this.budget ? this.budgetWait(now, priority) : this.windowWait(now)
    )
  }

  /** How many PCs this one sees spending the account's limit, itself included (1 when alone). */
  get sharers(): number {
    return sharers(this.share)
  }

  private fairWait(now: number): number {
    return shareWait(this.share, now)
  }

  private capacity(priority: Priority): number {
    const limit = limitOf(this.budget!)
    if (priority === 'interactive') return limit
    return Math.max(1, limit - Math.ceil(limit * this.policy!.reserve))
  }

  private budgetWait(now: number, priority: Priority): number {
    prune(this.budget!, now)
    return nextSlot(this.budget!, now, this.capacity(priority)) - now
  }

  private record(now: number, priority: Priority, waited: number): void {
    if (!this.budget) {
      this.sent.push(now)
      recordSend(this.share, now)
      return
    }
    this.budget.sent.push(now)
    if (priority !== 'background') return
    const interval = this.lastBackground === undefined ? undefined : now - this.lastBackground
    const outlier = this.msPerPage !== undefined && interval !== undefined && interval > this.msPerPage * 5
    if (waited === 0 && interval !== undefined && interval < MAX_PAGE_INTERVAL_MS && !outlier)
      this.msPerPage = this.msPerPage === undefined ? interval : this.msPerPage * 0.8 + interval * 0.2
    this.lastBackground = now
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
