import type { OutboxEntry } from '../../../shared/model/records'
import { invResource, invTaskBatch } from '../../../shared/vendors/inventora/schemas'
import type { StockroomDb } from '../db/db'

/** A write that will not be applied: its counted quantities stop showing over the replica. */
export async function revertOverlays(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  await db.overlays.where('entryId').equals(entry.id).delete()
}

/**
 * The vendor confirmed a write: the overlay goes and the replica takes the
 * vendor's answer — Inventora returns the resource with its new levels;
 * Frostbyte returns the adjustment, whose changes are applied to the replica
 * (the next sync brings the vendor's full view either way).
 */
export async function applyVendorAnswer(db: StockroomDb, entry: OutboxEntry, body: unknown): Promise<void> {
  if (entry.batch) return applyBatchAnswer(db, entry.batch, body)
  await revertOverlays(db, entry)
  const resource = invResource.safeParse(body)
  for (const line of entry.lines ?? []) {
    const rows = await db.stock.where('itemKey').equals(line.itemKey).toArray()
    const here = rows.filter(
      (r) => r.locationKey === line.locationKey && (!line.lotKey || r.lotKey === line.lotKey)
    )
    if (resource.success) {
      const level = resource.data.locationStockLevels?.[line.locationVendorId]
      if (level !== undefined) for (const r of here) await db.stock.update(r.key, { onHand: level })
      await db.items.update(line.itemKey, { onHand: resource.data.stockLevel })
      continue
    }
    const first = here[0]
    if (first) await db.stock.update(first.key, { onHand: first.onHand + line.change })
    const item = await db.items.get(line.itemKey)
    if (item?.onHand !== undefined) await db.items.update(line.itemKey, { onHand: item.onHand + line.change })
  }
}

/**
 * Inventora answered a batch with the batch it created: the replica's task
 * shows it at once (made so far included). The product's stock and the
 * materials it used change at the vendor too; the next sync brings those.
 */
async function applyBatchAnswer(
  db: StockroomDb,
  batch: NonNullable<OutboxEntry['batch']>,
  body: unknown
): Promise<void> {
  const answer = invTaskBatch.safeParse(body)
  const task = await db.tasks.get(batch.taskKey)
  if (!task) return
  const id = answer.success ? String(answer.data.id) : `pending-${batch.lineId}-${task.batches.length}`
  if (task.batches.some((b) => b.id === id)) return
  await db.tasks.update(task.key, {
    batches: [
      ...task.batches,
      {
        id,
        lineId: batch.lineId,
        quantity: answer.success ? answer.data.quantity : batch.quantity,
        ...(answer.success && answer.data.createdAt && { at: answer.data.createdAt })
      }
    ],
    lines: task.lines.map((l) =>
      l.lineId === batch.lineId
        ? { ...l, done: (l.done ?? 0) + (answer.success ? answer.data.quantity : batch.quantity) }
        : l
    )
  })
}
