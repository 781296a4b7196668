import type { OutboxEntry } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { putCountedOverlays, revertOverlays } from './overlay'
import { vendorProfiles } from '../../../shared/vendors/profiles'

/** A person's decisions on an entry of the Outbox screen. Each is one transaction. */

/** An Activity line about a write, linked to it. */
export async function logWrite(
  db: StockroomDb,
  connectionId: string,
  entryId: string,
  level: 'info' | 'warning',
  message: string,
  at: string = new Date().toISOString()
): Promise<void> {
  await db.activity.add({ at, connectionId, kind: 'write', link: { kind: 'write', entryId }, level, message })
}

/** Try a waiting write now instead of at its backoff time (same key, same bytes). */
export async function retryNow(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  await db.outbox.update(entry.seq!, { state: 'pending', nextAttemptAt: undefined })
}

/** The person checked the vendor: the write did arrive. */
export async function markApplied(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  await settle(
    db,
    entry,
    { state: 'done', doneAt: new Date().toISOString() },
    {
      level: 'info',
      message: `Marked as applied after review: ${entry.description}`
    }
  )
}

/** Drop a write for good; its counted quantities stop showing as pending. */
export async function discard(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  await settle(
    db,
    entry,
    { state: 'discarded' },
    { level: 'warning', message: `Discarded: ${entry.description}` }
  )
}

/**
 * A person settled a write in review: its new state, its counted quantities no
 * longer pending, and a line in Activity, in one transaction.
 */
async function settle(
  db: StockroomDb,
  entry: OutboxEntry,
  change: Partial<OutboxEntry>,
  said: { level: 'info' | 'warning'; message: string }
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.overlays, db.activity], async () => {
    await db.outbox.update(entry.seq!, change)
    await revertOverlays(db, entry)
    await logWrite(db, entry.connectionId, entry.id, said.level, said.message)
  })
}

/**
 * Send an edited copy as a NEW write (new idempotency key, new frozen body);
 * the original is kept, discarded, and points to its replacement.
 */
export async function resendEdited(
  db: StockroomDb,
  entry: OutboxEntry,
  changes: number[],
  newId: () => string = () => crypto.randomUUID()
): Promise<string> {
  const lines = (entry.lines ?? []).map((l, i) => ({
    ...l,
    change: changes[i] ?? l.change,
    counted: l.expected + (changes[i] ?? l.change)
  }))
  const connection = await db.connections.get(entry.connectionId)
  if (!connection) throw new Error('The connection of this write was removed.')
  const writer = vendorProfiles[connection.vendor].stockWrites
  if (!writer) throw new Error(`${vendorProfiles[connection.vendor].name} takes no stock writes.`)
  const kept = lines.filter((l) => l.change !== 0)
  const [write] = writer.build(
    kept.map((l) => ({ ...l, ...(l.lotKey && { lotVendorId: l.lotKey.split(':').pop() }) })),
    `Stockroom count (corrected after review)`
  )
  if (!write) throw new Error('Nothing to send: every line was set to no change.')
  const id = newId()
  await db.transaction('rw', [db.outbox, db.overlays, db.activity], async () => {
    await db.outbox.update(entry.seq!, { state: 'discarded', supersededBy: id })
    await revertOverlays(db, entry)
    await db.outbox.add({ ...replacement(entry, id, newId(), write), lines: kept })
    await putCountedOverlays(db, kept, id)
  })
  return id
}

/**
 * A production batch in review, sent again with the quantity a person
 * confirmed, as a NEW write (new key, new body); the original is discarded
 * and points to it.
 */
export async function resendBatch(
  db: StockroomDb,
  entry: OutboxEntry,
  quantity: number,
  newId: () => string = () => crypto.randomUUID()
): Promise<string> {
  const b = entry.batch
  if (!b) throw new Error('This write is not a production batch.')
  const task = await db.tasks.get(b.taskKey)
  if (!task)
    throw new Error('This task is no longer in the replica (removed at the vendor?). Sync and look again.')
  const unit = task.lines.find((l) => l.lineId === b.lineId)?.unit
  const connection = await db.connections.get(entry.connectionId)
  const writer = connection && vendorProfiles[connection.vendor].batchWrites
  if (!writer) throw new Error('The connection of this batch no longer takes production batches.')
  const planned = writer.build({
    taskVendorId: b.taskVendorId,
    taskName: task.name,
    lineId: b.lineId,
    label: b.label,
    quantity,
    ...(unit && { unit })
  })
  if (!planned.ok) throw new Error(planned.error.message)
  const id = newId()
  await db.transaction('rw', [db.outbox, db.activity], async () => {
    await db.outbox.update(entry.seq!, { state: 'discarded', supersededBy: id })
    await db.outbox.add({ ...replacement(entry, id, newId(), planned.value), batch: { ...b, quantity } })
    await logWrite(db, entry.connectionId, id, 'info', `Resent after review: ${planned.value.description}`)
  })
  return id
}

/** The write that replaces one a person edited: new id and key, the same records affected. */
function replacement(
  entry: OutboxEntry,
  id: string,
  idempotencyKey: string,
  write: { request: OutboxEntry['request']; description: string }
): OutboxEntry {
  return {
    id,
    connectionId: entry.connectionId,
    idempotencyKey,
    state: 'pending',
    createdAt: new Date().toISOString(),
    description: `${write.description} (edited)`,
    request: write.request,
    attempts: 0,
    affects: entry.affects
  }
}
