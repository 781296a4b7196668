/**
 * Deterministic Figgro dataset from (seed, size): `size` products (up to
 * 100,000), a quarter as many raw materials with lots and expiry dates, a job
 * run per 20 products and one to three tickets per run. Every record comes from
 * its own random stream, so record i is the same whatever the size.
 *
 * Guarantees: raw material i with i % 9 === 4 expires within 12 days of `now`;
 * job run 0 is in progress and started within the last day.
 */
import { CATALOGUE } from '../common/names'
import { numbered } from '../common/ids'
import { Rng } from '../common/rng'
import { DAY, iso, startOfUtcDay } from '../common/time'
import { FiggroData, type FgJobRun, type FgProduct, type FgRawMaterial, type FgTicket } from './data'

export interface GenerateOptions {
  seed: number
  size: number
  now: () => Date
}

const MATERIAL_NOUNS = [
  'Terpene Blend',
  'Glycerin',
  'Hemp Extract',
  'Gelatin',
  'Cane Sugar',
  'MCT Oil',
  'Citric Acid',
  'Pectin',
  'Flavouring',
  'Packaging Film'
]
const MATERIAL_GRADES = ['USP', 'Food Grade', 'Organic', 'Lab Grade', 'Bulk']
const day = (ms: number) => iso(ms).slice(0, 10)

function product(seed: number, i: number, now: number): FgProduct {
  const rng = Rng.for(seed, 'figgro-product', i)
  const family = rng.weighted(CATALOGUE.map((f) => [f, f.weight] as const))
  return {
    id: numbered('prd', i + 1, 6),
    sku: numbered(family.prefix, i + 1, 6),
    name: `${rng.pick(family.adjectives)} ${rng.pick(family.nouns)}, ${rng.pick(family.variants)}`,
    quantityOnHand: rng.int(0, 500),
    unitOfMeasure: rng.pick(family.units),
    updatedAt: iso(now - rng.int(1, 400) * DAY)
  }
}

function rawMaterial(seed: number, i: number, now: number): FgRawMaterial {
  const rng = Rng.for(seed, 'figgro-raw', i)
  const soon = i % 9 === 4
  return {
    id: numbered('raw', i + 1, 6),
    sku: numbered('RM', i + 1, 6),
    name: `${rng.pick(MATERIAL_NOUNS)} ${rng.pick(MATERIAL_GRADES)}`,
    quantityOnHand: rng.float(0, 250, 1),
    unitOfMeasure: rng.pick(['kg', 'L', 'g', 'ea']),
    updatedAt: iso(now - rng.int(1, 200) * DAY),
    lotNumber: `L${rng.int(2024, 2026)}-${rng.base36(5).toUpperCase()}`,
    expiryDate: day(startOfUtcDay(now) + (soon ? rng.int(1, 12) : rng.int(45, 720)) * DAY)
  }
}

function jobRun(seed: number, i: number, p: FgProduct, now: number): FgJobRun {
  const rng = Rng.for(seed, 'figgro-job', i)
  const start =
    i === 0 ? now - rng.int(1, 20) * 3_600_000 : now - rng.int(0, 120) * DAY - rng.int(0, 86_399_999)
  const status = i === 0 ? 'InProgress' : now - start < 3 * DAY ? 'InProgress' : 'Completed'
  const planned = rng.int(2, 40) * 10
  return {
    id: numbered('job', i + 1, 6),
    jobNumber: numbered('JR', i + 1, 6),
    productId: p.id,
    sku: p.sku,
    productName: p.name,
    plannedQuantity: planned,
    completedQuantity: status === 'Completed' ? planned : rng.int(0, planned),
    status,
    startDate: iso(start),
    endDate: status === 'Completed' ? iso(start + rng.int(1, 3) * DAY) : null
  }
}

function tickets(seed: number, run: FgJobRun, next: () => number): FgTicket[] {
  const rng = Rng.for(seed, 'figgro-tickets', run.id)
  const n = rng.int(1, 3)
  return Array.from({ length: n }, (_, k) => {
    const id = next()
    const start = Date.parse(run.startDate) + k * 6 * 3_600_000
    const closed = run.status === 'Completed'
    return {
      id: numbered('tkt', id, 7),
      ticketNumber: numbered('T', id, 7),
      jobRunId: run.id,
      jobNumber: run.jobNumber,
      productId: run.productId,
      sku: run.sku,
      productName: run.productName,
      quantity: Math.max(1, Math.round(run.plannedQuantity / n)),
      status: closed ? 'Closed' : 'Open',
      startDate: iso(start),
      endDate: closed ? iso(start + 4 * 3_600_000) : null,
      labTestPassed: closed ? rng.chance(0.9) : false,
      metrcSynced: closed ? rng.chance(0.8) : false
    }
  })
}

export function generateFiggro({ seed, size, now: clock }: GenerateOptions): FiggroData {
  const now = clock().getTime()
  const products = Array.from({ length: size }, (_, i) => product(seed, i, now))
  const raw = Array.from({ length: Math.max(10, Math.ceil(size / 4)) }, (_, i) => rawMaterial(seed, i, now))
  const runs = Array.from({ length: Math.max(5, Math.ceil(size / 20)) }, (_, i) =>
    jobRun(seed, i, products[(i * 7) % size]!, now)
  )
  let ticketNo = 0
  const allTickets = runs.flatMap((r) => tickets(seed, r, () => ++ticketNo))
  return new FiggroData(products, raw, runs, allTickets, () => clock().getTime())
}
