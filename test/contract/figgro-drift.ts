import type { FiggroData } from '../../src/main/fakes/figgro/data'
import { matchers } from '../../src/main/fakes/common/faults'
import { figgroHarness } from './figgro-harness'
import { recased, renamed, reworked, Tally, toPascal, toSnake, without, type ShapeDrift } from './shape-drift'

/** The fake's ids (`prd-000123`) as the number a vendor could send instead (123). */
const numeric = (id: unknown) => (typeof id === 'string' ? Number(id.replace(/^[a-z]+-/, '')) : id)
const ID = /\b(prd|raw|job|tkt)-(\d+)\b/g

/**
 * Figgro's page lists no field of `data[]` at all (notes U2–U5, U9): ids may be
 * numbers, fields may be named or cased otherwise, and what is optional may be
 * left out.
 */
export const figgroDrift: ShapeDrift<FiggroData> = {
  vendor: 'figgro',
  harness: figgroHarness,
  send(fake) {
    const tally = new Tally()
    fake.server.faults.add({
      kind: 'reshape',
      match: matchers.isRead,
      rewrite(record) {
        const id = String(record.id)
        const n = numeric(id) as number
        let r: Record<string, unknown> = { ...record, id: n }
        tally.add('numeric ids')
        for (const ref of ['productId', 'jobRunId']) if (typeof r[ref] === 'string') r[ref] = numeric(r[ref])
        if (id.startsWith('prd') || id.startsWith('raw')) {
          if (n % 7 === 0) r = tally.as('no sku', without(r, 'sku'))
          if (n % 5 === 0) r = tally.as('no unit or updatedAt', without(r, 'unitOfMeasure', 'updatedAt'))
          if (id.startsWith('raw') && n % 4 === 0) r = tally.as('no expiryDate', without(r, 'expiryDate'))
          if (n % 3 === 1) {
            r = renamed(r, { name: 'productName', quantityOnHand: 'quantity', unitOfMeasure: 'uom' })
            tally.add('productName / quantity / uom')
          } else if (n % 3 === 2) r = tally.as('snake_case fields', recased(r, toSnake))
          else r = tally.as('PascalCase fields', recased(r, toPascal))
        } else if (id.startsWith('job')) {
          if (n % 2 === 0) {
            r = renamed(r, { plannedQuantity: 'quantity', jobNumber: 'number' })
            tally.add('job run quantity / number')
          } else r = tally.as('no completedQuantity', without(r, 'completedQuantity'))
        } else if (id.startsWith('tkt')) {
          if (n % 2 === 0) r = tally.as('ticket number', renamed(r, { ticketNumber: 'number' }))
          if (n % 3 === 0)
            r = tally.as('no lab test or Metrc flags', without(r, 'labTestPassed', 'metrcSynced'))
        }
        return r
      }
    })
    return tally
  },
  expected(fake, cid) {
    return reworked(
      fake.expected(cid),
      (k) => k.replace(ID, (_, __, digits: string) => String(Number(digits))),
      (table, key, f) => {
        const m = /(prd|raw)-(\d+)/.exec(key)
        if (!m) return f
        const n = Number(m[2])
        if (table === 'items' && n % 7 === 0) return { ...f, sku: '' }
        if ((table === 'stock' || table === 'lots') && m[1] === 'raw' && n % 4 === 0)
          return { ...f, expiry: undefined }
        return f
      }
    )
  }
}
