import { batchQuantityProblem } from '../../outbox/batch-writes'
import { fail, ok } from '../../result'
import type { BatchWrites, PlannedWrite, ReplicaPatch, StockWrites, Variance, WrittenLine } from '../profile'
import { notesOf, roundQty, signed } from '../write-text'
import { invResource, invTaskBatch } from './schemas'

/**
 * Inventora: one stock-level update per line. `restock`/`loss` by the variance,
 * not `audit`: an absolute audit sent hours later would erase every sale or
 * production booked between the count and the send, while a delta corrects
 * exactly the error seen at the count. Inventora has no idempotency keys, so an
 * unanswered delta is never resent blindly (the outbox sends it to review).
 */
function build(variances: Variance[], note: string): PlannedWrite[] {
  return variances.map((v) => ({
    request: {
      method: 'POST',
      // itemVendorId is "<products|materials>/<id>"; locations are addressed by name.
      path: `/${v.itemVendorId}/stock-level-updates`,
      body: JSON.stringify({
        quantity: Math.abs(roundQty(v.change)),
        locationName: v.locationVendorId,
        updateType: v.change > 0 ? 'restock' : 'loss',
        notes: note
      })
    },
    lines: [v],
    description: `Stock count: ${v.label} ${signed(v.change)} at ${v.locationVendorId}`
  }))
}

/** Inventora answers with the resource and its new levels: the replica takes them as they are. */
function answer(lines: WrittenLine[], body: unknown): ReplicaPatch {
  const resource = invResource.safeParse(body)
  if (!resource.success)
    return {
      stock: lines.map((l) => ({ itemKey: l.itemKey, locationKey: l.locationKey, delta: l.change })),
      items: lines.map((l) => ({ itemKey: l.itemKey, delta: l.change }))
    }
  const patch: ReplicaPatch = { stock: [], items: [] }
  for (const l of lines) {
    const level = resource.data.locationStockLevels?.[l.locationVendorId]
    if (level !== undefined)
      patch.stock.push({ itemKey: l.itemKey, locationKey: l.locationKey, onHand: level })
    patch.items.push({ itemKey: l.itemKey, onHand: resource.data.stockLevel })
  }
  return patch
}

export const inventoraStockWrites: StockWrites = { build, answer, noteOf: notesOf }

/**
 * POST /tasks/:id/items/:item_id/batches with `{ quantity }` (ASSUMPTION U6;
 * the line's item id is a number in its API, kept as the string the replica
 * holds). Inventora has no idempotency keys: an unanswered batch is never
 * resent blindly (the outbox sends it to review with what the vendor recorded).
 */
export const inventoraBatchWrites: BatchWrites = {
  build(b) {
    const problem = batchQuantityProblem(b.quantity)
    if (problem) return fail('invalid-request', problem)
    if (!/^[\w-]+$/.test(b.taskVendorId) || !/^[\w-]+$/.test(b.lineId))
      return fail('invalid-request', 'This task line cannot be addressed at the vendor; sync and try again.')
    return ok({
      request: {
        method: 'POST',
        path: `/tasks/${b.taskVendorId}/items/${b.lineId}/batches`,
        body: JSON.stringify({ quantity: b.quantity })
      },
      description: `Batch: ${b.quantity}${b.unit ? ` ${b.unit}` : ''} × ${b.label} for “${b.taskName}”`
    })
  },
  answer(b, body) {
    const created = invTaskBatch.safeParse(body)
    return {
      stock: [],
      items: [],
      ...(created.success && {
        batch: {
          id: String(created.data.id),
          quantity: created.data.quantity,
          ...(created.data.createdAt && { at: created.data.createdAt })
        }
      })
    }
  }
}
