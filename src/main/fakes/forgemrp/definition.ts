import type { FakeDefinition } from '../common/definition'
import { FORGE_DEMO_KEY, startForgeFake } from './server'

/** How tests, the demo and the fake-vendor CLI start this vendor's fake. */
export const forgemrpFake: FakeDefinition = {
  async start({ seed, size, requestsPerMinute, now }) {
    const fake = await startForgeFake({
      ...(seed !== undefined && { seed }),
      ...(size !== undefined && { size }),
      ...(requestsPerMinute && { requestsPerMinute }),
      ...(now && { now })
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
