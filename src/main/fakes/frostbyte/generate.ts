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
import { CATALOGUE, type CatalogueFamily } from '../common/names'
import { hashSeed, Rng } from '../common/rng'
import { DAY, startOfUtcDay } from '../common/time'
import { FrostbyteData } from './data'
import { makeAdjustments, makeOrders, makeSuppliers, round2 } from './generate-orders'
import type {
  FbBatch,
  FbBin,
  FbProduct,
  FbSerial,
  FbStockRow,
  FbUnitOfMeasure,
  FbWarehouse,
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
