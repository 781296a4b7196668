/** How long to wait before attempt n+1: doubling from `baseMs`, at most `capMs`. */
export interface BackoffPolicy {
  baseMs: number
  capMs: number
  /**
   * The share of the delay that is random, so many clients that failed
   * together do not retry together: 1 = full jitter (0…delay), 0.5 = half
   * (delay/2…delay), 0 = none.
   */
  jitter: number
}

/**
 * The one backoff schedule of Stockroom (vendor requests, outbox writes,
 * reachability probes, the host connection), each with its own policy.
 * `attempt` counts failures so far, from 0; a vendor's Retry-After is a floor.
 */
export function backoffMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
  atLeastMs = 0
): number {
  const doubled = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(attempt, 0), 30))
  return Math.max(doubled * (1 - policy.jitter + policy.jitter * random()), atLeastMs)
}
