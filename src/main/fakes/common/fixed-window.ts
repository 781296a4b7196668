/**
 * Fixed-window request counters (e.g. "120 per minute"): windows are aligned to the clock
 * (a minute window runs from :00 to :59), and a rejected request is not counted.
 */
export class FixedWindowCounter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>()

  constructor(private readonly windowMs: number) {}

  /** Start of the window containing `nowMs`. */
  windowStart(nowMs: number): number {
    return Math.floor(nowMs / this.windowMs) * this.windowMs
  }

  /** End (exclusive) of the window containing `nowMs`. */
  windowEnd(nowMs: number): number {
    return this.windowStart(nowMs) + this.windowMs
  }

  /** Requests counted for `key` in the current window. */
  used(key: string, nowMs: number): number {
    const entry = this.counts.get(key)
    return entry && entry.windowStart === this.windowStart(nowMs) ? entry.count : 0
  }

  increment(key: string, nowMs: number): void {
    const start = this.windowStart(nowMs)
    const entry = this.counts.get(key)
    if (entry && entry.windowStart === start) entry.count++
    else this.counts.set(key, { windowStart: start, count: 1 })
  }
}
