import { createHash } from 'node:crypto'
import type { ConnectionInfo } from '../../shared/host-api/connections'
import type { RateLimit } from '../http/pacer'
import type { SharedBudget } from '../http/shared-budget'
import { systemOf } from './port'
import type { SiteService } from './site-service'

/**
 * The bucket's shape for a limit of N requests per window W. ASSUMPTION: a burst
 * of a tenth of N, refilled at (N − burst) per W: never more than N in any W,
 * wherever the vendor's window starts, so the PCs together meet no 429; the
 * live headers can only lower what the bucket holds (other clients of the
 * account spend too). A fleet finishes in about N ÷ (N − burst) of the bound.
 */
export function bucketShape(limit: RateLimit): { capacity: number; perSecond: number } {
  const capacity = Math.max(1, Math.ceil(limit.requests / 10))
  return { capacity, perSecond: (limit.requests - capacity) / (limit.perMs / 1000) }
}

/**
 * A vendor account's budget in the site database, for one connection of this
 * PC. The account is named by a hash of its vendor, address and key (or login),
 * so PCs with the same key share one bucket and the key itself never leaves
 * the PC. Without a live site database `take` says so, and the pacer keeps to
 * its fair share as before.
 */
export function siteBudget(
  site: SiteService,
  connection: ConnectionInfo,
  secret: () => Promise<string | null>
): SharedBudget {
  let account: Promise<string> | undefined
  const accountOf = () =>
    (account ??= secret().then((key) =>
      createHash('sha256')
        .update(`${systemOf(connection.vendor, connection.baseUrl)}|${key ?? connection.id}`)
        .digest('hex')
        .slice(0, 40)
    ))
  return {
    async take(limit) {
      if (!site.connected()) return undefined
      const id = await accountOf()
      const { capacity, perSecond } = bucketShape(limit)
      return site.use((db) => db.takeToken(id, capacity, perSecond))
    },
    refill(remaining, _resetAtMs, limit) {
      if (!site.connected()) return
      const { capacity, perSecond } = bucketShape(limit)
      void accountOf().then((id) => site.use((db) => db.refill(id, remaining, capacity, perSecond)))
    }
  }
}
