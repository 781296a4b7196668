/**
 * The live ForgeMRP dataset. Handlers and tests change it through these methods so the
 * list caches (keyset order) stay correct.
 */
import { Rng } from '../common/rng'
import { compareBy, Dataset, Table } from '../common/table'
import { formatKey } from './keys'
import type {
  ForgeClient,
  ForgeInventoryItem,
  ForgeJob,
  ForgeKey,
  ForgePurchaseOrder,
  ForgeQuote,
  ForgeSupplier
} from './model'

/** Every scope the demo key holds: the lists Stockroom reads, and quotes (the one documented write). */
export const ALL_SCOPES = [
  'clients.view',
  'suppliers.view',
  'inventory.view',
  'jobs.view',
  'purchase_orders.view',
  'quotes.create'
] as const

export type ForgeTableName = 'clients' | 'suppliers' | 'inventory' | 'jobs' | 'purchaseOrders' | 'quotes'

export class ForgeData extends Dataset {
  readonly clients = new Table<ForgeClient>(this)
  readonly suppliers = new Table<ForgeSupplier>(this)
  readonly inventory = new Table<ForgeInventoryItem>(this)
  readonly jobs = new Table<ForgeJob>(this)
  readonly purchaseOrders = new Table<ForgePurchaseOrder>(this)
  readonly quotes = new Table<ForgeQuote>(this)
  /** Keys by key id; set `revoked` or delete one to simulate revocation in Settings → Integrations. */
  readonly keys = new Map<string, ForgeKey>()
  private readonly idRng: Rng

  constructor(seed: number, size: number, anchor: number, clock: () => Date) {
    super(seed, size, anchor, clock)
    this.idRng = Rng.for(seed, 'forgemrp-runtime-ids')
  }

  /** Opaque ids like `itm_k3j9x2m1qa7c`. */
  newId(prefix: string): string {
    return `${prefix}_${this.idRng.base36(12)}`
  }

  /** Creates a key with these scopes and returns it as the one-time string the app shows. */
  addKey(
    scopes: readonly string[],
    mode: 'live' | 'test' = 'live',
    fixed?: { keyId: string; secret: string }
  ): string {
    const key: ForgeKey = {
      keyId: fixed?.keyId ?? this.idRng.base36(8),
      secret: fixed?.secret ?? this.idRng.base36(6).toUpperCase() + this.idRng.base36(18),
      mode,
      scopes: new Set(scopes),
      revoked: false
    }
    this.keys.set(key.keyId, key)
    return formatKey(key)
  }

  /** The rows of a table in keyset order (created_at, then id), computed once per change. */
  ordered<T extends { id: string; createdAt: number }>(name: ForgeTableName): readonly Readonly<T>[] {
    return this.memo(`ordered:${name}`, () =>
      (this[name] as unknown as Table<T>).all().sort(compareBy((r) => r.createdAt, 'asc'))
    )
  }

  // ---- changes "in the app", for tests --------------------------------------------------------

  /** Edits an inventory item, bumping updated_at. */
  updateItem(id: string, patch: Partial<Omit<ForgeInventoryItem, 'id' | 'createdAt'>>): void {
    const at = this.now()
    if (!this.inventory.update(id, (r) => Object.assign(r, { updatedAt: at }, patch)))
      throw new Error(`no item ${id}`)
  }

  deleteItem(id: string): void {
    if (!this.inventory.delete(id)) throw new Error(`no item ${id}`)
  }

  /** Edits a job, bumping updated_at. */
  updateJob(id: string, patch: Partial<Omit<ForgeJob, 'id' | 'createdAt'>>): void {
    const at = this.now()
    if (!this.jobs.update(id, (r) => Object.assign(r, { updatedAt: at }, patch)))
      throw new Error(`no job ${id}`)
  }

  deleteJob(id: string): void {
    if (!this.jobs.delete(id)) throw new Error(`no job ${id}`)
  }
}
