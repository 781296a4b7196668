import { expect } from 'vitest'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { undoBatch, moveTask } from '../../src/renderer/src/outbox/task-flow'
import { openReceiving, submitReceiving } from '../../src/renderer/src/receiving/receiving'
import { receiveScan } from '../../src/renderer/src/receiving/receive-scan'
import {
  checkScan,
  dispatchShipment,
  openCheck,
  packShipment
} from '../../src/renderer/src/shipping/shipping'
import type { FlowKind } from '../../src/shared/vendors/workflow'
import type { VendorProfile } from '../../src/shared/vendors/profile'

/** The workflow kinds a profile declares, in the order the suite runs them. */
export function flowKinds(profile: VendorProfile): FlowKind[] {
  const w = profile.workflow
  if (!w) return []
  return [
    ...(w.receipt ? ['receipt' as const] : []),
    ...(w.pack ? ['pack' as const] : []),
    ...(w.dispatch ? ['dispatch' as const] : []),
    ...(w.taskStatus ? ['task-status' as const] : []),
    ...(w.batchUndo ? ['batch-undo' as const] : [])
  ]
}

/** A replica record this suite has not written yet (each write acts on records of its own). */
function unused<T extends { key: string }>(rows: T[], used: Set<string>): T {
  const row = rows.find((r) => !used.has(r.key))
  expect(row, 'a fresh record for the next write').toBeDefined()
  used.add(row!.key)
  return row!
}

/** The first code an item carries, as a scanner would read it. */
async function codeOf(db: StockroomDb, itemKey: string): Promise<string> {
  const item = await db.items.get(itemKey)
  expect(item?.codes.length).toBeGreaterThan(0)
  return item!.codes[0]!
}

/**
 * Queues one workflow write of `kind` through the real screens' paths (scans,
 * then submit / pack / dispatch / start / undo), on a record no earlier write touched.
 */
export async function queueFlow(db: StockroomDb, kind: FlowKind, used: Set<string>): Promise<void> {
  if (kind === 'receipt') {
    const orders = await db.orders.where('status').equals('APPROVED').toArray()
    const plain = []
    for (const o of orders) {
      const items = await db.items.bulkGet(o.lines.map((l) => l.itemKey))
      if ((o.direction ?? 'in') === 'in' && items.every((i) => i?.tracking === 'none')) plain.push(o)
    }
    const order = unused(plain, used)
    const session = await openReceiving(db, order.key)
    expect(session.ok).toBe(true)
    const id = session.ok ? session.value.id : ''
    for (const line of order.lines) {
      const outcome = await receiveScan(db, id, await codeOf(db, line.itemKey))
      expect(outcome.status).toBe('added')
    }
    expect((await submitReceiving(db, id, 'Received at the dock')).ok).toBe(true)
    return
  }
  if (kind === 'pack' || kind === 'dispatch') {
    const wanted = kind === 'pack' ? ['PICKING', 'PICKED'] : ['PACKED']
    const shipments = (await db.orders.where('status').anyOf(wanted).toArray()).filter(
      (o) => o.direction === 'out' && o.lines.length > 0
    )
    const shipment = unused(shipments, used)
    if (kind === 'dispatch') {
      const r = await dispatchShipment(db, shipment.key, 'NZ Post', `NZ${shipment.vendorId.slice(-10)}`)
      expect(r.ok).toBe(true)
      return
    }
    const session = await openCheck(db, shipment.key)
    expect(session.ok).toBe(true)
    const id = session.ok ? session.value.id : ''
    for (const line of shipment.lines)
      for (let n = 0; n < line.ordered; n++)
        expect((await checkScan(db, id, await codeOf(db, line.itemKey))).status).toBe('checked')
    expect((await packShipment(db, id)).ok).toBe(true)
    return
  }
  const tasks = await db.tasks.toArray()
  if (kind === 'task-status') {
    const task = unused(
      tasks.filter((t) => t.status !== 'done'),
      used
    )
    expect((await moveTask(db, task.key, 'start')).ok).toBe(true)
    return
  }
  const withBatch = tasks.filter((t) => t.batches.some((b) => /^\d+$/.test(b.id)))
  const task = unused(withBatch, used)
  const batch = task.batches.find((b) => /^\d+$/.test(b.id))!
  const r = await undoBatch(db, { taskKey: task.key, batchId: batch.id })
  expect(r.ok && !r.value.cancelled).toBe(true)
}
