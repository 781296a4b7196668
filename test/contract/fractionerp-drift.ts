import type { FractionData } from '../../src/main/fakes/fractionerp/server'
import { matchers } from '../../src/main/fakes/common/faults'
import { fractionerpHarness } from './fractionerp-harness'
import { recased, renamed, reworked, Tally, toCamel, without, type ShapeDrift } from './shape-drift'

type Row = Record<string, unknown>

/**
 * FractionERP documents its envelopes but no record's fields (notes U1, U2): ids
 * are integers in every example but may come as text, a purchase order's number
 * may be `number`, `po_number` or `poNumber`, optional parts may be left out.
 */
export const fractionerpDrift: ShapeDrift<FractionData> = {
  vendor: 'fractionerp',
  harness: fractionerpHarness,
  send(fake) {
    const tally = new Tally()
    const texts = (r: Row, n: number, ...fields: string[]): Row => {
      if (n % 2 !== 0) return r
      tally.add('ids as text')
      const out = { ...r }
      for (const f of ['id', 'part_id', ...fields]) if (typeof out[f] === 'number') out[f] = String(out[f])
      return out
    }
    const lines = (r: Row, n: number) =>
      Array.isArray(r.lines) ? { ...r, lines: (r.lines as Row[]).map((l) => texts(l, n)) } : r
    const on = (path: string, rewrite: (r: Row, n: number) => Row) =>
      fake.server.faults.add({
        kind: 'reshape',
        match: (req) => matchers.isRead(req) && req.path === path,
        rewrite: (r) => rewrite(r, Number(r.id))
      })
    on('/parts', (r, n) => {
      let out = texts(r, n)
      if (n % 5 === 0)
        out = tally.as(
          'no revision, material, category or updated_at',
          without(out, 'revision', 'material', 'category', 'updated_at')
        )
      if (n % 3 === 1)
        out = tally.as(
          'number / name / unit',
          renamed(out, { part_number: 'number', description: 'name', uom: 'unit' })
        )
      else if (n % 3 === 2) out = tally.as('camelCase fields', recased(out, toCamel))
      return out
    })
    on('/boms', (r, n) => lines(texts(r, n), n))
    on('/work-orders', (r, n) => {
      let out = texts(r, n)
      if (n % 4 === 0) out = tally.as('no due_date', without(out, 'due_date'))
      if (n % 3 === 1) out = tally.as('wo_number', renamed(out, { number: 'wo_number' }))
      return out
    })
    on('/purchase-orders', (r, n) => {
      let out = lines(texts(r, n), n)
      if (n % 5 === 0) out = tally.as('no lines', without(out, 'lines'))
      const name = ['number', 'poNumber', 'po_number'][n % 3]!
      tally.add(name)
      return renamed(out, { po_number: name })
    })
    on('/shipments', (r, n) => {
      tally.add('shipment number as number')
      return renamed(lines(texts(r, n), n), { shipment_number: 'number' })
    })
    return tally
  },
  expected(fake, cid) {
    return reworked(
      fake.expected(cid),
      (k) => k,
      (table, key, f) =>
        table === 'tasks' && Number(key.split(':').at(-1)) % 4 === 0 ? { ...f, due: undefined } : f
    )
  }
}
