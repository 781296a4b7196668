import type { StockWrites, Variance } from '../../../shared/vendors/profile'
import type { StockroomDb } from '../db/db'
import { keyOf } from './count-variances'

/**
 * Two counts of the same item at the same place must not both correct the same
 * difference. An earlier write that never left this PC loses those lines (the
 * later count stands); one that may have reached the vendor keeps them, and the
 * later count's lines are held for review. Returns the held keys.
 */
export async function settleEarlierCounts(
  db: StockroomDb,
  connectionId: string,
  variances: Variance[],
  writer: StockWrites,
  newId: () => string
): Promise<Set<string>> {
  const keys = new Set(variances.map(keyOf))
  const held = new Set<string>()
  const open = await db.outbox
    .where('[connectionId+state]')
    .anyOf([connectionId, 'pending'], [connectionId, 'sending'], [connectionId, 'needs-review'])
    .toArray()
  for (const e of open) {
    const overlapping = e.affects.filter((k) => keys.has(k))
    if (overlapping.length === 0) continue
    if (e.state !== 'pending' || e.attempts > 0) {
      overlapping.forEach((k) => held.add(k))
      continue
    }
    const remaining = (e.lines ?? []).filter((l) => !keys.has(keyOf(l)))
    await db.overlays.bulkDelete(overlapping.filter((k) => keys.has(k)))
    if (remaining.length === 0) {
      await db.outbox.update(e.seq!, {
        state: 'discarded',
        lastError: 'Replaced by a later count of the same items.'
      })
      continue
    }
    const note = writer.noteOf?.(e.request?.body ?? '') ?? ''
    const [rebuilt] = writer.build(
      remaining.map((l) => ({ ...l, ...(l.lotKey && { lotVendorId: l.lotKey.split(':').pop()! }) })),
      note
    )
    // Never sent, so the vendor has not seen its key: a new body gets a new key all the same.
    await db.outbox.update(e.seq!, {
      request: rebuilt!.request,
      description: rebuilt!.description,
      lines: remaining,
      affects: remaining.map(keyOf),
      idempotencyKey: newId()
    })
  }
  return held
}
