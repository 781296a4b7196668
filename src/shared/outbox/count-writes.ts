import type { FrozenRequest } from '../host-api/outbox'

/** One counted line whose quantity differs from what the replica expected at the instant of the count. */
export interface Variance {
  itemKey: string
  itemVendorId: string
  locationKey: string
  locationVendorId: string
  lotKey?: string
  lotVendorId?: string
  expected: number
  counted: number
  /** counted − expected, the correction of the error at the instant of the count. */
  change: number
  /** "SKU name" for people. */
  label: string
}

export interface PlannedWrite {
  request: FrozenRequest
  lines: Variance[]
  description: string
}

/** Frostbyte's documented maximum of lines per stock adjustment. */
export const FROSTBYTE_MAX_LINES = 50

const round = (n: number) => Math.round(n * 1e6) / 1e6

/**
 * Frostbyte: signed stock adjustments, up to 50 lines each, reason CYCLE_COUNT
 * (ASSUMPTION U2/U3: body and reason enum). A delta corrects the error at the
 * instant of counting and leaves every movement after it alone. The body is
 * serialised once, here; it is sent byte for byte on every attempt.
 */
export function frostbyteCountWrites(variances: Variance[], note: string): PlannedWrite[] {
  const writes: PlannedWrite[] = []
  for (let i = 0; i < variances.length; i += FROSTBYTE_MAX_LINES) {
    const chunk = variances.slice(i, i + FROSTBYTE_MAX_LINES)
    const body = JSON.stringify({
      reason: 'CYCLE_COUNT',
      notes: note,
      lines: chunk.map((v) => ({
        productId: v.itemVendorId,
        warehouseId: v.locationVendorId.replace(/^wh\//, ''),
        ...(v.lotVendorId && { batchId: v.lotVendorId }),
        quantityChange: round(v.change)
      }))
    })
    writes.push({
      request: { method: 'POST', path: '/stock-adjustments', body },
      lines: chunk,
      description:
        chunk.length === 1
          ? `Stock count: ${chunk[0]!.label} ${signed(chunk[0]!.change)}`
          : `Stock count: ${chunk.length} lines (${chunk
              .map((v) => v.label)
              .slice(0, 3)
              .join(', ')}${chunk.length > 3 ? ', …' : ''})`
    })
  }
  return writes
}

/**
 * Inventora: one stock-level update per line. `restock`/`loss` by the variance,
 * not `audit`: an absolute audit sent hours later would erase every sale or
 * production booked between the count and the send, while a delta corrects
 * exactly the error seen at the count. Inventora has no idempotency keys, so an
 * unanswered delta is never resent blindly (the outbox sends it to review).
 */
export function inventoraCountWrites(variances: Variance[], note: string): PlannedWrite[] {
  return variances.map((v) => ({
    request: {
      method: 'POST',
      // itemVendorId is "<products|materials>/<id>"; locations are addressed by name.
      path: `/${v.itemVendorId}/stock-level-updates`,
      body: JSON.stringify({
        quantity: Math.abs(round(v.change)),
        locationName: v.locationVendorId,
        updateType: v.change > 0 ? 'restock' : 'loss',
        notes: note
      })
    },
    lines: [v],
    description: `Stock count: ${v.label} ${signed(v.change)} at ${v.locationVendorId}`
  }))
}

const signed = (n: number) => (n > 0 ? `+${round(n)}` : `${round(n)}`)
