/**
 * The live FractionERP dataset and its sessions. Handlers and tests change it through these
 * methods so list caches and the part-number index stay correct.
 */
import { Rng } from '../common/rng'
import { Table, Versioned } from '../common/table'
import type {
  FrBom,
  FrCustomer,
  FrPart,
  FrPurchaseOrder,
  FrShipment,
  FrTenant,
  FrToken,
  FrUser,
  FrWorkOrder
} from './model'

export class FractionData extends Versioned {
  readonly parts = new Table<FrPart>(this)
  readonly boms = new Table<FrBom>(this)
  readonly workOrders = new Table<FrWorkOrder>(this)
  readonly purchaseOrders = new Table<FrPurchaseOrder>(this)
  readonly shipments = new Table<FrShipment>(this)
  readonly customers = new Table<FrCustomer>(this)
  readonly tokens = new Map<string, FrToken>()
  user: FrUser = { id: 1, name: 'Demo User', email: 'demo@fraction.example', password: 'demo-password' }
  tenant: FrTenant = { id: 1, company: 'Demo Mouldings Ltd', plan: 'pro', active: true }
  /** How long an access token lives; tests shorten it to seconds. */
  tokenLifetimeMs = 60 * 60_000
  /** Requests per hour per user (documented: 2,000). */
  hourlyLimit = 2000

  private readonly tokenRng: Rng
  private readonly byNumber = new Map<string, string>()
  private nextPartId = 1

  constructor(
    readonly seed: number,
    readonly size: number,
    private readonly clock: () => Date
  ) {
    super()
    this.tokenRng = Rng.for(seed, 'fractionerp-tokens')
  }

  now(): number {
    return this.clock().getTime()
  }

  loadParts(parts: FrPart[]): void {
    this.parts.load(parts)
    for (const p of parts) this.byNumber.set(p.part_number.toLowerCase(), p.id)
    this.nextPartId = parts.length + 1
  }

  partByNumber(partNumber: string): Readonly<FrPart> | undefined {
    const id = this.byNumber.get(partNumber.toLowerCase())
    return id === undefined ? undefined : this.parts.get(id)
  }

  addPart(p: Omit<FrPart, 'id' | 'created_at' | 'updated_at'>): Readonly<FrPart> {
    const at = this.now()
    const part = this.parts.insert({ ...p, id: String(this.nextPartId++), created_at: at, updated_at: at })
    this.byNumber.set(part.part_number.toLowerCase(), part.id)
    return part
  }

  updatePart(id: string, change: (p: FrPart) => void): void {
    this.parts.update(id, (p) => {
      change(p)
      p.updated_at = Math.max(p.updated_at + 1, this.now())
    })
  }

  deletePart(id: string): void {
    const p = this.parts.get(id)
    if (p) this.byNumber.delete(p.part_number.toLowerCase())
    this.parts.delete(id)
  }

  /** A new bearer token for the user, living `tokenLifetimeMs`. */
  issueToken(): { token: string; expiresAt: number } {
    const token = `fr_${this.tokenRng.base36(32)}`
    const expiresAt = this.now() + this.tokenLifetimeMs
    this.tokens.set(token, { userId: this.user.id, expiresAt, revoked: false })
    return { token, expiresAt }
  }

  /** A live token's record, or undefined when it is unknown, expired or revoked. */
  validToken(token: string): FrToken | undefined {
    const t = this.tokens.get(token)
    return t && !t.revoked && t.expiresAt > this.now() ? t : undefined
  }

  revoke(token: string): void {
    const t = this.tokens.get(token)
    if (t) t.revoked = true
  }

  /** Revokes every token (e.g. an admin signed all sessions out). */
  revokeAll(): void {
    for (const t of this.tokens.values()) t.revoked = true
  }
}
