import { FORGE_DEMO_KEY, startForgeFake, type ForgeData } from '../../src/main/fakes/forgemrp/server'
import type { ExpectedReplica, VendorHarness } from './conformance'

/** ForgeMRP's job states as Stockroom shows them (written out here, apart from the mapping). */
const TASK_STATUS: Record<string, string> = {
  open: 'pending',
  in_progress: 'in-progress',
  on_hold: 'on hold',
  complete: 'done'
}

export const forgemrpHarness: VendorHarness<ForgeData> = {
  vendor: 'forgemrp',
  label: 'ForgeMRP',
  async start({ seed, size }) {
    const fake = await startForgeFake({ seed, size })
    const d = fake.data
    return {
      server: fake,
      url: fake.url,
      apiKey: FORGE_DEMO_KEY,
      expected(cid) {
        const items = new Map<string, Record<string, unknown>>()
        const stock = new Map<string, Record<string, unknown>>()
        const locations = new Map<string, Record<string, unknown>>()
        for (const i of d.inventory.values()) {
          items.set(`${cid}:item:${i.id}`, { sku: '', name: i.description, onHand: i.quantityOnHand })
          if (!i.location) continue
          stock.set(`${cid}:stock:${i.id}@${i.location}`, {
            onHand: i.quantityOnHand,
            locationKey: `${cid}:location:${i.location}`
          })
          locations.set(`${cid}:location:${i.location}`, { name: i.location })
        }
        const tasks = new Map(
          [...d.jobs.values()].map((j) => [
            `${cid}:task:${j.id}`,
            {
              name: [j.number, j.parts[0]?.name, d.clients.get(j.clientId)?.name].filter(Boolean).join(' · '),
              status: TASK_STATUS[j.status] ?? j.status,
              due: j.dueDate ?? undefined
            }
          ])
        )
        const orders = new Map(
          [...d.purchaseOrders.values()].map((o) => [
            `${cid}:order:${o.id}`,
            { number: o.number, status: o.status, supplier: d.suppliers.get(o.supplierId)?.name }
          ])
        )
        const expected: ExpectedReplica = { items, stock, locations, tasks, orders }
        return expected
      },
      counts: () => ({
        clients: d.clients.size,
        suppliers: d.suppliers.size,
        inventory_items: d.inventory.size,
        jobs: d.jobs.size,
        purchase_orders: d.purchaseOrders.size
      }),
      listRequests: (resource) =>
        fake.requests.filter((r) => r.method === 'GET' && r.path === `/${resource}` && r.status === 200)
          .length,
      mutate() {
        const all = d.ordered<{ id: string; createdAt: number }>('inventory')
        const changed = all.filter((_, i) => i % 41 === 3).map((r) => r.id)
        for (const id of changed) d.updateItem(id, { quantityOnHand: 7, location: 'Saw Bay' })
        const removed = all.filter((_, i) => i % 59 === 11).map((r) => r.id)
        for (const id of removed) d.deleteItem(id)
        const jobs = d.ordered<{ id: string; createdAt: number }>('jobs')
        d.updateJob(jobs[0]!.id, { status: 'complete' })
        d.deleteJob(jobs[1]!.id)
        return { changed, removed }
      },
      close: () => fake.close()
    }
  }
}
