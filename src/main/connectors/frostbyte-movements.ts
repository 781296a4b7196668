import { z } from 'zod'
import type { VendorChange } from '../../shared/host-api/outbox'
import { fbListEnvelope } from '../../shared/vendors/frostbyte/schemas'
import { VendorError, type VendorHttp } from '../http/vendor-http'

/** The report's documented cap: a full page means there may be more after its last movement. */
const REPORT_CAP = 1000

const movement = z.looseObject({
  id: z.string(),
  productId: z.string(),
  type: z.string().optional(),
  quantityChange: z.number(),
  reference: z.string().nullish(),
  occurredAt: z.string().nullish()
})
const report = z.looseObject({ movements: z.array(z.unknown()) })
const adjustmentRow = z.looseObject({ adjustmentNumber: z.string(), notes: z.string().nullish() })

const kindWords: Record<string, string> = {
  ADJUSTMENT: 'stock adjustment',
  RECEIPT: 'receipt',
  DISPATCH: 'dispatch',
  TRANSFER: 'transfer'
}

/**
 * Frostbyte's movement log at one warehouse since an instant, for the products given
 * (`/reports/stock-movement?warehouseId=`: one request for a count's place, whatever
 * its lines; at most 1,000 rows an answer, oldest first). It has no page parameter, so a
 * full answer is followed by another from its last movement's instant, movements
 * already read dropped by id. `dateTo` is a day ahead of this PC's
 * clock so a vendor clock ahead of ours loses nothing (the report wants one).
 * Adjustments are named by their notes (one `/stock-adjustments?search=` per
 * adjustment of another writer, at most five), as the vendor's history shows them.
 */
export async function frostbyteChangesSince(
  http: VendorHttp,
  warehouseId: string,
  productIds: ReadonlySet<string>,
  since: string,
  own: ReadonlySet<string>
): Promise<VendorChange[]> {
  const dateTo = new Date(Date.now() + 86_400_000).toISOString()
  const seen = new Set<string>()
  const changes: VendorChange[] = []
  let from = since
  for (;;) {
    const res = await http.request('GET', '/reports/stock-movement', {
      query: { dateFrom: from, dateTo, warehouseId }
    })
    const parsed = report.safeParse(res.json)
    if (!parsed.success)
      throw new VendorError({
        kind: 'malformed',
        message: '/reports/stock-movement did not return movements'
      })
    const rows = parsed.data.movements
      .map((m) => movement.safeParse(m))
      .flatMap((m) => (m.success ? [m.data] : []))
    let last = from
    for (const m of rows) {
      if (m.occurredAt && m.occurredAt > last) last = m.occurredAt
      if (seen.has(m.id)) continue
      seen.add(m.id)
      if (!productIds.has(m.productId) || own.has(m.reference ?? '')) continue
      changes.push({
        itemVendorId: m.productId,
        at: m.occurredAt ?? since,
        change: m.quantityChange,
        reference: m.reference ?? m.id,
        kind: kindWords[m.type ?? ''] ?? (m.type ?? 'movement').toLowerCase()
      })
    }
    if (parsed.data.movements.length < REPORT_CAP || last === from) break
    from = last
  }
  return nameAdjustments(http, changes)
}

/** The notes of the adjustments among `changes`, as the vendor's history shows them. */
async function nameAdjustments(http: VendorHttp, changes: VendorChange[]): Promise<VendorChange[]> {
  const asked = new Map<string, string | undefined>()
  for (const c of changes) {
    if (c.kind !== 'stock adjustment' || asked.has(c.reference) || asked.size >= 5) continue
    const res = await http.request('GET', '/stock-adjustments', {
      query: { search: c.reference, page: 1, pageSize: 5 }
    })
    const env = fbListEnvelope.safeParse(res.json)
    const row = env.success
      ? env.data.data
          .map((r) => adjustmentRow.safeParse(r))
          .find((r) => r.success && r.data.adjustmentNumber === c.reference)
      : undefined
    asked.set(c.reference, row?.success ? (row.data.notes ?? undefined) : undefined)
  }
  return changes.map((c) => {
    const note = asked.get(c.reference)
    return note ? { ...c, note } : c
  })
}
