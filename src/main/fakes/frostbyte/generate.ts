/**
 * Deterministic Frostbyte dataset from (seed, size). Every product draws from its own
 * random stream, so the first N products are the same whatever the size; 100k products
 * generate in well under a second.
 *
 * Guarantees (tests rely on them): product i with i % 5 === 2 is batch-tracked (and when
 * i % 10 === 2 its first batch expires within 14 days); i % 25 === 7 is serial-tracked;
 * i % 7 === 3 stands at or below its minimum. Purchase orders 0, 1, 2 are APPROVED (lines
 * untracked, batch-tracked, serial-tracked); shipments 0..3 are PICKED, PACKED, PACKED,
 * DISPATCHED. About 15 % of products share one bulk-import timestamp, so `updatedAt`
 * ties span page boundaries.
 */
import { gtin14FromEan13, withCheckDigit } from '../common/gtin'
import { CuidFactory } from '../common/ids'
import { CATALOGUE, COMPANY_WORDS, PERSON_NAMES, type CatalogueFamily } from '../common/names'
import { hashSeed, Rng } from '../common/rng'
import { DAY, startOfUtcDay } from '../common/time'
import { FrostbyteData } from './data'
import type {
  FbAdjustment,
  FbBatch,
  FbBin,
  FbPoLine,
  FbProduct,
  FbPurchaseOrder,
  FbSalesOrder,
  FbSerial,
  FbShipment,
  FbStockRow,
  FbSupplier,
  FbUnitOfMeasure,
  FbWarehouse,
  PoStatus,
  ShipmentStatus,
  UomType
} from './model'

export interface GenerateOptions {
  seed: number
  size: number
  now: () => Date
}

const UNITS: readonly [string, string, UomType][] = [
  ['Each', 'ea', 'UNIT'],
  ['Box', 'box', 'UNIT'],
  ['Kilogram', 'kg', 'WEIGHT'],
  ['Litre', 'L', 'VOLUME'],
  ['Metre', 'm', 'LENGTH'],
  ['Square metre', 'm²', 'AREA'],
  ['Hour', 'hr', 'TIME']
]

const WAREHOUSES: readonly { code: string; name: string; zones: readonly [string, string, number][] }[] = [
  {
    code: 'AKL',
    name: 'Auckland Distribution Centre',
    zones: [
      ['A', 'Ambient racking', 40],
      ['B', 'Bulk floor', 12],
      ['C', 'Cold store', 10]
    ]
  },
  {
    code: 'CHC',
    name: 'Christchurch Warehouse',
    zones: [
      ['A', 'Ambient racking', 20],
      ['C', 'Cold store', 6]
    ]
  },
  { code: 'WLG', name: 'Wellington Store Room', zones: [['A', 'Shelving', 10]] }
]

export function generateFrostbyte(opts: GenerateOptions): FrostbyteData {
  const { seed, size } = opts
  // ASSUMPTION (design): generated instants hang off the start of the current UTC day, so expiry
  // windows are relative to "now"; the same seed gives the same data on the same day (or clock).
  const anchor = startOfUtcDay(opts.now().getTime())
  const data = new FrostbyteData(seed, size, anchor, opts.now)
  const ids = new CuidFactory(seed, 'generate')
  const setupAt = anchor - 800 * DAY

  data.unitsOfMeasure = UNITS.map(([name, abbreviation, type]) => ({
    id: ids.next(setupAt),
    name,
    abbreviation,
    type
  }))
  data.categories = CATALOGUE.map((f, i) => ({
    id: ids.next(setupAt),
    name: f.category,
    parentId: null,
    sortOrder: (i + 1) * 10
  }))
  data.warehouses = WAREHOUSES.map((w) => makeWarehouse(w, ids, setupAt))
  const suppliers = makeSuppliers(seed, ids, setupAt)
  data.suppliers.load(suppliers)

  const uomByAbbr = new Map<string, FbUnitOfMeasure>(data.unitsOfMeasure.map((u) => [u.abbreviation, u]))
  const products: FbProduct[] = []
  const rows: FbStockRow[] = []
  /** The product of each row, by index (saves a 100k-entry lookup map later). */
  const rowProducts: FbProduct[] = []
  const batches: FbBatch[] = []
  const serials: FbSerial[] = []
  const importAt = anchor - 700 * DAY + 9 * 3_600_000
  const eanOffset = hashSeed(seed, 'ean') % 10_000_000
  const upcOffset = hashSeed(seed, 'upc') % 10_000_000_000
  const company = String(100 + (hashSeed(seed, 'company') % 900))
  let batchCounter = 0
  // Shared, never mutated: one array per supplier instead of one per product.
  const supplierLists = suppliers.map((s) => [s.id])
  const familyWeights = CATALOGUE.map((f, k) => [k, f.weight] as const)
  const descriptions = CATALOGUE.map((f) => `${f.category} — stocked item`)

  for (let i = 0; i < size; i++) {
    const rng = Rng.for(seed, 'fb-product', i)
    const forcedSerial = i % 25 === 7
    const forcedBatch = i % 5 === 2
    const forcedLow = i % 7 === 3
    const familyIndex = forcedSerial ? 5 : forcedBatch ? 3 : rng.weighted(familyWeights)
    const family = CATALOGUE[familyIndex] as CatalogueFamily
    const category = data.categories[familyIndex]
    const unit = uomByAbbr.get(forcedSerial ? 'ea' : rng.pick(family.units)) as FbUnitOfMeasure

    // ASSUMPTION: US-sourced goods carry their 12-digit UPC-A in `barcode`, as printed.
    const isUpc = rng.chance(0.1)
    let ean13: string
    let upcA: string | null = null
    if (isUpc) {
      upcA = withCheckDigit('0' + String((upcOffset + i * 7919) % 10_000_000_000).padStart(10, '0'))
      ean13 = '0' + upcA
    } else {
      ean13 = withCheckDigit(`94${company}${String((eanOffset + i * 7919) % 10_000_000).padStart(7, '0')}`)
    }
    const hasCase = unit.type === 'UNIT' && rng.chance(0.3)
    const gtin14 = hasCase ? gtin14FromEan13(ean13, 1) : null
    const barcode = rng.chance(0.05) && !forcedBatch && !forcedSerial && !forcedLow ? null : (upcA ?? ean13)

    const [minCost, maxCost] = family.cost
    const costPrice = round2(minCost * (maxCost / minCost) ** rng.next())
    const trackBatches = family.batchTracked && (forcedBatch || rng.chance(0.8))
    const trackSerials =
      !trackBatches && (forcedSerial || (family.serialCandidates && costPrice > 150 && rng.chance(0.5)))
    const minStockLevel = forcedLow
      ? trackSerials
        ? rng.int(2, 5)
        : rng.int(5, 60)
      : rng.chance(0.2)
        ? 0
        : trackSerials
          ? rng.int(1, 4)
          : rng.int(5, 60)
    const bulk = !forcedLow && rng.chance(0.15)
    const createdAt = bulk ? importAt : anchor - rng.int(30, 730) * DAY - rng.int(0, 86_399_999)
    const updatedAt = bulk ? importAt : createdAt + rng.int(0, anchor - createdAt - 60_000)

    const product: FbProduct = {
      id: ids.next(createdAt),
      sku: `${family.prefix}-${String(i + 1).padStart(5, '0')}`,
      name: `${rng.pick(family.adjectives)} ${rng.pick(family.nouns)}, ${rng.pick(family.variants)}`,
      description: rng.chance(0.6) ? (descriptions[familyIndex] ?? null) : null,
      barcode,
      codes: { ean13, upcA, gtin14 },
      costPrice,
      defaultPrice: round2(costPrice * rng.float(1.3, 2.2)),
      taxRate: rng.chance(0.03) ? 0 : 0.15,
      imageUrl: null,
      unitOfMeasureId: unit.id,
      categoryId: category?.id ?? null,
      productType: 'STANDARD',
      trackBatches,
      trackSerials,
      isActive: forcedBatch || forcedSerial || forcedLow || !rng.chance(0.02),
      minStockLevel,
      reorderQuantity: trackSerials ? rng.int(1, 10) : rng.int(10, 200),
      notes: rng.chance(0.1) ? 'Check packaging on receipt' : null,
      purchaseUnit: hasCase ? { name: 'Case', factor: rng.pick([6, 10, 12, 24, 48]), barcode: gtin14 } : null,
      supplierIds: rng.pick(supplierLists),
      createdAt,
      updatedAt
    }
    products.push(product)

    // Stock: one row per warehouse, one or two bins each; batch-tracked stock is split by batch.
    const low = forcedLow || (minStockLevel > 0 && rng.chance(0.06))
    let total = low ? rng.int(0, minStockLevel) : minStockLevel + rng.int(1, trackSerials ? 8 : 400)
    const whCount = rng.weighted([
      [1, 6],
      [2, 3],
      [3, 1]
    ] as const)
    const warehouses = data.warehouses.slice(0, whCount)
    const productBatches: FbBatch[] = []
    if (trackBatches) {
      const count = rng.int(1, 3)
      for (let b = 0; b < count; b++) {
        productBatches.push(
          makeBatch(
            rng,
            ids,
            ++batchCounter,
            product,
            anchor,
            b === 0 && i % 10 === 2 ? (Math.floor(i / 10) % 14) + 1 : undefined
          )
        )
      }
      batches.push(...productBatches)
    }
    for (let w = 0; w < warehouses.length; w++) {
      const wh = warehouses[w] as FbWarehouse
      const share = w === warehouses.length - 1 ? total : Math.floor(total * rng.float(0.4, 0.8))
      total -= share
      const bins = pickBins(rng, wh, trackBatches)
      const row: FbStockRow = {
        id: ids.next(updatedAt),
        productId: product.id,
        warehouseId: wh.id,
        cells: [],
        updatedAt: bulk ? importAt : Math.max(createdAt, updatedAt - rng.int(0, 5) * DAY)
      }
      let left = share
      bins.forEach((bin, bi) => {
        const binQty = bi === bins.length - 1 ? left : Math.floor(left / 2)
        left -= binQty
        if (productBatches.length === 0) {
          const reserved = rng.chance(0.15) ? Math.min(binQty, rng.int(0, 10)) : 0
          row.cells.push({ binId: bin.id, batchId: null, onHand: binQty, reserved })
        } else {
          let rest = binQty
          productBatches.forEach((batch, k) => {
            const q = k === productBatches.length - 1 ? rest : Math.floor(rest * rng.float(0.2, 0.7))
            rest -= q
            row.cells.push({ binId: bin.id, batchId: batch.id, onHand: q, reserved: 0 })
          })
        }
      })
      rows.push(row)
      rowProducts.push(product)
      if (trackSerials) {
        for (const cell of row.cells) {
          for (let u = 0; u < cell.onHand; u++)
            serials.push(
              makeSerial(rng, ids, product, i, serials.length, 'AVAILABLE', wh.id, cell.binId, anchor)
            )
        }
      }
    }
    if (trackSerials) {
      const sold = rng.int(0, 3)
      for (let u = 0; u < sold; u++)
        serials.push(makeSerial(rng, ids, product, i, serials.length, 'SOLD', null, null, anchor))
    }
  }

  data.products.load(products)
  data.stockRows.load(rows)
  data.batches.load(batches)
  data.serials.load(serials)
  makeOrders(data, products, suppliers, ids, anchor)
  makeAdjustments(data, rows, rowProducts, ids, anchor)
  data.reindex()
  return data
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}

function makeWarehouse(w: (typeof WAREHOUSES)[number], ids: CuidFactory, at: number): FbWarehouse {
  return {
    id: ids.next(at),
    code: w.code,
    name: w.name,
    isActive: true,
    zones: w.zones.map(([code, name, binCount]) => {
      const bins: FbBin[] = []
      for (let b = 0; b < binCount; b++) {
        const aisle = String(Math.floor(b / 4) + 1).padStart(2, '0')
        const bay = String((b % 4) + 1).padStart(2, '0')
        bins.push({
          id: ids.next(at),
          code: `${w.code}-${code}-${aisle}-${bay}`,
          name: `Zone ${code} aisle ${aisle} bay ${bay}`
        })
      }
      return { id: ids.next(at), code, name, bins }
    })
  }
}

function makeSuppliers(seed: number, ids: CuidFactory, at: number): FbSupplier[] {
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

function pickBins(rng: Rng, wh: FbWarehouse, cold: boolean): FbBin[] {
  const zone = (cold && wh.zones.find((z) => z.code === 'C')) || rng.pick(wh.zones)
  const first = rng.pick(zone.bins)
  if (!rng.chance(0.2) || zone.bins.length < 2) return [first]
  const second = rng.pick(zone.bins.filter((b) => b !== first))
  return [first, second]
}

function makeBatch(
  rng: Rng,
  ids: CuidFactory,
  n: number,
  product: FbProduct,
  anchor: number,
  soonDays: number | undefined
): FbBatch {
  const roll = rng.next()
  let status: FbBatch['status'] = 'ACTIVE'
  let expiry: number
  if (soonDays !== undefined) expiry = anchor + soonDays * DAY
  else if (roll < 0.08) expiry = anchor + rng.int(1, 14) * DAY
  else if (roll < 0.13) {
    expiry = anchor - rng.int(1, 60) * DAY
    status = 'EXPIRED'
  } else {
    expiry = anchor + rng.int(30, 540) * DAY
    if (roll < 0.16) status = 'QUARANTINED'
  }
  const made = Math.max(product.createdAt, expiry - rng.int(180, 720) * DAY)
  const createdAt = Math.min(anchor - DAY, made + rng.int(1, 20) * DAY)
  const madeDate = new Date(made)
  const yymm = String((madeDate.getUTCFullYear() % 100) * 100 + madeDate.getUTCMonth() + 1).padStart(4, '0')
  return {
    id: ids.next(createdAt),
    batchNumber: `L${yymm}-${String(n).padStart(5, '0')}`,
    status,
    manufactureDate: made,
    expiryDate: expiry,
    productId: product.id,
    unitCost: product.costPrice,
    notes: null,
    createdAt,
    updatedAt: createdAt
  }
}

function makeSerial(
  rng: Rng,
  ids: CuidFactory,
  product: FbProduct,
  productIndex: number,
  n: number,
  status: 'AVAILABLE' | 'SOLD',
  warehouseId: string | null,
  binId: string | null,
  anchor: number
): FbSerial {
  const receivedAt = Math.min(anchor - DAY, product.createdAt + rng.int(1, 60) * DAY)
  const soldAt = status === 'SOLD' ? Math.min(anchor - 3_600_000, receivedAt + rng.int(1, 30) * DAY) : null
  return {
    id: ids.next(receivedAt),
    serialNumber: `SN${productIndex.toString(36).toUpperCase().padStart(4, '0')}${n.toString(36).toUpperCase().padStart(4, '0')}${rng.base36(3).toUpperCase()}`,
    status,
    productId: product.id,
    warehouseId,
    binId,
    batchId: null,
    receivedAt,
    soldAt,
    returnedAt: null,
    notes: null,
    createdAt: receivedAt,
    updatedAt: soldAt ?? receivedAt
  }
}

function makeOrders(
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
function makeAdjustments(
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
