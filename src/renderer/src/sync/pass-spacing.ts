import type { ResourceProgress } from './progress'

/**
 * Of a vendor's request budget, the share periodic full passes may spend; the
 * rest stays for people's lookups and writes, and for other PCs on the account.
 */
export const FULL_PASS_BUDGET_SHARE = 0.5

/**
 * When a connection's next run is due: the interval after the end of this one,
 * or later where the vendor's budget could not carry full passes that often.
 * A pass of P pages under a budget of L requests per window W may come every
 * P × W ÷ (L × share) at most (Figgro: 102 pages under 1,000 an hour → every
 * 12 minutes, not every 5).
 */
export function nextPassAt(
  results: ResourceProgress[],
  o: { started: number; ended: number; intervalMs: number }
): number {
  const plan = results.find((r) => r.plan)?.plan
  const full = results.some((r) => r.phase === 'full' && r.state === 'done')
  const spaced = plan && full ? (plan.pages * plan.windowMs) / (plan.limit * FULL_PASS_BUDGET_SHARE) : 0
  return Math.max(o.ended + o.intervalMs, o.started + spaced)
}
