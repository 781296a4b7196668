import type { z } from 'zod'
import { recordKey } from '../../model/records'
import type { OrderRecord } from '../../model/schemas'
import { fbWarehouseKey } from './map'
import type { fbPurchaseOrder, fbShipment } from './schemas'

const labelOf = (p: { sku?: string | undefined; name?: string | undefined } | null | undefined) =>
  p ? `${p.sku ?? ''} ${p.name ?? ''}`.trim() || undefined : undefined

/** A purchase order to receive: its lines name the vendor's line ids a receipt sends back. */
export function mapFbPurchaseOrder(
  cid: string,
  po: z.infer<typeof fbPurchaseOrder>,
  raw: unknown
): OrderRecord {
  return {
    key: recordKey(cid, 'order', `po/${po.id}`),
    connectionId: cid,
    vendorId: po.id,
    resource: 'purchase-orders',
    raw,
    number: po.orderNumber,
    status: po.status,
    direction: 'in',
    ...(po.supplier?.name && { supplier: po.supplier.name }),
    ...(po.expectedDate && { expectedAt: po.expectedDate }),
    ...(po.warehouseId && { locationKey: fbWarehouseKey(cid, po.warehouseId) }),
    ...(po.updatedAt && { vendorUpdatedAt: po.updatedAt }),
    lines: po.lines.map((l) => {
      const label = labelOf(l.product)
      return {
        itemKey: recordKey(cid, 'item', l.productId),
        ordered: l.quantity,
        received: l.quantityReceived ?? 0,
        lineId: l.id,
        ...(label && { label })
      }
    })
  }
}

/** A shipment to check, pack and dispatch (its lines come from its detail). */
export function mapFbShipment(cid: string, s: z.infer<typeof fbShipment>, raw: unknown): OrderRecord {
  return {
    key: recordKey(cid, 'order', `sh/${s.id}`),
    connectionId: cid,
    vendorId: s.id,
    resource: 'shipments',
    raw,
    number: s.shipmentNumber,
    status: s.status,
    direction: 'out',
    ...(s.salesOrder?.orderNumber && { customer: s.salesOrder.orderNumber }),
    ...(s.carrier && { carrier: s.carrier }),
    ...(s.trackingNumber && { tracking: s.trackingNumber }),
    ...(s.updatedAt && { vendorUpdatedAt: s.updatedAt }),
    lines: (s.lines ?? []).map((l) => {
      const label = labelOf(l.product)
      return {
        itemKey: recordKey(cid, 'item', l.productId),
        ordered: l.quantity,
        lineId: l.soLineId,
        ...(label && { label })
      }
    })
  }
}
