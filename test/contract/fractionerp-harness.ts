import {
  FRACTION_DEMO_LOGIN,
  startFractionFake,
  type FractionData,
  type FractionFakeOptions
} from '../../src/main/fakes/fractionerp/server'
import type { ExpectedReplica, VendorHarness } from './conformance'

/**
 * FractionERP computed from the fake's own tables, not through the connector's
 * mapping: parts → items (stock fields absent → no on-hand figure), work orders →
 * tasks, purchase orders and shipments → orders.
 */
export const fractionerpHarness = fractionerpHarnessWith({})

/** The harness over a fake with its own settings (token lifetime, plan, the user's password, …). */
export function fractionerpHarnessWith(
  options: FractionFakeOptions,
  login: { email: string; password: string } = FRACTION_DEMO_LOGIN
): VendorHarness<FractionData> {
  return {
    vendor: 'fractionerp',
    label: 'FractionERP',
    async start({ seed, size }) {
      const fake = await startFractionFake({ seed, size, ...options })
      const d = fake.data
      return {
        server: fake,
        url: fake.url,
        apiKey: '',
        login: { ...login },
        expected(cid) {
          const items = new Map(
            d.parts.all().map((p) => [
              `${cid}:item:${p.id}`,
              {
                sku: p.part_number,
                name: p.description || p.part_number,
                onHand: p.stock?.current,
                minLevel: p.stock?.min,
                unit: p.uom
              }
            ])
          )
          const tasks = new Map(
            d.workOrders.all().map((w) => [
              `${cid}:task:${w.id}`,
              {
                status: { Completed: 'done', 'In Production': 'in-progress', Planned: 'pending' }[w.status],
                due: w.due_date
              }
            ])
          )
          const orders = new Map<string, Record<string, unknown>>([
            ...d.purchaseOrders
              .all()
              .map(
                (p) =>
                  [`${cid}:order:purchase-orders/${p.id}`, { number: p.po_number, status: p.status }] as const
              ),
            ...d.shipments
              .all()
              .map(
                (s) =>
                  [`${cid}:order:shipments/${s.id}`, { number: s.shipment_number, status: s.status }] as const
              )
          ])
          // Parts with a stock figure stand at the one whole-stock place (no locations are listed).
          const place = `${cid}:location:whole-stock`
          const stock = new Map(
            d.parts
              .all()
              .filter((p) => p.stock)
              .map((p) => [`${cid}:stock:${p.id}`, { onHand: p.stock!.current, locationKey: place }])
          )
          const locations = new Map([[place, { name: 'Whole stock', code: 'WHOLE-STOCK' }]])
          const expected: ExpectedReplica = { items, tasks, orders, stock, locations }
          return expected
        },
        counts: () => ({
          boms: d.boms.size,
          parts: d.parts.size,
          'work-orders': d.workOrders.size,
          'purchase-orders': d.purchaseOrders.size,
          shipments: d.shipments.size
        }),
        listRequests: (resource) =>
          fake.requests.filter((r) => r.method === 'GET' && r.path === `/${resource}` && r.status === 200)
            .length,
        mutate() {
          const parts = d.parts.all()
          const changed = parts.filter((_, i) => i % 41 === 3).map((p) => p.id)
          for (const id of changed) d.updatePart(id, (p) => (p.description = `${p.description} (revised)`))
          // Parts named by a BOM, work order or order stay: FractionERP would not delete those.
          const used = new Set([
            ...d.boms.all().flatMap((b) => [b.part_id, ...b.lines.map((l) => l.part_id)]),
            ...d.workOrders.all().map((w) => w.part_id),
            ...d.purchaseOrders.all().flatMap((p) => p.lines.map((l) => l.part_id)),
            ...d.shipments.all().flatMap((s) => s.lines.map((l) => l.part_id))
          ])
          const removed = parts.filter((p, i) => i % 59 === 11 && !used.has(p.id)).map((p) => p.id)
          for (const id of removed) d.deletePart(id)
          return { changed, removed }
        },
        close: () => fake.close()
      }
    }
  }
}
