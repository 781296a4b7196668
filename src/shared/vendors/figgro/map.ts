import type { z } from 'zod'
import { recordKey } from '../../model/records'
import type { ItemRecord, LotRecord, TaskRecord } from '../../model/schemas'
import { itemCodes, searchWords } from '../common'
import { wholeStock, wholeStockPlace } from '../whole-stock'
import type { fgJobRun, fgProduct, fgRawMaterial, fgTicket } from './schemas'

/** ASSUMPTION (U11): Figgro keeps one quantity per record, no locations: its stock is counted as a whole. */
export const figgroPlace = (cid: string) => wholeStockPlace(cid, 'products')

type Stocked = z.output<typeof fgProduct>

function item(
  cid: string,
  resource: string,
  kind: 'product' | 'material',
  r: Stocked,
  raw: unknown,
  lot?: string
) {
  const vendorId = `${resource}/${r.id}`
  const itemKey = recordKey(cid, 'item', vendorId)
  const sku = r.sku?.trim() ?? ''
  const record: ItemRecord = {
    key: itemKey,
    connectionId: cid,
    vendorId,
    resource,
    raw,
    sku,
    // A record without a name is still an item: it shows by its SKU, else by its id.
    name: r.name?.trim() || sku || `${kind === 'product' ? 'Product' : 'Raw material'} ${r.id}`,
    // U12: the SKU is the only code; a lot number finds its material too.
    codes: itemCodes(sku, lot),
    words: searchWords(r.name, sku, lot, String(r.id)),
    ...(r.quantityOnHand != null && { onHand: r.quantityOnHand }),
    tracking: lot ? 'lot' : 'none',
    ...((lot || r.unitOfMeasure) && { detail: lot ? `lot ${lot}` : `per ${r.unitOfMeasure}` }),
    kind,
    ...(r.unitOfMeasure && { unit: r.unitOfMeasure }),
    ...(r.updatedAt && { vendorUpdatedAt: r.updatedAt })
  }
  return { record, itemKey, vendorId }
}

const stockOf = (cid: string, resource: string, vendorId: string, itemKey: string, onHand?: number | null) =>
  wholeStock(cid, { resource, vendorId, itemKey, onHand })

export function mapFgProduct(cid: string, r: z.output<typeof fgProduct>, raw: unknown) {
  const { record, itemKey, vendorId } = item(cid, 'products', 'product', r, raw)
  return { item: record, stock: stockOf(cid, 'products', vendorId, itemKey, r.quantityOnHand) }
}

/** A raw material, its current lot (U3) with expiry for FEFO, and its stock on that lot. */
export function mapFgRawMaterial(cid: string, r: z.output<typeof fgRawMaterial>, raw: unknown) {
  const lotNumber = r.lotNumber?.trim() || undefined
  const { record, itemKey, vendorId } = item(cid, 'raw-materials', 'material', r, raw, lotNumber)
  const lotKey = lotNumber ? recordKey(cid, 'lot', `${vendorId}#${lotNumber}`) : undefined
  const expiry = r.expiryDate ?? undefined
  const lot: LotRecord | undefined =
    lotKey && lotNumber
      ? {
          key: lotKey,
          connectionId: cid,
          vendorId: `${vendorId}#${lotNumber}`,
          resource: 'raw-materials',
          raw: null,
          itemKey,
          lotNumber,
          ...(r.quantityOnHand != null && { quantity: r.quantityOnHand }),
          ...(expiry && { expiry })
        }
      : undefined
  const base = stockOf(cid, 'raw-materials', vendorId, itemKey, r.quantityOnHand)
  const stock = base && { ...base, ...(lotKey && { lotKey }), ...(expiry && { expiry }) }
  return { item: record, stock, lot }
}

/** The item a job makes: its product where the record names one, else a line of its own. */
const productKey = (cid: string, productId: string | null | undefined, own: string) =>
  recordKey(cid, 'item', productId ? `products/${productId}` : `line:${own}`)

const labelOf = (r: { sku?: string | null; productName?: string | null; productId?: string | null }) =>
  [r.sku, r.productName].filter(Boolean).join(' ') ||
  (r.productId ? `product ${r.productId}` : 'product not named')

/** A job run as a read-only task: one line, the product it makes. */
export function mapFgJobRun(cid: string, j: z.output<typeof fgJobRun>, raw: unknown): TaskRecord {
  const vendorId = `job-runs/${j.id}`
  const label = labelOf(j)
  const planned = j.plannedQuantity ?? 0
  return {
    key: recordKey(cid, 'task', vendorId),
    connectionId: cid,
    vendorId,
    resource: 'job-runs',
    raw,
    name: `Job run ${j.jobNumber || j.id} · ${label}`,
    status: taskStatus(j.status, j.endDate),
    ...(j.startDate && { vendorUpdatedAt: j.startDate }),
    ...(j.endDate && { due: j.endDate }),
    lines: [
      {
        lineId: j.id,
        itemKey: productKey(cid, j.productId, vendorId),
        name: label,
        planned,
        done: j.completedQuantity ?? 0
      }
    ],
    batches: []
  }
}

/** A job run ticket as a read-only task whose one batch is the ticket's quantity, with its lab and Metrc state. */
export function mapFgTicket(cid: string, t: z.output<typeof fgTicket>, raw: unknown): TaskRecord {
  const vendorId = `job-run-tickets/${t.id}`
  const label = labelOf(t)
  const quantity = t.quantity ?? 0
  const checks = [
    t.labTestPassed ? 'lab test passed' : 'lab test pending',
    t.metrcSynced ? 'in Metrc' : 'not in Metrc yet'
  ].join(', ')
  return {
    key: recordKey(cid, 'task', vendorId),
    connectionId: cid,
    vendorId,
    resource: 'job-run-tickets',
    raw,
    name: `Ticket ${t.ticketNumber || t.id}${t.jobNumber ? ` (${t.jobNumber})` : ''} · ${label} — ${checks}`,
    status: taskStatus(t.status, t.endDate),
    ...(t.startDate && { vendorUpdatedAt: t.startDate }),
    ...(t.endDate && { due: t.endDate }),
    lines: [
      {
        lineId: t.id,
        itemKey: productKey(cid, t.productId, vendorId),
        name: label,
        planned: quantity,
        done: t.endDate ? quantity : 0
      }
    ],
    batches: t.endDate ? [{ id: t.id, lineId: t.id, quantity, at: t.endDate }] : []
  }
}

/** The task states the Tasks screen knows, from Figgro's words (U4: Scheduled, InProgress, Completed, Open, Closed). */
function taskStatus(status: string | null | undefined, endDate?: string | null): string {
  const s = (status ?? '').toLowerCase().replace(/[\s_-]/g, '')
  if (s === 'completed' || s === 'closed' || s === 'done') return 'done'
  if (s === 'inprogress' || s === 'open' || s === 'running') return endDate ? 'done' : 'in-progress'
  return 'pending'
}
