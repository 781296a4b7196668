import type { FrozenRequest } from '../host-api/outbox'
import { fail, ok, type Result } from '../result'

/** A production batch someone recorded against one line of a task. */
export interface BatchIntent {
  taskVendorId: string
  taskName: string
  lineId: string
  /** "SKU name" (or the name) of what the line makes. */
  label: string
  quantity: number
  unit?: string
}

export const MAX_BATCH_QUANTITY = 1_000_000

/** Why a quantity cannot be recorded, in words for the person at the scanner; undefined when it can. */
export function batchQuantityProblem(quantity: number): string | undefined {
  if (!Number.isFinite(quantity)) return 'Enter how many were made.'
  if (quantity <= 0) return 'A batch records what was made: enter a quantity above zero.'
  if (quantity > MAX_BATCH_QUANTITY)
    return `${quantity.toLocaleString()} is more than one batch can be; check the quantity.`
  if (Math.round(quantity * 1e6) !== quantity * 1e6) return 'Use at most six decimal places.'
  return undefined
}

/**
 * Inventora: POST /tasks/:id/items/:item_id/batches with `{ quantity }` (the
 * line's item id is a number in its API; kept as the string the replica holds).
 * The body is serialised once, here, and sent byte for byte on every attempt.
 * Inventora has no idempotency keys: an unanswered batch is never resent
 * blindly (the outbox sends it to review with what the vendor has recorded).
 */
export function inventoraBatchWrite(b: BatchIntent): Result<{ request: FrozenRequest; description: string }> {
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
}
