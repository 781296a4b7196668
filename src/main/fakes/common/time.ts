/** Time helpers. Fakes keep instants as epoch milliseconds and render them as ISO 8601 UTC with ms. */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : iso(ms)
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY
}

/** A clock that can be moved by tests; pass `clock.now` as a fake's `now` option. */
export class ManualClock {
  private ms: number

  constructor(start: Date | number = Date.UTC(2026, 5, 1, 3, 0, 0)) {
    this.ms = typeof start === 'number' ? start : start.getTime()
  }

  readonly now = (): Date => new Date(this.ms)

  advance(ms: number): void {
    this.ms += ms
  }

  set(at: Date | number): void {
    this.ms = typeof at === 'number' ? at : at.getTime()
  }
}
