import type { PageResult } from '../../../shared/host-api/sync'
import type { AlertState } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import type { LowCrossing } from './progress'
import { putObserved } from '../db/observed-put'

/**
 * Low-stock state per item, so a notice fires once per crossing (at or below
 * the minimum), not on every sync that sees the item still low. Runs inside
 * the transaction that writes the items.
 */
export async function trackLowStock(
  db: StockroomDb,
  items: NonNullable<PageResult['batch']['items']>,
  at: string
): Promise<LowCrossing[]> {
  const watched = items.filter((i) => i.minLevel !== undefined && i.minLevel > 0 && i.onHand !== undefined)
  if (watched.length === 0) return []
  // Only low items have a row: absence means "not low", so a first sync writes only the few low ones.
  const before = await db.alerts.bulkGet(watched.map((i) => i.key))
  const crossed: LowCrossing[] = []
  const nowLow: AlertState[] = []
  const recovered: string[] = []
  watched.forEach((item, n) => {
    const low = item.onHand! <= item.minLevel!
    const was = before[n]?.low ?? false
    if (low && !was) {
      crossed.push({ itemKey: item.key, label: `${item.sku} ${item.name}`.trim() })
      nowLow.push({ itemKey: item.key, low: true, changedAt: at })
    } else if (!low && was) recovered.push(item.key)
  })
  if (nowLow.length > 0) await putObserved(db.alerts, nowLow)
  if (recovered.length > 0) await db.alerts.bulkDelete(recovered)
  return crossed
}
