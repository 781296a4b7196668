import type { OutboxEntry, OutboxFlow } from '../../../shared/model/records'
import type { VendorProfile } from '../../../shared/vendors/profile'
import type { FlowAnswer } from '../../../shared/vendors/workflow'
import type { StockroomDb } from '../db/db'

/** What a vendor's answer to a workflow write says, read by its profile. */
function readAnswer(profile: VendorProfile | undefined, flow: OutboxFlow, body: unknown): FlowAnswer {
  const w = profile?.workflow
  if (body === null || body === undefined || !w) return {}
  if (flow.kind === 'receipt') return w.receipt?.answer(body) ?? {}
  if (flow.kind === 'pack') return w.pack?.answer(body) ?? {}
  if (flow.kind === 'dispatch') return w.dispatch?.answer(body) ?? {}
  return {}
}

/**
 * The vendor confirmed a workflow write: the order, shipment or task in the
 * replica takes it at once (what was pending stops being pending); the next
 * sync brings the vendor's full view either way.
 */
export async function applyFlowAnswer(
  db: StockroomDb,
  profile: VendorProfile | undefined,
  entry: OutboxEntry & { flow: OutboxFlow },
  body: unknown
): Promise<void> {
  const { flow } = entry
  const answer = readAnswer(profile, flow, body)
  if (flow.kind === 'receipt') {
    const order = await db.orders.get(flow.targetKey)
    if (!order) return
    const got = new Map<string, number>()
    for (const l of flow.receipt ?? []) got.set(l.lineId, (got.get(l.lineId) ?? 0) + l.quantity)
    await db.orders.update(order.key, {
      status: answer.status ?? order.status,
      lines: order.lines.map((l) =>
        l.lineId && got.has(l.lineId) ? { ...l, received: (l.received ?? 0) + got.get(l.lineId)! } : l
      )
    })
    return
  }
  if (flow.kind === 'pack' || flow.kind === 'dispatch') {
    const shipment = await db.orders.get(flow.targetKey)
    if (!shipment) return
    await db.orders.update(shipment.key, {
      status: answer.status ?? (flow.kind === 'pack' ? 'PACKED' : 'DISPATCHED'),
      ...(flow.tracking && { carrier: flow.tracking.carrier, tracking: flow.tracking.number })
    })
    return
  }
  const task = await db.tasks.get(flow.targetKey)
  if (!task) return
  if (flow.kind === 'task-status') {
    const statuses = profile?.workflow?.taskStatus?.statuses
    const to = flow.taskTo === 'start' ? statuses?.start : statuses?.complete
    if (to) await db.tasks.update(task.key, { status: to })
    return
  }
  // batch-undo: the batch leaves the task, and what it made with it.
  const gone = task.batches.find((b) => b.id === flow.batchId)
  if (!gone) return
  await db.tasks.update(task.key, {
    batches: task.batches.filter((b) => b.id !== gone.id),
    lines: task.lines.map((l) =>
      l.lineId === gone.lineId ? { ...l, done: Math.max(0, (l.done ?? 0) - gone.quantity) } : l
    )
  })
}
