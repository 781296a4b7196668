/**
 * Deterministic ForgeMRP dataset from (seed, size): `size` inventory items (stock and
 * purchased hardware at named places), clients, suppliers, jobs with their parts and work
 * orders, and purchase orders whose lines buy inventory items. Timestamps are laid out
 * before the start of the current UTC day (stock over the last 400 days, jobs and purchase
 * orders over the last months), so the same (seed, size) gives the same data all day long.
 *
 * Guarantees: job 0 is open with a due date, job 1 in progress, job 2 complete; every job
 * has at least one work order; item 0 is 6061 aluminium plate at Plate Rack A.
 */
import { COMPANY_WORDS } from '../common/names'
import { Rng } from '../common/rng'
import { DAY, HOUR, startOfUtcDay } from '../common/time'
import { numbered } from '../common/ids'
import { CURRENCIES, HARDWARE, LOCATIONS, MATERIALS, OPERATIONS, PART_NOUNS, SHAPES } from './catalogue'
import { ForgeData } from './data'
import type {
  ForgeClient,
  ForgeInventoryItem,
  ForgeJob,
  ForgePurchaseOrder,
  ForgeSupplier,
  ForgeWorkOrder
} from './model'

export interface GenerateOptions {
  seed: number
  size: number
  now: () => Date
}

/** Days before today over which each resource's records were created (oldest first). */
const SPAN_DAYS: Record<string, number> = { client: 700, supplier: 700, item: 400, job: 100, po: 120 }

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(n)))

export function generateForge({ seed, size, now }: GenerateOptions): ForgeData {
  const today = startOfUtcDay(now().getTime())
  const data = new ForgeData(seed, size, today, now)
  const counts = {
    clients: clamp(size / 40, 6, 400),
    suppliers: clamp(size / 100, 4, 200),
    jobs: clamp(size / 10, 8, 2_000),
    purchaseOrders: clamp(size / 20, 5, 1_000)
  }
  const total: Record<string, number> = {
    client: counts.clients,
    supplier: counts.suppliers,
    item: size,
    job: counts.jobs,
    po: counts.purchaseOrders
  }
  const stamp = (stream: string, i: number, rng: Rng) => {
    const span = SPAN_DAYS[stream]! * DAY
    const createdAt = today - span + Math.floor((i * span) / total[stream]!) + hashOffset(stream)
    return { createdAt, updatedAt: Math.min(createdAt + rng.int(0, 60) * DAY, today - HOUR) }
  }
  const id = (prefix: string, stream: string, i: number) =>
    `${prefix}_${Rng.for(seed, 'forgemrp-id', stream, i).base36(12)}`

  const companyName = (rng: Rng) =>
    `${rng.pick(COMPANY_WORDS.first)} ${rng.pick(['Machining', 'Aerospace', 'Robotics', 'Medical', 'Marine', 'Automation'])} ${rng.pick(COMPANY_WORDS.suffix)}`
  const clients: ForgeClient[] = []
  for (let i = 0; i < counts.clients; i++) {
    const rng = Rng.for(seed, 'forgemrp-client', i)
    clients.push({ id: id('cli', 'client', i), name: companyName(rng), ...stamp('client', i, rng) })
  }
  data.clients.load(clients)

  const suppliers: ForgeSupplier[] = []
  for (let i = 0; i < counts.suppliers; i++) {
    const rng = Rng.for(seed, 'forgemrp-supplier', i)
    const name = `${rng.pick(COMPANY_WORDS.first)} ${rng.pick(['Metals', 'Steel', 'Alloys', 'Plastics', 'Fasteners'])} ${rng.pick(COMPANY_WORDS.suffix)}`
    suppliers.push({ id: id('sup', 'supplier', i), name, ...stamp('supplier', i, rng) })
  }
  data.suppliers.load(suppliers)

  const items: ForgeInventoryItem[] = []
  for (let i = 0; i < size; i++) items.push(inventoryItem(seed, i, id('itm', 'item', i), stamp))
  data.inventory.load(items)

  const jobs: ForgeJob[] = []
  for (let i = 0; i < counts.jobs; i++) {
    const rng = Rng.for(seed, 'forgemrp-job', i)
    const times = stamp('job', i, rng)
    const status =
      i < 3
        ? (['open', 'in_progress', 'complete'] as const)[i]!
        : rng.weighted([
            ['open', 4],
            ['in_progress', 3],
            ['on_hold', 1],
            ['complete', 3]
          ] as const)
    const parts = Array.from({ length: rng.int(1, 3) }, (_, p) => ({
      id: id('prt', `job-${i}`, p),
      partNumber: `P-${rng.int(1000, 9999)}-${String.fromCharCode(65 + p)}`,
      name: `${rng.pick(PART_NOUNS)}, ${rng.pick(MATERIALS).category}`,
      quantity: rng.pick([1, 2, 4, 5, 10, 12, 20, 25, 50, 100])
    }))
    const workOrders: ForgeWorkOrder[] = []
    for (const part of parts) {
      const ops = rng.int(1, 4)
      // In a running job the routing is done up to the operation under way; later ones wait.
      const current = status === 'in_progress' ? rng.int(0, ops - 1) : 0
      for (let s = 0; s < ops; s++) {
        const op = rng.pick(OPERATIONS)
        const wStatus =
          status === 'complete' || s < current
            ? 'complete'
            : s === current
              ? status === 'in_progress'
                ? 'in_progress'
                : 'ready'
              : 'blocked'
        workOrders.push({
          id: id('wo', `job-${i}`, workOrders.length),
          partId: part.id,
          sequence: (s + 1) * 10,
          operation: op.operation,
          equipment: rng.pick(op.equipment),
          phase: wStatus === 'in_progress' ? rng.pick(['programming', 'setup', 'running'] as const) : null,
          status: wStatus,
          quantity: part.quantity,
          estimatedMinutes: rng.int(6, 480)
        })
      }
    }
    jobs.push({
      id: id('job', 'job', i),
      number: numbered('J', 1001 + i),
      clientId: clients[rng.int(0, clients.length - 1)]!.id,
      status,
      dueDate:
        i === 0 || rng.chance(0.9)
          ? new Date(times.createdAt + rng.int(7, 90) * DAY).toISOString().slice(0, 10)
          : null,
      parts,
      workOrders,
      ...times
    })
  }
  data.jobs.load(jobs)

  const orders: ForgePurchaseOrder[] = []
  for (let i = 0; i < counts.purchaseOrders; i++) {
    const rng = Rng.for(seed, 'forgemrp-po', i)
    const times = stamp('po', i, rng)
    const status = rng.weighted([
      ['draft', 1],
      ['sent', 3],
      ['acknowledged', 2],
      ['partially_received', 2],
      ['received', 3],
      ['closed', 1]
    ] as const)
    const lines = Array.from({ length: rng.int(1, 5) }, (_, l) => {
      const item = rng.chance(0.85) ? items[rng.int(0, items.length - 1)]! : undefined
      const ordered = rng.int(1, 40)
      const received =
        status === 'received' || status === 'closed'
          ? ordered
          : status === 'partially_received'
            ? rng.int(0, ordered - 1)
            : 0
      return {
        id: id('pol', `po-${i}`, l),
        inventoryItemId: item?.id ?? null,
        description:
          item?.description ?? `Outside service: ${rng.pick(['Anodize', 'Passivate', 'Black oxide'])}`,
        quantityOrdered: ordered,
        quantityReceived: received
      }
    })
    orders.push({
      id: id('po', 'po', i),
      number: numbered('PO', 5001 + i),
      supplierId: suppliers[rng.int(0, suppliers.length - 1)]!.id,
      status,
      orderDate: new Date(times.createdAt).toISOString().slice(0, 10),
      requiredDate: rng.chance(0.8)
        ? new Date(times.createdAt + rng.int(5, 40) * DAY).toISOString().slice(0, 10)
        : null,
      currency: rng.pick(CURRENCIES),
      lines,
      ...times
    })
  }
  data.purchaseOrders.load(orders)
  return data
}

function inventoryItem(
  seed: number,
  i: number,
  itemId: string,
  stamp: (stream: string, i: number, rng: Rng) => { createdAt: number; updatedAt: number }
): ForgeInventoryItem {
  const rng = Rng.for(seed, 'forgemrp-item', i)
  const times = stamp('item', i, rng)
  if (i > 0 && rng.chance(0.12)) {
    const hw = rng.pick(HARDWARE)
    const spec = rng.pick(hw.specs)
    return {
      id: itemId,
      description: `${hw.type} ${spec}`,
      materialCategory: 'Hardware',
      materialType: hw.type,
      materialSpec: spec,
      shape: null,
      dimensions: null,
      quantityOnHand: rng.int(0, 2_000),
      location: 'Hardware Shelf',
      unitCost: rng.float(0.05, 4),
      ...times
    }
  }
  const family = i === 0 ? MATERIALS[0]! : rng.pick(MATERIALS)
  const type = i === 0 ? family.types[0]! : rng.pick(family.types)
  const spec = rng.pick(type.specs)
  const shape = i === 0 ? 'Plate' : rng.pick(SHAPES)
  const dimensions = dimensionsOf(shape, rng)
  return {
    id: itemId,
    description: `${type.type}${spec ? `-${spec}` : ''} ${family.category} ${shape}, ${dimensions}`,
    materialCategory: family.category,
    materialType: type.type,
    materialSpec: spec,
    shape,
    dimensions,
    quantityOnHand: rng.chance(0.1) ? 0 : rng.int(1, 60),
    location: i === 0 ? 'Plate Rack A' : rng.pick(LOCATIONS.filter((l) => l !== 'Hardware Shelf')),
    unitCost: rng.float(family.cost[0], family.cost[1]),
    ...times
  }
}

function dimensionsOf(shape: (typeof SHAPES)[number], rng: Rng): string {
  const inch = (choices: number[]) => `${rng.pick(choices).toFixed(3)}"`
  switch (shape) {
    case 'Plate':
      return `${inch([0.25, 0.375, 0.5, 0.75, 1, 1.5, 2])} × ${rng.pick([6, 12, 24])}" × ${rng.pick([12, 24, 48])}"`
    case 'Sheet':
      return `${inch([0.032, 0.063, 0.09, 0.125])} × 48" × 96"`
    case 'Round Bar':
      return `Ø${inch([0.25, 0.5, 0.75, 1, 1.25, 2, 3])} × ${rng.pick([12, 72, 144])}"`
    case 'Square Bar':
    case 'Hex Bar':
      return `${inch([0.5, 0.75, 1, 1.5])} × ${rng.pick([12, 72, 144])}"`
    case 'Flat Bar':
      return `${inch([0.125, 0.25, 0.5])} × ${rng.pick([1, 2, 3, 4])}" × ${rng.pick([72, 144])}"`
    case 'Tube':
      return `Ø${inch([0.5, 1, 1.5, 2])} × ${inch([0.049, 0.065, 0.12])} wall × ${rng.pick([72, 144])}"`
  }
}

/** Different resources start a few seconds apart, so their records never share an instant. */
function hashOffset(stream: string): number {
  let h = 0
  for (let i = 0; i < stream.length; i++) h = (h * 31 + stream.charCodeAt(i)) % 60
  return h * 1000
}
