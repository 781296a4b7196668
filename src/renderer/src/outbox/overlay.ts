import type { OutboxEntry } from '../../../shared/model/records'
import { invResource } from '../../../shared/vendors/inventora/schemas'
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
