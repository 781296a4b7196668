/**
 * ForgeMRP records as the fake keeps them (see /work/shared/vendors/forgemrp.md and
 * src/shared/vendors/forgemrp/assumptions.ts for the assumed fields). Instants are epoch ms;
 * the API renders them as ISO 8601.
 */

interface Stamped {
  id: string
  createdAt: number
  updatedAt: number
}

export interface ForgeClient extends Stamped {
  name: string
}

export interface ForgeSupplier extends Stamped {
  name: string
}

export interface ForgeInventoryItem extends Stamped {
  description: string
  materialCategory: string
  materialType: string | null
  materialSpec: string | null
  shape: string | null
  dimensions: string | null
  quantityOnHand: number
  location: string | null
  unitCost: number
}

export interface ForgePart {
  id: string
  partNumber: string
  name: string
  quantity: number
}

export interface ForgeWorkOrder {
  id: string
  partId: string
  sequence: number
  operation: string
  equipment: string | null
  phase: 'programming' | 'setup' | 'running' | null
  status: string
  quantity: number
  estimatedMinutes: number
}

export interface ForgeJob extends Stamped {
  number: string
  clientId: string
  status: string
  dueDate: string | null
  parts: ForgePart[]
  workOrders: ForgeWorkOrder[]
}

export interface ForgePoLine {
  id: string
  inventoryItemId: string | null
  description: string
  quantityOrdered: number
  quantityReceived: number
}

export interface ForgePurchaseOrder extends Stamped {
  number: string
  supplierId: string
  status: string
  orderDate: string
  requiredDate: string | null
  currency: string
  lines: ForgePoLine[]
}

export interface ForgeQuote extends Stamped {
  clientId: string
  status: string
}

/** One API key: its id, secret, scopes, and whether it is a test key. */
export interface ForgeKey {
  keyId: string
  secret: string
  mode: 'live' | 'test'
  scopes: Set<string>
  revoked: boolean
}
