/**
 * The live Inventora dataset. Handlers and tests change it through these methods so the
 * stock logs, task batches and list caches stay consistent.
 */
import { Rng } from '../common/rng'
import { Dataset, Table } from '../common/table'
import type {
  InvLocation,
  InvResource,
  InvStockLog,
  InvTask,
  InvTaskBatch,
  InvUser,
  ResourceKind,
  UpdateType
} from './model'

export type NewResource = Pick<InvResource, 'name' | 'sku'> &
  Partial<Omit<InvResource, 'id' | 'kind' | 'name' | 'sku'>>

export class InventoraData extends Dataset {
  readonly products = new Table<InvResource>(this)
  readonly materials = new Table<InvResource>(this)
  readonly tasks = new Table<InvTask>(this)
  locations: InvLocation[] = []
  users: InvUser[] = []
  /** Every stock change after generation, oldest first. */
  readonly stockLogs: InvStockLog[] = []
  /** Keys the fake accepts; delete one to simulate revocation. */
  readonly apiKeys = new Set<string>()
  /** U4: a product `restock` also deducts its materials (switch off to model the API example). */
  deductMaterialsOnProductRestock = true

  private nextItemId = 1
  private nextBatchId = 1
  private readonly idRng: Rng

  constructor(seed: number, size: number, anchor: number, clock: () => Date) {
    super(seed, size, anchor, clock)
    this.idRng = Rng.for(seed, 'inventora-runtime-ids')
  }

  /** Opaque ids like `prod_k3j9x2m1qa`. */
  newId(prefix: string): string {
    return `${prefix}_${this.idRng.base36(10)}`
  }

  newItemId(): number {
    return this.nextItemId++
  }

  newBatchId(): number {
    return this.nextBatchId++
  }

  /** Continues the numeric id series after generation. */
  setCounters(items: number, batches: number): void {
    this.nextItemId = items + 1
    this.nextBatchId = batches + 1
  }

  table(kind: ResourceKind): Table<InvResource> {
    return kind === 'product' ? this.products : this.materials
  }

  resource(id: string): Readonly<InvResource> | undefined {
    return this.products.get(id) ?? this.materials.get(id)
  }

  locationByName(name: string): InvLocation | undefined {
    return this.locations.find((l) => l.name === name)
  }

  location(id: string): InvLocation | undefined {
    return this.locations.find((l) => l.id === id)
  }

  defaultLocation(): InvLocation {
    const loc = this.locations.find((l) => l.isDefault) ?? this.locations[0]
    if (!loc) throw new Error('no locations')
    return loc
  }

  /** A user by id or email. */
  user(idOrEmail: string): InvUser | undefined {
    const needle = idOrEmail.toLowerCase()
    return this.users.find((u) => u.id === idOrEmail || u.email.toLowerCase() === needle)
  }

  stockLevel(r: Readonly<InvResource>): number {
    let total = 0
    for (const q of Object.values(r.stock)) total += q
    return round(total)
  }

  /** Live (not soft-deleted) tasks. */
  liveTask(id: string): Readonly<InvTask> | undefined {
    const t = this.tasks.get(id)
    return t && !t.deleted ? t : undefined
  }

  findBatch(
    batchId: number
  ): { task: Readonly<InvTask>; itemId: number; batch: Readonly<InvTaskBatch> } | undefined {
    for (const task of this.tasks.values()) {
      if (task.deleted) continue
      for (const item of task.items) {
        const batch = item.batches.find((b) => b.id === batchId)
        if (batch) return { task, itemId: item.id, batch }
      }
    }
    return undefined
  }

  /** Sets or moves stock of one resource at one location and logs it. */
  changeStock(
    resourceId: string,
    locationId: string,
    change: { set?: number; delta?: number },
    updateType: InvStockLog['updateType'],
    notes: string | null,
    at: number
  ): void {
    const table = this.products.has(resourceId) ? this.products : this.materials
    table.update(resourceId, (r) => {
      const before = r.stock[locationId] ?? 0
      const after = round(change.set ?? before + (change.delta ?? 0))
      r.stock[locationId] = after
      r.hasNonInitialLogs = true
      this.stockLogs.push({
        resourceId,
        locationId,
        updateType,
        quantity: change.set ?? Math.abs(change.delta ?? 0),
        before,
        after,
        notes,
        at
      })
    })
  }

  /** Deducts (sign −1) or returns (+1) a product's materials for `units` produced. */
  useMaterials(
    product: Readonly<InvResource>,
    units: number,
    locationId: string,
    sign: 1 | -1,
    at: number
  ): void {
    for (const use of product.materials) {
      if (!this.materials.has(use.materialId)) continue
      this.changeStock(
        use.materialId,
        locationId,
        { delta: sign * round(use.quantityUsed * units) },
        'material-use',
        `${sign < 0 ? 'Used for' : 'Returned from'} ${product.sku}`,
        at
      )
    }
  }

  // ---- helpers for tests: change the vendor's data "in the app" ------------------------------

  /** Adds a product or material at the end of its list. */
  insertResource(kind: ResourceKind, input: NewResource): Readonly<InvResource> {
    const r: InvResource = {
      id: this.newId(kind === 'product' ? 'prod' : 'mat'),
      kind,
      unitType: 'pieces',
      unitPrice: 0,
      minLevel: 0,
      notes: null,
      retailPrice: null,
      wholesalePrice: null,
      ean: null,
      minimumQuantity: 1,
      reorderURLs: [],
      stock: {},
      productionType: kind === 'product' ? 'produced' : 'supplied',
      materials: [],
      hasNonInitialLogs: false,
      ...input
    }
    this.table(kind).insert(r)
    return r
  }

  /** Removes a product or material outright (it disappears from lists). */
  deleteResource(id: string): void {
    if (!this.products.delete(id) && !this.materials.delete(id)) throw new Error(`no resource ${id}`)
  }

  /** Sets stock at a location by name, as a count in the app would (logged as an audit). */
  setStock(id: string, locationName: string, quantity: number, at: Date | number = this.now()): void {
    const loc = this.locationByName(locationName)
    if (!loc) throw new Error(`no location ${locationName}`)
    if (!this.resource(id)) throw new Error(`no resource ${id}`)
    this.changeStock(
      id,
      loc.id,
      { set: quantity },
      'audit' satisfies UpdateType,
      'in-app',
      typeof at === 'number' ? at : at.getTime()
    )
  }

  /** Edits a task in place (bumping `updatedAt` unless the patch sets it). */
  updateTask(
    id: string,
    patch: Partial<Omit<InvTask, 'id' | 'items'>>,
    at: Date | number = this.now()
  ): Readonly<InvTask> {
    const ms = typeof at === 'number' ? at : at.getTime()
    const t = this.tasks.update(id, (task) => Object.assign(task, { updatedAt: ms }, patch))
    if (!t) throw new Error(`no task ${id}`)
    return t
  }
}

/** Rounds away float noise (quantities may be fractional, e.g. 0.5 lbs). */
export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
