import type { OutboxEntry } from '../../../shared/model/records'
import type { ReplicaPatch } from '../../../shared/vendors/profile'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import type { StockroomDb } from '../db/db'
import { applyFlowAnswer } from './flow-answer'

/** A write that will not be applied: its counted quantities stop showing over the replica. */
export async function revertOverlays(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  await db.overlays.where('entryId').equals(entry.id).delete()
}

/** A write's counted quantities, shown over the replica as pending until the vendor answers. */
export async function putCountedOverlays(
  db: StockroomDb,
  lines: { itemKey: string; locationKey: string; counted: number }[],
  entryId: string,
  at: string = new Date().toISOString()
): Promise<void> {
  await db.overlays.bulkPut(
    lines.map((l) => ({
      key: `${l.itemKey}@${l.locationKey}`,
      itemKey: l.itemKey,
      locationKey: l.locationKey,
      onHand: l.counted,
      entryId,
      at
    }))
  )
}

/**
 * The vendor confirmed a write: the overlay goes and the replica takes the
 * vendor's answer, read by that vendor's profile into a patch (the next sync
 * brings the vendor's full view either way).
 */
export async function applyVendorAnswer(db: StockroomDb, entry: OutboxEntry, body: unknown): Promise<void> {
  const connection = await db.connections.get(entry.connectionId)
  const profile = connection && vendorProfiles[connection.vendor]
  if (entry.flow) return applyFlowAnswer(db, profile, { ...entry, flow: entry.flow }, body)
  if (entry.batch) {
    const patch = profile?.batchWrites?.answer(entry.batch, body)
    // The vendor's id of the batch: an undo queued behind it deletes it by this id.
    if (patch?.batch?.id && entry.seq !== undefined)
      await db.outbox.update(entry.seq, { batch: { ...entry.batch, createdId: patch.batch.id } })
    return applyBatch(db, entry.batch, patch?.batch)
  }
  await revertOverlays(db, entry)
  const lines = entry.lines ?? []
  const patch: ReplicaPatch = profile?.stockWrites?.answer(lines, body) ?? {
    stock: lines.map((l) => ({ itemKey: l.itemKey, locationKey: l.locationKey, delta: l.change })),
    items: lines.map((l) => ({ itemKey: l.itemKey, delta: l.change }))
  }
  await applyPatch(db, patch)
}

async function applyPatch(db: StockroomDb, patch: ReplicaPatch): Promise<void> {
  for (const p of patch.stock) {
    const rows = await db.stock.where('itemKey').equals(p.itemKey).toArray()
    const here = rows.filter((r) => r.locationKey === p.locationKey && (!p.lotKey || r.lotKey === p.lotKey))
    if (p.onHand !== undefined) {
      for (const r of here) await db.stock.update(r.key, { onHand: p.onHand })
    } else if (p.delta !== undefined && here[0]) {
      await db.stock.update(here[0].key, { onHand: here[0].onHand + p.delta })
    }
  }
  for (const p of patch.items) {
    if (p.onHand !== undefined) {
      await db.items.update(p.itemKey, { onHand: p.onHand })
      continue
    }
    const item = await db.items.get(p.itemKey)
    if (item?.onHand !== undefined && p.delta !== undefined)
      await db.items.update(p.itemKey, { onHand: item.onHand + p.delta })
  }
}

/**
 * The vendor answered a batch with the batch it created: the replica's task
 * shows it at once (made so far included). The product's stock and the
 * materials it used change at the vendor too; the next sync brings those.
 */
async function applyBatch(
  db: StockroomDb,
  batch: NonNullable<OutboxEntry['batch']>,
  created: ReplicaPatch['batch']
): Promise<void> {
  const task = await db.tasks.get(batch.taskKey)
  if (!task) return
  const id = created?.id ?? `pending-${batch.lineId}-${task.batches.length}`
  if (task.batches.some((b) => b.id === id)) return
  const quantity = created?.quantity ?? batch.quantity
  await db.tasks.update(task.key, {
    batches: [
      ...task.batches,
      { id, lineId: batch.lineId, quantity, ...(created?.at && { at: created.at }) }
    ],
    lines: task.lines.map((l) => (l.lineId === batch.lineId ? { ...l, done: (l.done ?? 0) + quantity } : l))
  })
}
