import type { OutboxEntry } from '../../../shared/model/records'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import { fail, ok, type Result } from '../../../shared/result'
import type { StockroomDb } from '../db/db'
import { addQueued } from './flows'

export interface RecordBatchInput {
  taskKey: string
  lineId: string
  quantity: number
  now?: () => Date
  newId?: () => string
}

/**
 * Queues a production batch for one task line: the outbox entry (request
 * frozen, key minted) and an activity line, in one transaction. It shows on
 * the task at once as waiting to send, and is sent when the vendor is
 * reachable. Only vendors whose profile has batch writes take batches;
 * anything else is refused with the reason.
 */
export async function recordBatch(db: StockroomDb, input: RecordBatchInput): Promise<Result<OutboxEntry>> {
  const now = (input.now ?? (() => new Date()))().toISOString()
  const newId = input.newId ?? (() => crypto.randomUUID())
  return db.transaction('rw', [db.tasks, db.connections, db.items, db.outbox, db.activity], async () => {
    const task = await db.tasks.get(input.taskKey)
    if (!task)
      return fail(
        'not-found',
        'This task is no longer in the replica (removed at the vendor?). Sync and look again.'
      )
    const line = task.lines.find((l) => l.lineId === input.lineId)
    if (!line) return fail('not-found', `“${task.name}” has no such line any more. Sync and look again.`)
    const connection = await db.connections.get(task.connectionId)
    if (!connection) return fail('not-found', 'The connection of this task was removed.')
    const profile = vendorProfiles[connection.vendor]
    const writer = profile.batchWrites
    if (!writer || !connection.capabilities.includes('task-write'))
      return fail(
        'invalid-request',
        profile.batchRefusal ??
          `${profile.name} takes no production batches through its API; record this one there.`
      )
    const item = await db.items.get(line.itemKey)
    const label = item ? `${item.sku} ${item.name}`.trim() : line.name
    const planned = writer.build({
      taskVendorId: task.vendorId,
      taskName: task.name,
      lineId: line.lineId,
      label,
      quantity: input.quantity,
      ...(line.unit && { unit: line.unit })
    })
    if (!planned.ok) return planned
    const entry: OutboxEntry = {
      id: newId(),
      connectionId: connection.id,
      idempotencyKey: newId(),
      state: 'pending',
      createdAt: now,
      description: planned.value.description,
      request: planned.value.request,
      attempts: 0,
      // Later batches of this line, and counts of what it makes where it is made, wait for this one.
      affects: [
        `${task.key}#${line.lineId}`,
        ...(task.locationKey ? [`${line.itemKey}@${task.locationKey}`] : [])
      ],
      batch: {
        taskKey: task.key,
        taskVendorId: task.vendorId,
        lineId: line.lineId,
        quantity: input.quantity,
        label
      }
    }
    await addQueued(db, entry)
    return ok(entry)
  })
}
