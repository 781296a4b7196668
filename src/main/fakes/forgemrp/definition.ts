import { commonOptions, type FakeDefinition } from '../common/definition'
import { FORGE_DEMO_KEY, startForgeFake } from './server'

/** How tests, the demo and the fake-vendor CLI start this vendor's fake. */
export const forgemrpFake: FakeDefinition = {
  async start(o) {
    const { requestsPerMinute } = o
    const fake = await startForgeFake({
      ...commonOptions(o),
      ...(requestsPerMinute && { requestsPerMinute })
    })
    const d = fake.data
    return {
      vendor: 'forgemrp',
      server: fake,
      credentials: { apiKey: FORGE_DEMO_KEY },
      counts: () => ({
        '/clients': d.clients.size,
        '/suppliers': d.suppliers.size,
        '/inventory_items': d.inventory.size,
        '/jobs': d.jobs.size,
        '/purchase_orders': d.purchaseOrders.size
      }),
      summary: () => `${d.inventory.size.toLocaleString()} inventory items, ${d.jobs.size} jobs`
    }
  }
}
