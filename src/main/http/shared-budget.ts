import type { RateLimit } from './pacer'

/**
 * A vendor account's request budget shared by every PC of a site through the
 * site database (a token bucket per account; see src/main/site/budget-bucket.ts).
 * The pacer takes a token before each request to the account. Where there is no
 * bucket now (no site database, or it is unreachable), `take` says so and the
 * pacer keeps to its fair share of the live headers, as a PC alone does.
 */
export interface SharedBudget {
  /** 0: a token was taken; > 0: ask again after this many ms; undefined: no shared bucket now. */
  take(limit: RateLimit): Promise<number | undefined>
  /** What the vendor's live headers said is left of the account's window, for every PC's bucket. */
  refill(remaining: number, resetAtMs: number, limit: RateLimit): void
}
