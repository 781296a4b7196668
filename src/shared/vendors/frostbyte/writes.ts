import type { PlannedWrite, ReplicaPatch, StockWrites, Variance, WrittenLine } from '../profile'
import { fbParseLocationId } from './ids'
import { describeLines, notesOf, roundQty, signed } from '../write-text'

/** Frostbyte's documented maximum of lines per stock adjustment. */
export const FROSTBYTE_MAX_LINES = 50

/**
 * Frostbyte: signed stock adjustments, up to 50 lines each, reason CYCLE_COUNT
 * (ASSUMPTION U2/U3: body and reason enum). A delta corrects the error at the
 * instant of counting and leaves every movement after it alone. The body is
 * serialised once, here; it is sent byte for byte on every attempt.
 */
function build(variances: Variance[], note: string): PlannedWrite[] {
  const writes: PlannedWrite[] = []
  for (let i = 0; i < variances.length; i += FROSTBYTE_MAX_LINES) {
    const chunk = variances.slice(i, i + FROSTBYTE_MAX_LINES)
    const body = JSON.stringify({
      reason: 'CYCLE_COUNT',
      notes: note,
      lines: chunk.map((v) => ({
        productId: v.itemVendorId,
        warehouseId: fbParseLocationId(v.locationVendorId).id,
        ...(v.lotVendorId && { batchId: v.lotVendorId }),
        quantityChange: roundQty(v.change)
      }))
    })
    writes.push({
      request: { method: 'POST', path: '/stock-adjustments', body },
      lines: chunk,
      description:
        chunk.length === 1
          ? `Stock count: ${chunk[0]!.label} ${signed(chunk[0]!.change)}`
          : `Stock count: ${describeLines(chunk)}`
    })
  }
  return writes
}

/**
 * Frostbyte answers with the adjustment it made, not the levels after it: the
 * confirmed changes are applied to what the replica holds.
 */
function answer(lines: WrittenLine[]): ReplicaPatch {
  return {
    stock: lines.map((l) => ({
      itemKey: l.itemKey,
      locationKey: l.locationKey,
      ...(l.lotKey && { lotKey: l.lotKey }),
      delta: l.change
    })),
    items: lines.map((l) => ({ itemKey: l.itemKey, delta: l.change }))
  }
}

/** The adjustment's number: `/reports/stock-movement` names the movements it made by it. */
function referenceOf(body: unknown): string | undefined {
  const n = (body as { adjustmentNumber?: unknown } | null)?.adjustmentNumber
  return typeof n === 'string' ? n : undefined
}

export const frostbyteStockWrites: StockWrites = { build, answer, noteOf: notesOf, referenceOf }
