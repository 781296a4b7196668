import { z } from 'zod'
import { fail, ok } from '../../result'
import { describeLines, roundQty } from '../write-text'
import { unsafeId, type FlowAnswer, type WorkflowWrites } from '../workflow'
import { fbParseLocationId } from './ids'

/** Frostbyte's documented maximum of lines per receipt. */
export const FROSTBYTE_MAX_RECEIPT_LINES = 100

const TRACKING = /^[A-Za-z0-9 _.-]+$/

const statusAnswer = z.object({ status: z.string() }).passthrough()
const receiptAnswer = z.object({ purchaseOrder: z.object({ status: z.string() }).nullable().optional() })

const statusOf = (body: unknown): FlowAnswer => {
  const parsed = statusAnswer.safeParse(body)
  return parsed.success ? { status: parsed.data.status } : {}
}

/**
 * Frostbyte Pro's workflow writes: goods receipts (Idempotency-Key), shipment pack
 * (no key: a transition, repeated harmlessly) and dispatch (Idempotency-Key; a
 * tracking correction is a new dispatch with a new key, taken only while PACKED).
 */
export const frostbyteWorkflow: WorkflowWrites = {
  receipt: {
    generatesSerials: true,
    advice(message) {
      if (/(EXPIRED|has expired|RECALLED)/.test(message))
        return 'A lot on the labels is expired or recalled in Frostbyte Pro. Keep those goods apart and tell the supplier; then discard this receipt and receive the rest again without them.'
      const closed = /status is ([A-Z_]+)/.exec(message)
      if (closed)
        return `The order is no longer open for receiving (it is ${closed[1]!.toLowerCase().replace(/_/g, ' ')} in Frostbyte Pro): someone received or closed it already. Check it there; discard this receipt if the goods are booked.`
      if (/exchange rate/i.test(message))
        return 'Frostbyte Pro has no exchange rate for this order’s currency. Ask whoever keeps its currencies to add today’s rate, then press “Retry now” in the Outbox.'
      return undefined
    },
    build(r) {
      if (unsafeId(r.orderVendorId))
        return fail('invalid-request', 'This order cannot be addressed; sync again.')
      if (r.lines.length === 0) return fail('invalid-request', 'Nothing has been received on this order yet.')
      if (r.lines.length > FROSTBYTE_MAX_RECEIPT_LINES)
        return fail(
          'invalid-request',
          `Frostbyte Pro takes at most ${FROSTBYTE_MAX_RECEIPT_LINES} lines in one receipt; submit the rest as another.`
        )
      // ASSUMPTION: the receipt line has no expiry field (the vendor's page names none), so the
      // expiries read from the labels travel in the receipt's notes, one "lot expiry" pair each.
      const expiries = r.lines
        .filter((l) => l.lot && l.expiry)
        .map((l) => `${l.lot} ${l.expiry}`)
        .filter((v, i, all) => all.indexOf(v) === i)
      const notes = [r.note, expiries.length > 0 ? `Expiry from labels: ${expiries.join('; ')}` : '']
        .filter(Boolean)
        .join('\n')
        .slice(0, 2000)
      const body = JSON.stringify({
        warehouseId: fbParseLocationId(r.locationVendorId).id,
        ...(notes && { notes }),
        lines: r.lines.map((l) => ({
          poLineId: l.lineId,
          productId: l.itemVendorId,
          quantity: roundQty(l.quantity),
          ...(l.binVendorId && { binId: fbParseLocationId(l.binVendorId).id }),
          ...(l.lot && { batchNumber: l.lot }),
          ...(l.serials && l.serials.length > 0 && { serialNumbers: l.serials }),
          ...(l.generateSerials && { autoGenerateSerials: true })
        }))
      })
      return ok({
        request: { method: 'POST', path: `/purchase-orders/${r.orderVendorId}/receipts`, body },
        description: `Receipt on ${r.orderNumber}: ${r.lines.length === 1 ? `${r.lines[0]!.label} × ${r.lines[0]!.quantity}` : describeLines(r.lines)}`
      })
    },
    answer(body) {
      const parsed = receiptAnswer.safeParse(body)
      return parsed.success && parsed.data.purchaseOrder ? { status: parsed.data.purchaseOrder.status } : {}
    }
  },
  pack: {
    build(s) {
      if (unsafeId(s.shipmentVendorId))
        return fail('invalid-request', 'This shipment cannot be addressed; sync again.')
      return ok({
        request: { method: 'POST', path: `/shipments/${s.shipmentVendorId}/pack`, body: '', noKey: true },
        description: `Pack ${s.number}`,
        repeatable: true
      })
    },
    answer: statusOf
  },
  dispatch: {
    dispatchableFrom: ['PACKED'],
    packableFrom: ['PICKING', 'PICKED'],
    trackingProblem(tracking) {
      if (tracking.trim() === '') return 'Scan the tracking number from the carrier’s label.'
      if (tracking.length > 100) return 'A tracking number has at most 100 characters.'
      if (!TRACKING.test(tracking))
        return 'A tracking number may contain only letters, digits, spaces and - _ . — scan the carrier’s tracking barcode.'
      return undefined
    },
    build(d) {
      if (unsafeId(d.shipmentVendorId))
        return fail('invalid-request', 'This shipment cannot be addressed; sync again.')
      const problem = frostbyteWorkflow.dispatch!.trackingProblem(d.tracking)
      if (problem) return fail('invalid-request', problem)
      if (d.carrier.trim() === '' || d.carrier.length > 100)
        return fail('invalid-request', 'Name the carrier (at most 100 characters).')
      return ok({
        request: {
          method: 'POST',
          path: `/shipments/${d.shipmentVendorId}/dispatch`,
          body: JSON.stringify({ carrier: d.carrier.trim(), trackingNumber: d.tracking })
        },
        description: `Dispatch ${d.number} by ${d.carrier.trim()}, tracking ${d.tracking}`
      })
    },
    answer: statusOf
  },
  alreadyApplied: (kind, refusal) =>
    kind === 'pack' && refusal.status === 422 && /status is (PACKED|DISPATCHED)\b/.test(refusal.message)
}
