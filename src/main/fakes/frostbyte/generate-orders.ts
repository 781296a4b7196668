/**
 * The documents around the catalogue: suppliers, purchase orders, sales orders with their
 * shipments, and past stock adjustments (already reflected in stock, with their movements).
 */
import type { CuidFactory } from '../common/ids'
import { COMPANY_WORDS, PERSON_NAMES } from '../common/names'
import { Rng } from '../common/rng'
import { DAY } from '../common/time'
import type { FrostbyteData } from './data'
import type {
  FbAdjustment,
  FbPoLine,
  FbProduct,
  FbPurchaseOrder,
  FbSalesOrder,
  FbShipment,
  FbStockRow,
  FbSupplier,
  PoStatus,
  ShipmentStatus
} from './model'

export function makeSuppliers(seed: number, ids: CuidFactory, at: number): FbSupplier[] {
  const rng = Rng.for(seed, 'fb-suppliers')
  const out: FbSupplier[] = []
  for (let k = 0; k < 10; k++) {
    const first = COMPANY_WORDS.first[k % COMPANY_WORDS.first.length] as string
    const name = `${first} ${rng.pick(COMPANY_WORDS.second)} ${rng.pick(COMPANY_WORDS.suffix)}`
    out.push({
      id: ids.next(at),
      code: `SUP${String(k + 1).padStart(3, '0')}`,
      name,
      email: `orders@${first.toLowerCase()}.example.nz`,
      phone: `+64 9 ${rng.int(300, 999)} ${rng.int(1000, 9999)}`,
      currency: k === 7 ? 'AUD' : k === 8 ? 'USD' : 'NZD',
      isActive: k !== 9,
      createdAt: at,
      updatedAt: at + rng.int(0, 400) * DAY
    })
  }
  return out
}

export function makeOrders(
  data: FrostbyteData,
  products: FbProduct[],
  suppliers: FbSupplier[],
  ids: CuidFactory,
  anchor: number
): void {
  const seed = data.seed
  const active = products.filter((p) => p.isActive)
  const plain = active.filter((p) => !p.trackBatches && !p.trackSerials)
  const batchTracked = active.filter((p) => p.trackBatches)
  const serialTracked = active.filter((p) => p.trackSerials)
  const poCount = clamp(Math.round(data.size / 20), 5, 400)
  const pos: FbPurchaseOrder[] = []
  for (let k = 0; k < poCount; k++) {
    const rng = Rng.for(seed, 'fb-po', k)
    const pool =
      k === 1 && batchTracked.length > 0
        ? batchTracked
        : k === 2 && serialTracked.length > 0
          ? serialTracked
          : k < 3
            ? plain
            : active
    const status: PoStatus =
      k < 3
        ? 'APPROVED'
        : rng.weighted([
            ['DRAFT', 2],
            ['SUBMITTED', 2],
            ['APPROVED', 3],
            ['PARTIALLY_RECEIVED', 2],
            ['RECEIVED', 4],
            ['CANCELLED', 1]
          ] as const)
    const orderDate = anchor - rng.int(1, 120) * DAY + rng.int(0, 86_399) * 1000
    const lines: FbPoLine[] = []
    const lineCount = rng.int(1, 5)
    for (let l = 0; l < lineCount && pool.length > 0; l++) {
      const p = rng.pick(pool)
      if (lines.some((x) => x.productId === p.id)) continue
      const quantity = p.trackSerials ? rng.int(1, 5) : rng.int(5, 200)
      const received =
        status === 'RECEIVED'
          ? quantity
          : status === 'PARTIALLY_RECEIVED' && l === 0
            ? Math.floor(quantity / 2)
            : 0
      lines.push({
        id: ids.next(orderDate),
        productId: p.id,
        quantity,
        quantityReceived: received,
        unitCost: round2(p.costPrice * rng.float(0.9, 1.05)),
        taxRate: p.taxRate
      })
    }
    const supplier = rng.pick(suppliers.filter((s) => s.isActive))
    const updatedAt = Math.min(anchor - 60_000, orderDate + rng.int(0, 10) * DAY)
    pos.push({
      id: ids.next(orderDate),
      orderNumber: `PO-${String(k + 1).padStart(5, '0')}`,
      status,
      supplierId: supplier.id,
      warehouseId: data.warehouses[0]?.id ?? null,
      orderDate,
      expectedDate: orderDate + rng.int(7, 30) * DAY,
      receivedDate: status === 'RECEIVED' ? updatedAt : null,
      currency: supplier.currency,
      notes: null,
      lines,
      createdAt: orderDate,
      updatedAt
    })
  }
  data.purchaseOrders.load(pos)
  data.setSequence('PO', poCount)

  const soCount = clamp(Math.round(data.size / 25), 4, 300)
  const sos: FbSalesOrder[] = []
  const shipments: FbShipment[] = []
  const forced: ShipmentStatus[] = ['PICKED', 'PACKED', 'PACKED', 'DISPATCHED']
  for (let k = 0; k < soCount; k++) {
    const rng = Rng.for(seed, 'fb-so', k)
    const status: ShipmentStatus =
      forced[k] ??
      rng.weighted([
        ['PICKING', 2],
        ['PICKED', 2],
        ['PACKED', 2],
        ['DISPATCHED', 5]
      ] as const)
    const createdAt = anchor - rng.int(1, 30) * DAY + rng.int(0, 86_399) * 1000
    const lines: FbSalesOrder['lines'] = []
    const lineCount = rng.int(1, 4)
    for (let l = 0; l < lineCount && plain.length > 0; l++) {
      const p = rng.pick(plain)
      if (lines.some((x) => x.productId === p.id)) continue
      const quantity = rng.int(1, 24)
      lines.push({
        id: ids.next(createdAt),
        productId: p.id,
        quantity,
        quantityDispatched: status === 'DISPATCHED' ? quantity : 0,
        unitPrice: p.defaultPrice,
        taxRate: p.taxRate
      })
    }
    const updatedAt = Math.min(anchor - 60_000, createdAt + rng.int(0, 2) * DAY)
    const so: FbSalesOrder = {
      id: ids.next(createdAt),
      orderNumber: `SO-${String(k + 1).padStart(5, '0')}`,
      status: status === 'DISPATCHED' ? 'DISPATCHED' : status === 'PACKED' ? 'PACKED' : 'PICKING',
      customerName: `${rng.pick(PERSON_NAMES.first)} ${rng.pick(PERSON_NAMES.last)}`,
      warehouseId: data.warehouses[0]?.id ?? '',
      lines,
      createdAt,
      updatedAt
    }
    sos.push(so)
    const dispatched = status === 'DISPATCHED'
    shipments.push({
      id: ids.next(createdAt),
      shipmentNumber: `SH-${String(k + 1).padStart(5, '0')}`,
      status,
      salesOrderId: so.id,
      carrier: dispatched ? rng.pick(['NZ Couriers', 'Mainfreight', 'NZ Post', 'Aramex']) : null,
      trackingNumber: dispatched ? `${rng.base36(4).toUpperCase()}${rng.int(100000, 999999)}` : null,
      totalWeight: rng.float(0.5, 40, 1),
      shipDate: dispatched ? updatedAt : null,
      notes: null,
      lines: lines.map((l) => ({
        soLineId: l.id,
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        taxRate: l.taxRate
      })),
      createdAt,
      updatedAt
    })
  }
  data.salesOrders.load(sos)
  data.shipments.load(shipments)
  data.setSequence('SO', soCount)
  data.setSequence('SH', soCount)
  data.setSequence('GR', 0)
}

/** Past adjustments, already reflected in current stock, with their movements. */
export function makeAdjustments(
  data: FrostbyteData,
  rows: FbStockRow[],
  rowProducts: FbProduct[],
  ids: CuidFactory,
  anchor: number
): void {
  const count = clamp(Math.round(data.size / 40), 3, 200)
  // Few rows are needed: probe at random instead of filtering all of them.
  const probe = Rng.for(data.seed, 'fb-adj-rows')
  const candidates: FbStockRow[] = []
  const byId = new Map<string, FbProduct>()
  for (let tries = 0; tries < count * 40 && candidates.length < count * 3; tries++) {
    const i = probe.int(0, rows.length - 1)
    const row = rows[i]
    const p = rowProducts[i]
    if (!row || !p || p.trackBatches || p.trackSerials || !p.isActive || row.cells.length === 0) continue
    if (candidates.includes(row)) continue
    candidates.push(row)
    byId.set(p.id, p)
  }
  const adjustments: FbAdjustment[] = []
  for (let k = 0; k < count && candidates.length > 0; k++) {
    const rng = Rng.for(data.seed, 'fb-adj', k)
    const createdAt = anchor - rng.int(1, 90) * DAY + rng.int(0, 86_399) * 1000
    const voided = rng.chance(0.05)
    const number = `ADJ-${String(k + 1).padStart(5, '0')}`
    const lines: FbAdjustment['lines'] = []
    for (let l = rng.int(1, 3); l > 0; l--) {
      const row = rng.pick(candidates)
      const cell = row.cells[0]
      if (!cell || lines.some((x) => x.productId === row.productId && x.warehouseId === row.warehouseId))
        continue
      const change = rng.pick([-1, 1]) * rng.int(1, 10)
      lines.push({
        productId: row.productId,
        warehouseId: row.warehouseId,
        binId: cell.binId,
        batchId: null,
        quantityChange: change,
        costPerUnit: byId.get(row.productId)?.costPrice ?? null
      })
      if (voided) continue
      data.movements.push({
        id: ids.next(createdAt),
        type: 'ADJUSTMENT',
        productId: row.productId,
        warehouseId: row.warehouseId,
        binId: cell.binId,
        batchId: null,
        quantityChange: change,
        reference: number,
        at: createdAt
      })
      row.updatedAt = Math.max(row.updatedAt, createdAt)
      const p = byId.get(row.productId)
      if (p) p.updatedAt = Math.max(p.updatedAt, createdAt)
    }
    adjustments.push({
      id: ids.next(createdAt),
      adjustmentNumber: number,
      reason: rng.weighted([
        ['CYCLE_COUNT', 5],
        ['WRITE_OFF', 2],
        ['DAMAGE', 2],
        ['CORRECTION', 2],
        ['OTHER', 1]
      ] as const),
      status: voided ? 'VOIDED' : 'COMPLETED',
      notes: rng.chance(0.5) ? 'Monthly cycle count' : null,
      completedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
      lines
    })
  }
  data.movements.sort((a, b) => a.at - b.at)
  data.adjustments.load(adjustments)
  data.setSequence('ADJ', adjustments.length)
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n))
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100
}
