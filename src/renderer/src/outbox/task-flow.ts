import type { OutboxEntry } from '../../../shared/model/records'
import { fail, ok, type Result } from '../../../shared/result'
import type { StockroomDb } from '../db/db'
import { enqueueFlow, flowConnection } from './flows'

/**
 * Starts or completes a task at the vendor: one write through the outbox (a
 * status set twice is set once, so a lost answer is simply resent). The task
 * shows its new status at once.
 */
export async function moveTask(
  db: StockroomDb,
  taskKey: string,
  to: 'start' | 'complete',
  now?: () => Date
): Promise<Result<OutboxEntry>> {
  return db.transaction('rw', [db.tasks, db.connections, db.outbox, db.activity], async () => {
    const task = await db.tasks.get(taskKey)
    if (!task) return fail('not-found', 'This task is no longer in the replica. Sync and look again.')
    const c = await flowConnection(db, task.connectionId, 'task-status')
    if (!c.ok) return c
    const writer = c.value.workflow.taskStatus!
    const planned = writer.build({ taskVendorId: task.vendorId, taskName: task.name, to })
    if (!planned.ok) return planned
    const entry = await enqueueFlow(db, {
      connectionId: task.connectionId,
      planned: planned.value,
      flow: { kind: 'task-status', targetKey: task.key, taskTo: to },
      affects: [`${task.key}#status`],
      ...(now && { now })
    })
    await db.tasks.update(task.key, { status: writer.statuses[to] })
    return ok(entry)
  })
}

export type UndoTarget = { taskKey: string; batchId: string } | { entryId: string }

/**
 * Undoes a production batch. A batch the vendor holds is deleted there (which
 * reverses its production), by a write ordered after the batch's own. A batch
 * still queued and never sent is cancelled here, with nothing sent at all; one
 * that left but whose answer is not in yet gets its undo queued behind it, to
 * be addressed by the id the vendor's answer gives it.
 */
export async function undoBatch(
  db: StockroomDb,
  target: UndoTarget,
  now?: () => Date
): Promise<Result<{ cancelled: boolean; entry?: OutboxEntry }>> {
  return db.transaction('rw', [db.tasks, db.connections, db.outbox, db.activity], async () => {
    if ('entryId' in target) {
      const batch = await db.outbox.where('id').equals(target.entryId).first()
      if (!batch?.batch) return fail('not-found', 'That batch is no longer in the outbox.')
      const c = await flowConnection(db, batch.connectionId, 'batch-undo')
      if (!c.ok) return c
      if (batch.state === 'discarded') return fail('invalid-request', 'That batch was already cancelled.')
      if (batch.state === 'pending' && batch.attempts === 0) {
        await db.outbox.update(batch.seq!, { state: 'discarded', lastError: 'Undone before it was sent.' })
        await db.activity.add({
          at: (now ?? (() => new Date()))().toISOString(),
          connectionId: batch.connectionId,
          kind: 'write',
          link: { kind: 'write', entryId: batch.id },
          level: 'info',
          message: `Undone before sending (nothing sent): ${batch.description}`
        })
        return ok({ cancelled: true })
      }
      const createdId = batch.batch.createdId
      const planned = createdId
        ? c.value.workflow.batchUndo!.build({ batchId: createdId, label: batch.batch.label })
        : undefined
      if (planned && !planned.ok) return planned
      const entry = await enqueueFlow(db, {
        connectionId: batch.connectionId,
        planned: planned?.value,
        description: `Undo batch: ${batch.batch.label}`,
        flow: {
          kind: 'batch-undo',
          targetKey: batch.batch.taskKey,
          undoOf: batch.id,
          ...(createdId && { batchId: createdId })
        },
        // The same records as the batch: the undo never leaves before it.
        affects: batch.affects,
        ...(now && { now })
      })
      return ok({ cancelled: false, entry })
    }
    const task = await db.tasks.get(target.taskKey)
    const recorded = task?.batches.find((b) => b.id === target.batchId)
    if (!task || !recorded)
      return fail('not-found', 'That batch is no longer on the task. Sync and look again.')
    const c = await flowConnection(db, task.connectionId, 'batch-undo')
    if (!c.ok) return c
    const line = task.lines.find((l) => l.lineId === recorded.lineId)
    const planned = c.value.workflow.batchUndo!.build({
      batchId: recorded.id,
      label: `${recorded.quantity} × ${line?.name ?? 'batch'} for “${task.name}”`
    })
    if (!planned.ok) return planned
    const entry = await enqueueFlow(db, {
      connectionId: task.connectionId,
      planned: planned.value,
      flow: { kind: 'batch-undo', targetKey: task.key, batchId: recorded.id },
      affects: [`${task.key}#${recorded.lineId ?? ''}`],
      ...(now && { now })
    })
    return ok({ cancelled: false, entry })
  })
}
