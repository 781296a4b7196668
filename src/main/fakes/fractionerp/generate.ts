/**
 * Deterministic FractionERP dataset from (seed, size): `size` parts (every fifth one
 * Manufactured, with an approved BOM of purchased parts), customers, work orders, purchase
 * orders and shipments. Part i with i % 5 === 4 carries no stock fields (notes U2); part i
 * with i % 7 === 3 stands below its minimum stock.
 */
import { CATALOGUE, COMPANY_WORDS, PERSON_NAMES } from '../common/names'
import { Rng } from '../common/rng'
import { DAY, MINUTE, startOfUtcDay } from '../common/time'
import { FractionData } from './data'
import type { FrBom, FrCustomer, FrPart, FrPurchaseOrder, FrShipment, FrWorkOrder } from './model'

export interface GenerateOptions {
  seed: number
  size: number
  now: () => Date
}

const REVISIONS = ['A', 'A', 'A', 'B', 'B', 'C', 'D'] as const
const UOMS = ['EA', 'EA', 'EA', 'KG', 'MM', 'LTR', 'SETS'] as const
const MATERIALS = ['Stainless Steel', 'Mild Steel', 'ABS', 'Polypropylene', 'Nylon 66', 'Aluminium 6082']
const WEIGHTS = CATALOGUE.map((f) => [f, f.weight] as const)

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(n)))
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export function generateFraction(o: GenerateOptions): FractionData {
  const d = new FractionData(o.seed, o.size, o.now)
  const anchor = startOfUtcDay(o.now().getTime())
  const stamp = (i: number, n: number) => anchor - (n - i) * MINUTE

  const parts: FrPart[] = []
  for (let i = 0; i < o.size; i++) {
    const r = Rng.for(o.seed, 'part', i)
    const family = r.weighted(WEIGHTS)
    const manufactured = i % 5 === 0
    const current = r.int(0, 500)
    const min = i % 7 === 3 ? current + r.int(1, 50) : r.int(0, Math.max(0, current - 1))
    const allocated = Math.min(current, r.int(0, 40))
    parts.push({
      id: String(i + 1),
      part_number: `${family.prefix}-${String(i + 1).padStart(6, '0')}`,
      description: `${r.pick(family.adjectives)} ${r.pick(family.nouns)}, ${r.pick(family.variants)}`,
      revision: r.pick(REVISIONS),
      uom: r.pick(UOMS),
      material: r.chance(0.6) ? r.pick(MATERIALS) : null,
      category: family.category,
      type: manufactured ? 'Manufactured' : 'Purchased',
      ...(i % 5 !== 4 && {
        stock: { current, allocated, min, reorderLevel: min, reorderQty: r.int(10, 200) }
      }),
      created_at: stamp(i, o.size),
      updated_at: stamp(i, o.size) + r.int(0, 30) * DAY
    })
  }
  d.loadParts(parts)
  const purchased = parts.filter((p) => p.type === 'Purchased')
  const made = parts.filter((p) => p.type === 'Manufactured')

  const boms: FrBom[] = made.map((p, i) => {
    const r = Rng.for(o.seed, 'bom', i)
    const lines = new Map<string, number>()
    for (let n = r.int(2, 5); n > 0; n--) lines.set(r.pick(purchased).id, r.int(1, 12))
    return {
      id: String(i + 1),
      bom_number: `BOM-${p.part_number}`,
      part_id: p.id,
      revision: p.revision,
      status: i % 11 === 10 ? 'Draft' : 'Approved',
      lines: [...lines].map(([part_id, quantity]) => ({ part_id, quantity })),
      created_at: p.created_at,
      updated_at: p.updated_at
    }
  })
  d.boms.load(boms)

  const customers: FrCustomer[] = Array.from({ length: 25 }, (_, i) => {
    const r = Rng.for(o.seed, 'customer', i)
    const name = `${r.pick(COMPANY_WORDS.first)} ${r.pick(COMPANY_WORDS.second)} ${r.pick(COMPANY_WORDS.suffix)}`
    const person = `${r.pick(PERSON_NAMES.first)} ${r.pick(PERSON_NAMES.last)}`
    return {
      id: String(i + 1),
      name,
      currency: 'GBP',
      contacts: [
        { id: i + 1, name: person, email: `buyer${i + 1}@customer.example`, job_title: 'Purchasing Manager' }
      ],
      created_at: stamp(i, 25),
      updated_at: stamp(i, 25)
    }
  })
  d.customers.load(customers)

  const nWo = clamp(o.size / 25, 10, 400)
  const workOrders: FrWorkOrder[] = Array.from({ length: nWo }, (_, i) => {
    const r = Rng.for(o.seed, 'work-order', i)
    const status =
      i === 0
        ? 'Planned'
        : i === 1
          ? 'In Production'
          : r.pick(['Planned', 'In Production', 'Completed'] as const)
    const quantity = r.int(5, 500)
    const start = anchor + r.int(-20, 20) * DAY
    const contract = r.chance(0.6) ? 1000 + r.int(1, 500) : null
    return {
      id: String(i + 1),
      // Make to order: contract number and line; make to stock: an S prefix (support pages: works orders).
      number: contract ? `${contract}-${r.int(1, 6)}` : `S${String(i + 1).padStart(5, '0')}`,
      part_id: made[i % made.length]!.id,
      quantity,
      quantity_completed:
        status === 'Completed' ? quantity : status === 'In Production' ? r.int(0, quantity - 1) : 0,
      status,
      start_date: day(start),
      due_date: day(start + r.int(3, 30) * DAY),
      contract_id: contract,
      created_at: stamp(i, nWo),
      updated_at: stamp(i, nWo) + r.int(0, 5) * DAY
    }
  })
  d.workOrders.load(workOrders)

  const nPo = clamp(o.size / 30, 8, 300)
  const purchaseOrders: FrPurchaseOrder[] = Array.from({ length: nPo }, (_, i) => {
    const r = Rng.for(o.seed, 'purchase-order', i)
    const status = r.pick(['Draft', 'Approved', 'Approved', 'Part Received', 'Received'] as const)
    return {
      id: String(i + 1),
      po_number: `PO${String(5000 + i)}`,
      supplier_name: `${r.pick(COMPANY_WORDS.first)} ${r.pick(COMPANY_WORDS.second)} ${r.pick(COMPANY_WORDS.suffix)}`,
      status,
      due_date: day(anchor + r.int(-10, 40) * DAY),
      lines: Array.from({ length: r.int(1, 4) }, () => {
        const quantity = r.int(10, 1000)
        const received =
          status === 'Received' ? quantity : status === 'Part Received' ? r.int(1, quantity - 1) : 0
        return { part_id: r.pick(purchased).id, quantity, quantity_received: received }
      }),
      created_at: stamp(i, nPo),
      updated_at: stamp(i, nPo)
    }
  })
  d.purchaseOrders.load(purchaseOrders)

  const nSh = clamp(o.size / 50, 5, 200)
  const shipments: FrShipment[] = Array.from({ length: nSh }, (_, i) => {
    const r = Rng.for(o.seed, 'shipment', i)
    return {
      id: String(i + 1),
      shipment_number: `SH${String(7000 + i)}`,
      customer_id: r.pick(customers).id,
      status: r.chance(0.7) ? 'Shipped' : 'Pending',
      ship_date: day(anchor + r.int(-30, 10) * DAY),
      lines: Array.from({ length: r.int(1, 3) }, () => ({
        part_id: r.pick(made).id,
        quantity: r.int(1, 200)
      })),
      created_at: stamp(i, nSh),
      updated_at: stamp(i, nSh)
    }
  })
  d.shipments.load(shipments)
  return d
}
