/**
 * The live Frostbyte dataset. Handlers and tests change it only through these methods,
 * which keep the indexes, the stock rows, the products' `updatedAt` and the movement
 * ledger consistent, and bump the version that list caches key on.
 *
 * Products and stock rows must be added and removed with insertProduct / deleteProduct /
 * deleteStockRow (they are indexed); other tables (batches, serials, purchase orders, …)
 * may be changed with their own insert / update / delete.
 */
import { CuidFactory, numbered } from '../common/ids'
import { Dataset, Table } from '../common/table'
import type {
  FbAdjustment,
  FbApiKey,
  FbBatch,
  FbBin,
  FbCategory,
  FbMovement,
  FbProduct,
  FbPurchaseOrder,
  FbReceipt,
  FbSalesOrder,
  FbSerial,
  FbShipment,
  FbStockCell,
  FbStockRow,
  FbSupplier,
  FbUnitOfMeasure,
  FbWarehouse,
  MovementType
} from './model'

export interface StockChange {
  productId: string
  warehouseId: string
  binId: string
  batchId: string | null
  /** Signed change in base units. */
  delta: number
  type: MovementType
  reference: string
  at: number
}

/** Fields a test may pass to {@link FrostbyteData.insertProduct}; the rest get defaults. */
export type NewProduct = Pick<FbProduct, 'sku' | 'name'> & Partial<Omit<FbProduct, 'id' | 'sku' | 'name'>>

export class FrostbyteData extends Dataset {
  readonly org = { id: 'corg0demo0000000000000000', name: 'Demo Traders Ltd' }
  readonly products = new Table<FbProduct>(this)
  readonly stockRows = new Table<FbStockRow>(this)
  readonly batches = new Table<FbBatch>(this)
  readonly serials = new Table<FbSerial>(this)
  readonly suppliers = new Table<FbSupplier>(this)
  readonly purchaseOrders = new Table<FbPurchaseOrder>(this)
  readonly receipts = new Table<FbReceipt>(this)
  readonly salesOrders = new Table<FbSalesOrder>(this)
  readonly shipments = new Table<FbShipment>(this)
  readonly adjustments = new Table<FbAdjustment>(this)
  readonly movements: FbMovement[] = []
  warehouses: FbWarehouse[] = []
  categories: FbCategory[] = []
  unitsOfMeasure: FbUnitOfMeasure[] = []
  /** API keys the fake accepts; delete one to simulate revocation or expiry. */
  readonly apiKeys = new Map<string, FbApiKey>()

  private readonly skuIndex = new Map<string, string>()
  private readonly barcodeIndex = new Map<string, string>()
  private readonly rowsByProduct = new Map<string, FbStockRow[]>()
  private readonly binIndex = new Map<string, { warehouseId: string; bin: FbBin }>()
  private readonly ids: CuidFactory
  private readonly sequences = new Map<string, number>()

  constructor(seed: number, size: number, anchor: number, clock: () => Date) {
    super(seed, size, anchor, clock)
    this.ids = new CuidFactory(seed, 'runtime')
  }

  newId(at = this.now()): string {
    return this.ids.next(at)
  }

  /** Next document number of a series, e.g. `nextNumber('ADJ')` → `ADJ-00013`. */
  nextNumber(prefix: string): string {
    const n = (this.sequences.get(prefix) ?? 0) + 1
    this.sequences.set(prefix, n)
    return numbered(prefix, n)
  }

  /** Sets where a series continues after generation. */
  setSequence(prefix: string, last: number): void {
    this.sequences.set(prefix, last)
  }

  /** Rebuilds every index from the tables (after bulk generation). */
  reindex(): void {
    this.skuIndex.clear()
    this.barcodeIndex.clear()
    this.rowsByProduct.clear()
    this.binIndex.clear()
    for (const p of this.products.values()) this.indexProduct(p)
    let lastProduct = ''
    let lastRows: FbStockRow[] = []
    for (const row of this.stockRows.values()) {
      if (row.productId !== lastProduct) {
        lastProduct = row.productId
        lastRows = this.rowsOf(row.productId)
      }
      lastRows.push(row as FbStockRow)
    }
    for (const w of this.warehouses) {
      for (const z of w.zones) for (const bin of z.bins) this.binIndex.set(bin.id, { warehouseId: w.id, bin })
    }
    this.changed()
  }

  // ---- lookups -------------------------------------------------------------------------

  productBySku(sku: string): Readonly<FbProduct> | undefined {
    const id = this.skuIndex.get(sku.toLowerCase())
    return id === undefined ? undefined : this.products.get(id)
  }

  productByBarcode(barcode: string): Readonly<FbProduct> | undefined {
    const id = this.barcodeIndex.get(lower(barcode))
    return id === undefined ? undefined : this.products.get(id)
  }

  warehouse(id: string): FbWarehouse | undefined {
    return this.warehouses.find((w) => w.id === id)
  }

  bin(binId: string): { warehouseId: string; bin: FbBin } | undefined {
    return this.binIndex.get(binId)
  }

  unitOfMeasure(id: string): FbUnitOfMeasure | undefined {
    return this.unitsOfMeasure.find((u) => u.id === id)
  }

  category(id: string | null): FbCategory | undefined {
    return id === null ? undefined : this.categories.find((c) => c.id === id)
  }

  /** Stock rows (one per warehouse) of a product. */
  stockOf(productId: string): readonly Readonly<FbStockRow>[] {
    return this.rowsByProduct.get(productId) ?? []
  }

  totalOnHand(productId: string, warehouseId?: string): number {
    let total = 0
    for (const row of this.stockOf(productId)) {
      if (warehouseId !== undefined && row.warehouseId !== warehouseId) continue
      for (const c of row.cells) total += c.onHand
    }
    return round(total)
  }

  /** On hand of one batch (optionally in one warehouse) across bins. */
  batchOnHand(batch: Readonly<FbBatch>, warehouseId?: string): number {
    if (batch.productId === null) return 0
    let total = 0
    for (const row of this.stockOf(batch.productId)) {
      if (warehouseId !== undefined && row.warehouseId !== warehouseId) continue
      for (const c of row.cells) if (c.batchId === batch.id) total += c.onHand
    }
    return round(total)
  }

  /** The batch's cells with their warehouse. */
  batchCells(batch: Readonly<FbBatch>): { warehouseId: string; cell: Readonly<FbStockCell> }[] {
    if (batch.productId === null) return []
    const out: { warehouseId: string; cell: Readonly<FbStockCell> }[] = []
    for (const row of this.stockOf(batch.productId)) {
      for (const cell of row.cells)
        if (cell.batchId === batch.id) out.push({ warehouseId: row.warehouseId, cell })
    }
    return out
  }

  /** Default bin for a product in a warehouse: where it already has the most stock, else the warehouse's first bin. */
  defaultBin(productId: string, warehouseId: string): string | undefined {
    const row = this.stockOf(productId).find((r) => r.warehouseId === warehouseId)
    const best = row?.cells.reduce<FbStockCell | undefined>(
      (b, c) => (!b || c.onHand > b.onHand ? c : b),
      undefined
    )
    if (best) return best.binId
    return this.warehouse(warehouseId)?.zones[0]?.bins[0]?.id
  }

  // ---- changes used by the API handlers ----------------------------------------------------

  /** Applies one signed stock change: cell, row `updatedAt`, product `updatedAt`, movement. */
  changeStock(change: StockChange): FbMovement {
    let row = this.stockOf(change.productId).find((r) => r.warehouseId === change.warehouseId) as
      | FbStockRow
      | undefined
    if (!row) {
      row = {
        id: this.newId(change.at),
        productId: change.productId,
        warehouseId: change.warehouseId,
        cells: [],
        updatedAt: change.at
      }
      this.stockRows.insert(row)
      this.rowsOf(change.productId).push(row)
    }
    let cell = row.cells.find((c) => c.binId === change.binId && c.batchId === change.batchId)
    if (!cell) {
      cell = { binId: change.binId, batchId: change.batchId, onHand: 0, reserved: 0 }
      row.cells.push(cell)
    }
    cell.onHand = round(cell.onHand + change.delta)
    row.updatedAt = change.at
    this.products.update(change.productId, (p) => {
      p.updatedAt = Math.max(p.updatedAt, change.at)
    })
    const movement: FbMovement = {
      id: this.newId(change.at),
      type: change.type,
      productId: change.productId,
      warehouseId: change.warehouseId,
      binId: change.binId,
      batchId: change.batchId,
      quantityChange: change.delta,
      reference: change.reference,
      at: change.at
    }
    this.movements.push(movement)
    this.changed()
    return movement
  }

  // ---- helpers for tests: change the vendor's data "in the app" ------------------------------

  /** Bumps a product's `updatedAt` (default: now), as an in-app edit would. */
  touchProduct(id: string, at: Date | number = this.now()): void {
    const ms = typeof at === 'number' ? at : at.getTime()
    if (!this.products.update(id, (p) => (p.updatedAt = ms))) throw new Error(`no product ${id}`)
  }

  /** Edits a product in place; `updatedAt` becomes `at` (default: now) unless the patch sets it. */
  updateProduct(
    id: string,
    patch: Partial<Omit<FbProduct, 'id'>>,
    at: Date | number = this.now()
  ): Readonly<FbProduct> {
    const before = this.products.get(id)
    if (!before) throw new Error(`no product ${id}`)
    this.unindexProduct(before)
    const ms = typeof at === 'number' ? at : at.getTime()
    const after = this.products.update(id, (p) => Object.assign(p, { updatedAt: ms }, patch)) as FbProduct
    this.indexProduct(after)
    return after
  }

  /** Hard-deletes a product with its stock rows and serials: it simply disappears from every list. */
  deleteProduct(id: string): void {
    const p = this.products.get(id)
    if (!p) throw new Error(`no product ${id}`)
    this.unindexProduct(p)
    for (const row of this.stockOf(id)) this.stockRows.delete(row.id)
    this.rowsByProduct.delete(id)
    for (const s of this.serials.all()) if (s.productId === id) this.serials.delete(s.id)
    this.products.delete(id)
  }

  /** Removes one stock row (a product leaving a warehouse); it disappears from /stock-on-hand. */
  deleteStockRow(id: string): void {
    const row = this.stockRows.get(id)
    if (!row) throw new Error(`no stock row ${id}`)
    const rows = this.rowsByProduct.get(row.productId)
    if (rows)
      this.rowsByProduct.set(
        row.productId,
        rows.filter((r) => r.id !== id)
      )
    this.stockRows.delete(id)
  }

  /** Adds a product (created and updated now, or at `at`), with optional stock in warehouses' default bins. */
  insertProduct(
    input: NewProduct,
    stock: { warehouseId: string; onHand: number }[] = [],
    at: Date | number = this.now()
  ): Readonly<FbProduct> {
    const ms = typeof at === 'number' ? at : at.getTime()
    const product: FbProduct = {
      id: this.newId(ms),
      description: null,
      barcode: null,
      codes: { ean13: '', upcA: null, gtin14: null },
      costPrice: 0,
      defaultPrice: 0,
      taxRate: 0.15,
      imageUrl: null,
      unitOfMeasureId: this.unitsOfMeasure[0]?.id ?? '',
      categoryId: null,
      productType: 'STANDARD',
      trackBatches: false,
      trackSerials: false,
      isActive: true,
      minStockLevel: 0,
      reorderQuantity: 0,
      notes: null,
      purchaseUnit: null,
      supplierIds: [],
      createdAt: ms,
      updatedAt: ms,
      ...input
    }
    if (this.productBySku(product.sku)) throw new Error(`duplicate sku ${product.sku}`)
    this.products.insert(product)
    this.indexProduct(product)
    for (const s of stock) this.setStockOnHand(product.id, s.warehouseId, s.onHand, ms)
    return product
  }

  /**
   * Sets a product's on-hand in a warehouse (its default bin, no batch) as an in-app change
   * would: records an ADJUSTMENT movement and bumps the row's and the product's `updatedAt`.
   */
  setStockOnHand(
    productId: string,
    warehouseId: string,
    onHand: number,
    at: Date | number = this.now()
  ): void {
    const ms = typeof at === 'number' ? at : at.getTime()
    const binId = this.defaultBin(productId, warehouseId)
    if (binId === undefined) throw new Error(`no bin in warehouse ${warehouseId}`)
    const current = this.totalOnHand(productId, warehouseId)
    this.changeStock({
      productId,
      warehouseId,
      binId,
      batchId: null,
      delta: round(onHand - current),
      type: 'ADJUSTMENT',
      reference: 'in-app',
      at: ms
    })
  }

  private rowsOf(productId: string): FbStockRow[] {
    let rows = this.rowsByProduct.get(productId)
    if (!rows) {
      rows = []
      this.rowsByProduct.set(productId, rows)
    }
    return rows
  }

  private indexProduct(p: Readonly<FbProduct>): void {
    this.skuIndex.set(p.sku.toLowerCase(), p.id)
    if (p.barcode !== null) this.barcodeIndex.set(lower(p.barcode), p.id)
  }

  private unindexProduct(p: Readonly<FbProduct>): void {
    if (this.skuIndex.get(p.sku.toLowerCase()) === p.id) this.skuIndex.delete(p.sku.toLowerCase())
    if (p.barcode !== null && this.barcodeIndex.get(lower(p.barcode)) === p.id)
      this.barcodeIndex.delete(lower(p.barcode))
  }
}

/** Rounds away float noise (quantities may be decimal for weight/volume units). */
/** Lower-cases a code; all-digit codes (most barcodes) are returned as they are. */
function lower(code: string): string {
  return /^\d+$/.test(code) ? code : code.toLowerCase()
}

export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
