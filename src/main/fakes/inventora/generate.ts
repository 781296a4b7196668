/**
 * Deterministic Inventora dataset from (seed, size): `size` products, about half as many
 * materials (at least 18), 4 locations, 10–50 production tasks with items and batches.
 *
 * Guarantees: product i with i % 7 === 3 stands at or below its minLevel; product 0 is
 * `produced` from materials; task 0 is pending, task 1 in progress with a batch, task 2 done.
 * Generated task batches are already reflected in stock.
 */
import { withCheckDigit } from '../common/gtin'
import { PERSON_NAMES } from '../common/names'
import { hashSeed, Rng } from '../common/rng'
import { DAY, startOfUtcDay } from '../common/time'
import { MAKER_FAMILIES, MAKER_MATERIALS, type MakerFamily } from './catalogue'
import { InventoraData, round } from './data'
import type {
  InvLocation,
  InvResource,
  InvTask,
  InvTaskItem,
  ProductionType,
  TaskStatus,
  UnitType
} from './model'

export interface GenerateOptions {
  seed: number
  size: number
  materials?: number
  tasks?: number
  now: () => Date
}

const LOCATIONS: readonly Omit<InvLocation, 'id'>[] = [
  {
    name: 'Main Warehouse',
    isDefault: true,
    hideMaterials: false,
    address1: '123 Storage St',
    address2: 'Unit 5',
    city: 'Portland',
    state: 'OR',
    zip: '97201',
    country: 'US'
  },
  {
    name: 'Retail Store',
    isDefault: false,
    hideMaterials: true,
    address1: '456 Main St',
    address2: null,
    city: 'Portland',
    state: 'OR',
    zip: '97202',
    country: 'US'
  },
  {
    name: 'Production Floor',
    isDefault: false,
    hideMaterials: false,
    address1: '123 Storage St',
    address2: 'Unit 6',
    city: 'Portland',
    state: 'OR',
    zip: '97201',
    country: 'US'
  },
  {
    name: 'Market Stall',
    isDefault: false,
    hideMaterials: true,
    address1: null,
    address2: null,
    city: 'Portland',
    state: 'OR',
    zip: null,
    country: 'US'
  }
]

export function generateInventora(opts: GenerateOptions): InventoraData {
  const { seed, size } = opts
  const anchor = startOfUtcDay(opts.now().getTime())
  const data = new InventoraData(seed, size, anchor, opts.now)
  const setup = Rng.for(seed, 'inv-setup')
  data.locations = LOCATIONS.map((l, i) => ({ id: `loc_${700 + i * 7 + setup.int(0, 6)}`, ...l }))
  const [main, retail, floor, market] = data.locations as [InvLocation, InvLocation, InvLocation, InvLocation]
  data.users = Array.from({ length: 6 }, (_, k) => {
    const first = PERSON_NAMES.first[(k * 5 + seed) % PERSON_NAMES.first.length] as string
    const last = PERSON_NAMES.last[(k * 3 + seed) % PERSON_NAMES.last.length] as string
    return {
      id: `user_${101 + k}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}@makers.example`,
      name: `${first} ${last}`
    }
  })

  const materialCount = opts.materials ?? Math.max(MAKER_MATERIALS.length, Math.ceil(size / 2))
  const materials: InvResource[] = []
  const eanOffset = hashSeed(seed, 'inv-ean') % 1_000_000
  for (let i = 0; i < materialCount; i++) {
    const rng = Rng.for(seed, 'inv-material', i)
    const base = MAKER_MATERIALS[i % MAKER_MATERIALS.length] as (typeof MAKER_MATERIALS)[number]
    const grade =
      i < MAKER_MATERIALS.length
        ? ''
        : ` (${rng.pick(['Grade A', 'Bulk', 'Organic', 'Premium', 'Supplier B', 'Recycled'])})`
    const low = i % 7 === 3
    const minLevel = rng.int(5, 50)
    const unitPrice = rng.float(base.cost[0], base.cost[1], 2)
    const stock: Record<string, number> = {}
    const fractional = base.unitType !== 'pieces'
    const qty = (): number => (fractional ? rng.float(0, 200, 1) : rng.int(0, 500))
    stock[main.id] = low ? rng.int(0, minLevel) : minLevel + qty()
    if (rng.chance(0.7)) stock[floor.id] = low ? 0 : qty()
    materials.push({
      id: `mat_${i.toString(36)}${rng.base36(6)}`,
      kind: 'material',
      name: base.name + grade,
      sku: `MAT-${String(i + 1).padStart(5, '0')}`,
      unitType: base.unitType as UnitType,
      unitPrice,
      minLevel,
      notes: rng.chance(0.3) ? 'Store away from heat' : null,
      retailPrice: null,
      wholesalePrice: null,
      ean: rng.chance(0.4)
        ? withCheckDigit(
            `07${String(4000 + (seed % 5000)).padStart(4, '0')}${String((eanOffset + i * 7919) % 1_000_000).padStart(6, '0')}`
          )
        : null,
      minimumQuantity: rng.int(1, 25),
      reorderURLs: rng.chance(0.6) ? [`https://supplier.example.com/reorder/${i + 1}`] : [],
      stock,
      productionType: rng.weighted([
        ['supplied', 8],
        ['single', 1],
        ['produced', 1]
      ] as const),
      materials: [],
      hasNonInitialLogs: rng.chance(0.3)
    })
  }
  data.materials.load(materials)

  const products: InvResource[] = []
  for (let i = 0; i < size; i++) {
    const rng = Rng.for(seed, 'inv-product', i)
    const family = rng.pick(MAKER_FAMILIES) as MakerFamily
    const productionType: ProductionType =
      i === 0
        ? 'produced'
        : rng.weighted([
            ['produced', 10],
            ['single', 5],
            ['supplied', 3],
            ['infinite', 1],
            ['bundle', 1]
          ] as const)
    const unitType: UnitType = productionType === 'bundle' ? 'bundles' : rng.chance(0.1) ? 'cases' : 'pieces'
    const low = i % 7 === 3
    const minLevel = rng.int(5, 30)
    const stock: Record<string, number> = {}
    stock[main.id] = low ? rng.int(0, minLevel) : minLevel + rng.int(1, 200)
    if (rng.chance(0.6)) stock[retail.id] = low ? 0 : rng.int(0, 40)
    if (rng.chance(0.2)) stock[market.id] = low ? 0 : rng.int(0, 15)
    const uses: InvResource['materials'] = []
    if ((productionType === 'produced' || productionType === 'single') && materials.length > 0) {
      for (const [index, perUnit] of family.bom) {
        if (uses.length > 0 && !rng.chance(0.7)) continue
        // Prefer the family's own material; larger catalogues spread over its graded variants.
        const variants = Math.ceil((materials.length - index) / MAKER_MATERIALS.length)
        const m =
          materials[index + MAKER_MATERIALS.length * rng.int(0, Math.max(0, variants - 1))] ??
          materials[index]
        if (m && !uses.some((u) => u.materialId === m.id))
          uses.push({ materialId: m.id, quantityUsed: perUnit })
      }
    }
    const unitPrice = rng.float(family.price[0] * 0.25, family.price[0] * 0.6, 2)
    const retailPrice = rng.float(family.price[0], family.price[1], 0)
    products.push({
      id: `prod_${i.toString(36)}${rng.base36(6)}`,
      kind: 'product',
      name: `${rng.pick(family.adjectives)} ${rng.pick(family.nouns)}, ${rng.pick(family.variants)}`,
      sku: `${family.prefix}-${String(i + 1).padStart(5, '0')}`,
      unitType,
      unitPrice,
      minLevel,
      notes: rng.chance(0.25)
        ? rng.pick(['Hand poured', 'Small batch', 'Cure 4 weeks before sale', 'Fragile — pack well'])
        : null,
      retailPrice,
      wholesalePrice: rng.chance(0.7) ? round(retailPrice * 0.6) : null,
      ean: rng.chance(0.9)
        ? withCheckDigit(
            `08${String(4000 + (seed % 5000)).padStart(4, '0')}${String((eanOffset + i * 7919) % 1_000_000).padStart(6, '0')}`
          )
        : null,
      minimumQuantity: rng.int(1, 10),
      reorderURLs: [],
      stock,
      productionType,
      materials: uses,
      hasNonInitialLogs: rng.chance(0.3)
    })
  }
  data.products.load(products)

  const made = products.filter((p) => p.productionType === 'produced' || p.productionType === 'single')
  const taskCount = opts.tasks ?? Math.max(10, Math.min(50, Math.round(size / 5)))
  const tasks: InvTask[] = []
  let itemId = 0
  let batchId = 0
  for (let k = 0; k < taskCount && made.length > 0; k++) {
    const rng = Rng.for(seed, 'inv-task', k)
    const status: TaskStatus =
      k === 0
        ? 'pending'
        : k === 1
          ? 'in-progress'
          : k === 2
            ? 'done'
            : rng.weighted([
                ['pending', 4],
                ['in-progress', 3],
                ['done', 3]
              ] as const)
    const createdAt = anchor - rng.int(1, 45) * DAY + rng.int(8, 17) * 3_600_000
    const location = rng.chance(0.7) ? floor : main
    const user = rng.chance(0.8) ? rng.pick(data.users) : undefined
    const items: InvTaskItem[] = []
    let last = createdAt
    for (let n = rng.int(1, 3); n > 0; n--) {
      const p = rng.pick(made)
      if (items.some((x) => x.resourceId === p.id)) continue
      const quantity = rng.pick([12, 24, 25, 36, 48, 50, 100])
      const item: InvTaskItem = {
        id: ++itemId,
        resourceId: p.id,
        quantity,
        unitType: p.unitType,
        completed: false,
        batches: []
      }
      const producedShare = status === 'done' ? 1 : status === 'in-progress' ? rng.float(0.2, 0.8) : 0
      let left = Math.floor(quantity * producedShare)
      while (left > 0) {
        const q = Math.min(left, rng.pick([6, 12, 24, 25]))
        last = Math.min(anchor - 60_000, last + rng.int(1, 30) * 3_600_000)
        item.batches.push({
          id: ++batchId,
          taskItemId: item.id,
          UserId: user?.id ?? null,
          quantity: q,
          locationId: location.id,
          createdAt: last,
          updatedAt: last
        })
        left -= q
      }
      item.completed = item.batches.reduce((s, b) => s + b.quantity, 0) >= quantity
      items.push(item)
    }
    const updatedAt = Math.max(createdAt, last)
    tasks.push({
      id: `task_${(k + 123).toString(36)}${rng.base36(5)}`,
      name:
        items.length === 1
          ? `Produce ${items[0]?.quantity} ${products.find((p) => p.id === items[0]?.resourceId)?.name ?? 'items'}`
          : `Production run ${k + 1}`,
      status,
      order: k + 1,
      LocationId: location.id,
      UserId: user?.id ?? null,
      due: rng.chance(0.8) ? anchor + rng.int(-5, 30) * DAY + 10 * 3_600_000 : null,
      completedAt: status === 'done' ? updatedAt : null,
      notes: rng.chance(0.4)
        ? rng.pick([
            'Rush order for weekend market',
            'Wholesale order',
            'Restock retail store',
            'Holiday gift sets'
          ])
        : null,
      createdAt,
      updatedAt,
      deleted: false,
      items
    })
  }
  data.tasks.load(tasks)
  data.setCounters(itemId, batchId)
  return data
}
