import type { ForgeData } from '../../src/main/fakes/forgemrp/server'
import { matchers } from '../../src/main/fakes/common/faults'
import { FORGE_PATHS } from '../../src/shared/vendors/forgemrp/assumptions'
import { forgemrpHarness } from './forgemrp-harness'
import { recased, renamed, reworked, Tally, toCamel, without, type ShapeDrift } from './shape-drift'

const ID = /\b[a-z]+_[0-9a-z]{12}\b/g
const ONE_ID = /^[a-z]+_[0-9a-z]{12}$/
type Row = Record<string, unknown>

/**
 * ForgeMRP's page shows `{ id, name, created_at, updated_at }` only (notes U2,
 * U4): the ids of its examples are opaque ("…") and may be numbers, the fields of
 * items, jobs and purchase orders are guesses, a job's parts may carry no id.
 */
export const forgemrpDrift: ShapeDrift<ForgeData> = {
  vendor: 'forgemrp',
  harness: forgemrpHarness,
  send(fake) {
    const tally = new Tally()
    const numbers = numbering(fake)
    const num = (v: unknown) => (typeof v === 'string' && ONE_ID.test(v) ? numbers(v) : v)
    const ids = (r: Row, ...fields: string[]): Row => {
      const out = { ...r }
      for (const f of ['id', ...fields]) if (f in out) out[f] = num(out[f])
      return out
    }
    const on = (path: string, rewrite: (r: Row, n: number) => Row) =>
      fake.server.faults.add({
        kind: 'reshape',
        match: (req) => matchers.isRead(req) && req.path === path,
        rewrite: (r) => {
          tally.add('numeric ids')
          return rewrite(r, numbers(String(r.id)))
        }
      })
    for (const path of [FORGE_PATHS.clients, FORGE_PATHS.suppliers])
      on(path, (r, n) =>
        n % 2 === 0 ? (tally.add('name as display_name'), renamed(ids(r), { name: 'display_name' })) : ids(r)
      )
    on(FORGE_PATHS.inventory, (r, n) => {
      let out = ids(r)
      if (n % 5 === 0)
        out = tally.as(
          'no spec, shape, cost or stamps',
          without(out, 'material_spec', 'shape', 'unit_cost', 'created_at', 'updated_at')
        )
      if (n % 3 === 1)
        out = tally.as('name / quantity', renamed(out, { description: 'name', quantity_on_hand: 'quantity' }))
      else if (n % 3 === 2) out = tally.as('camelCase fields', recased(out, toCamel))
      return out
    })
    on(FORGE_PATHS.jobs, (r, n) => {
      let out = ids(r, 'client_id')
      out.parts = (r.parts as Row[]).map((p) => without(p, 'id'))
      out.work_orders = (r.work_orders as Row[]).map((w) => ids(w, 'part_id'))
      tally.add('job parts without ids')
      if (n % 4 === 0) out = tally.as('no due_date', without(out, 'due_date'))
      return out
    })
    on(FORGE_PATHS.purchaseOrders, (r, n) => {
      const out = ids(r, 'supplier_id')
      out.lines = (r.lines as Row[]).map((l) =>
        renamed(ids(l, 'inventory_item_id'), { quantity_ordered: 'quantity' })
      )
      tally.add(n % 2 === 0 ? 'po_number' : 'poNumber')
      return renamed(out, { number: n % 2 === 0 ? 'po_number' : 'poNumber' })
    })
    return tally
  },
  expected(fake, cid) {
    const numbers = numbering(fake)
    return reworked(
      fake.expected(cid),
      (k) => k.replace(ID, (id) => String(numbers(id))),
      (table, key, f) => {
        const id = key.match(ID)?.[0]
        if (table === 'tasks' && id && numbers(id) % 4 === 0) return { ...f, due: undefined }
        return f
      }
    )
  }
}

/** One number per id of the fake, the same for the sending and the expectation. */
const numberings = new WeakMap<object, (id: string) => number>()
function numbering(fake: { server: object }): (id: string) => number {
  let f = numberings.get(fake.server)
  if (!f) {
    const seen = new Map<string, number>()
    f = (id) => {
      let n = seen.get(id)
      if (n === undefined) seen.set(id, (n = seen.size + 1))
      return n
    }
    numberings.set(fake.server, f)
  }
  return f
}
