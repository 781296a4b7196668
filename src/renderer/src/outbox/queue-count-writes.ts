import type { OutboxEntry } from '../../../shared/model/records'
import type { PlannedWrite, StockWrites, Variance } from '../../../shared/vendors/profile'
import type { StockroomDb } from '../db/db'
import { keyOf } from './count-variances'
import { putCountedOverlays } from './overlay'

/**
 * Queues a count's differences as the vendor's stock writes, each with its key
 * made now, and lays the counted quantities over the replica as pending. Lines an
 * earlier count still has on its way are queued held for review. Runs inside the
 * caller's transaction. Returns how many writes were queued.
 */
export async function queueCountWrites(
  db: StockroomDb,
  o: {
    connectionId: string
    variances: Variance[]
    /** Keys (item@location) held for review: an earlier write of them may have reached the vendor. */
    held: Set<string>
    writer: StockWrites
    note: string
    /** The place counted, named in each write's description where the vendor's words leave it out. */
    place?: string
    now: string
    newId: () => string
    /** The count's baseline for a write's lines (see count-baselines.ts). */
    since?: (lines: Variance[]) => string | undefined
  }
): Promise<number> {
  const { connectionId, variances, held, writer, note, now, newId } = o
  // Lines sent now first, then those held for review, each group in the vendor's own write shape.
  const plan = (hold: boolean): { w: PlannedWrite; hold: boolean }[] =>
    writer
      .build(
        variances.filter((v) => held.has(keyOf(v)) === hold),
        note
      )
      .map((w) => ({ w, hold }))
  const writes = [...plan(false), ...plan(true)]
  for (const { w, hold } of writes) {
    const since = o.since?.(w.lines)
    const entry: OutboxEntry = {
      id: newId(),
      connectionId,
      idempotencyKey: newId(),
      state: hold ? 'needs-review' : 'pending',
      ...(hold && {
        lastError:
          'An earlier count of the same item here is still on its way to the vendor; sending this one as well could correct the same difference twice. Once the earlier write is sent, compare with the vendor, then resend this one edited, or discard it.',
        review: { reason: 'overtaken' as const }
      }),
      createdAt: now,
      description:
        o.place && !w.description.includes(o.place)
          ? `${w.description} · counted at ${o.place}`
          : w.description,
      request: w.request,
      attempts: 0,
      affects: w.lines.map((l) => `${l.itemKey}@${l.locationKey}`),
      ...(since && { since }),
      lines: w.lines.map((l) => ({
        itemKey: l.itemKey,
        itemVendorId: l.itemVendorId,
        locationKey: l.locationKey,
        locationVendorId: l.locationVendorId,
        ...(l.lotKey && { lotKey: l.lotKey }),
        expected: l.expected,
        counted: l.counted,
        change: l.change,
        label: l.label
      }))
    }
    await db.outbox.add(entry)
    await putCountedOverlays(db, w.lines, entry.id, now)
  }
  return writes.length
}
