/**
 * Inventora records as the fake keeps them (see /work/shared/vendors/inventora.md). Stock is
 * held per location id; the API shows it keyed by location *name*.
 */

export const UNIT_TYPES = [
  'pieces',
  'bundles',
  'cases',
  'weight.lbs',
  'weight.oz',
  'weight.kg',
  'weight.grams',
  'weight.mg',
  'weight.ct',
  'weight.gr',
  'length.ft',
  'length.yd',
  'length.in',
  'length.m',
  'length.cm',
  'length.mm',
  'area.sqft',
  'area.sqin',
  'area.sqm',
  'area.sqcm',
  'volume.oz',
  'volume.pt',
  'volume.qt',
  'volume.ga',
  'volume.ml',
  'volume.liters',
  'volume.bdft',
  'volume.cuin',
  'volume.cuft',
  'volume.cuyd',
  'volume.cm3',
  'volume.m3',
  'volume.tsp',
  'volume.tbsp',
  'volume.cup',
  'time.seconds',
  'time.minutes',
  'time.hours',
  'time.days'
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

export const PRODUCTION_TYPES = ['infinite', 'single', 'produced', 'supplied', 'bundle'] as const
export type ProductionType = (typeof PRODUCTION_TYPES)[number]

export const UPDATE_TYPES = ['audit', 'restock', 'loss', 'custom'] as const
export type UpdateType = (typeof UPDATE_TYPES)[number]

export const TASK_STATUSES = ['pending', 'in-progress', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export type ResourceKind = 'product' | 'material'

export interface InvLocation {
  id: string
  name: string
  isDefault: boolean
  hideMaterials: boolean
  address1: string | null
  address2: string | null
  city: string | null
  state: string | null
  zip: string | null
  country: string | null
}

/** Products and materials share one shape. */
export interface InvResource {
  id: string
  kind: ResourceKind
  name: string
  sku: string
  unitType: UnitType
  unitPrice: number
  minLevel: number
  notes: string | null
  retailPrice: number | null
  wholesalePrice: number | null
  ean: string | null
  minimumQuantity: number
  reorderURLs: string[]
  /** On hand per location id; a location appears once it has ever held stock. */
  stock: Record<string, number>
  productionType: ProductionType
  /** Bill of materials (products only). */
  materials: { materialId: string; quantityUsed: number }[]
  /**
   * ASSUMPTION: "stock blocks tied to non-initial logs" = any stock-level update after the
   * initial stock. Once true, `unitPrice` can no longer be changed.
   */
  hasNonInitialLogs: boolean
}

export interface InvUser {
  id: string
  email: string
  name: string
}

export interface InvTaskBatch {
  id: number
  taskItemId: number
  UserId: string | null
  quantity: number
  /** Where the production was booked, so deleting the batch can reverse it exactly. */
  locationId: string
  createdAt: number
  updatedAt: number
}

export interface InvTaskItem {
  id: number
  resourceId: string
  quantity: number
  unitType: string
  completed: boolean
  batches: InvTaskBatch[]
}

export interface InvTask {
  id: string
  name: string
  status: TaskStatus
  order: number
  LocationId: string | null
  UserId: string | null
  due: number | null
  completedAt: number | null
  notes: string | null
  createdAt: number
  updatedAt: number
  /** Soft-deleted tasks vanish from the API (U16). */
  deleted: boolean
  items: InvTaskItem[]
}

/** One stock change (not exposed by the API; lets tests check what happened). */
export interface InvStockLog {
  resourceId: string
  locationId: string
  updateType: UpdateType | 'production' | 'production-reversal' | 'material-use'
  quantity: number
  before: number
  after: number
  notes: string | null
  at: number
}

/** ASSUMPTION (U7): the custom statuses, with the direction they move stock. */
export const CUSTOM_STATUSES: Readonly<Record<number, { name: string; direction: 1 | -1 }>> = {
  1: { name: 'Gift', direction: -1 },
  2: { name: 'Sold at market', direction: -1 },
  3: { name: 'Returned by customer', direction: 1 },
  4: { name: 'Damaged', direction: -1 }
}
