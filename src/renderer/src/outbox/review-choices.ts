import type { HostClient } from '../../../shared/host-api/client'
import type { OutboxEntry } from '../../../shared/model/records'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import type { StockroomDb } from '../db/db'
import { discard, logWrite } from './actions'
import { putCountedOverlays, revertOverlays } from './overlay'

/**
 * The choices on a count's write that stock changed under at the vendor
 * (review reason `changed-at-vendor`): send it as counted, send the difference
 * against the vendor's level now, or drop it (`discard`).
 */

/** Send your change anyway: the same write, same key (it never left), not checked again. */
export async function sendAnyway(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  await db.transaction('rw', [db.outbox, db.activity], async () => {
    await db.outbox.update(entry.seq!, {
      state: 'pending',
      sendAnyway: true,
      lastError: undefined,
      nextAttemptAt: undefined
    })
    await logWrite(db, entry.connectionId, entry.id, 'info', `Sent anyway after review: ${entry.description}`)
  })
}

export type AgainstNow = { outcome: 'queued'; entryId: string } | { outcome: 'nothing-to-send' }

/**
 * Send the difference against now: the vendor's level of each line is asked again, and
 * a NEW write (new key) corrects what was counted against it; the original is discarded
 * and points to it. Lines the vendor already holds as counted are left out; when none is
 * left, the original is discarded with nothing sent.
 */
export async function sendAgainstNow(
  db: StockroomDb,
  host: HostClient,
  entry: OutboxEntry,
  newId: () => string = () => crypto.randomUUID()
): Promise<AgainstNow> {
  const connection = await db.connections.get(entry.connectionId)
  if (!connection) throw new Error('The connection of this write was removed.')
  const writer = vendorProfiles[connection.vendor].stockWrites
  if (!writer) throw new Error(`${vendorProfiles[connection.vendor].name} takes no stock writes.`)
  const lines = []
  for (const l of entry.lines ?? []) {
    const reply = await host.call('outbox:currentLevel', {
      connectionId: entry.connectionId,
      itemVendorId: l.itemVendorId,
      locationVendorId: l.locationVendorId
    })
    if (!reply.ok) throw new Error(`The vendor's level now could not be read: ${reply.error.message}`)
    const now = reply.value.onHand ?? 0
    lines.push({ ...l, expected: now, change: Math.round((l.counted - now) * 1e6) / 1e6 })
  }
  const kept = lines.filter((l) => l.change !== 0)
  if (kept.length === 0) {
    await discard(db, entry)
    return { outcome: 'nothing-to-send' }
  }
  const note = writer.noteOf?.(entry.request?.body ?? '') ?? 'Stockroom count'
  const [write] = writer.build(
    kept.map((l) => ({ ...l, ...(l.lotKey && { lotVendorId: l.lotKey.split(':').pop() }) })),
    `${note} (against the level at review)`
  )
  if (!write) throw new Error('Nothing to send.')
  const id = newId()
  const at = new Date().toISOString()
  // ASSUMPTION: the levels were read at the person's choice and the write follows at once
  // (the outbox is kicked), so it carries no baseline of its own and is not checked again.
  await db.transaction('rw', [db.outbox, db.overlays, db.activity], async () => {
    await db.outbox.update(entry.seq!, { state: 'discarded', supersededBy: id })
    await revertOverlays(db, entry)
    await db.outbox.add({
      id,
      connectionId: entry.connectionId,
      idempotencyKey: newId(),
      state: 'pending',
      createdAt: at,
      description: `${write.description} (against now)`,
      request: write.request,
      attempts: 0,
      affects: kept.map((l) => `${l.itemKey}@${l.locationKey}`),
      lines: kept
    })
    await putCountedOverlays(db, kept, id, at)
    await logWrite(
      db,
      entry.connectionId,
      id,
      'info',
      `Resent against the vendor's level now: ${write.description}`,
      at
    )
  })
  return { outcome: 'queued', entryId: id }
}
