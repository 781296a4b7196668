/**
 * Rolling-window request counters ("1,000 per rolling 60 minutes"): a request
 * counts for exactly `windowMs` after it arrived; a rejected request is not counted.
 */
export class RollingWindowCounter {
  private readonly sent = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    readonly windowMs: number
  ) {}

  /** Arrival times still inside the window, oldest first. */
  private live(key: string, nowMs: number): number[] {
    const times = this.sent.get(key) ?? []
    let drop = 0
    while (drop < times.length && times[drop]! <= nowMs - this.windowMs) drop++
    if (drop > 0) times.splice(0, drop)
    this.sent.set(key, times)
    return times
  }

  used(key: string, nowMs: number): number {
    return this.live(key, nowMs).length
  }

  /** When the oldest counted request leaves the window (now, when none is counted). */
  nextFreeAt(key: string, nowMs: number): number {
    const oldest = this.live(key, nowMs)[0]
    return oldest === undefined ? nowMs : oldest + this.windowMs
  }

  /** Counts the request when there is room; false when the limit is reached. */
  take(key: string, nowMs: number): boolean {
    const times = this.live(key, nowMs)
    if (times.length >= this.limit) return false
    times.push(nowMs)
    return true
  }
}
