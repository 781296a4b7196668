import { commonOptions, type FakeDefinition } from '../common/definition'
import { startInventoraFake, INVENTORA_DEMO_KEY } from './server'

/** How tests, the demo and the fake-vendor CLI start this vendor's fake. */
export const inventoraFake: FakeDefinition = {
  // Inventora documents no rate limit (U1): requestsPerMinute does not apply.
  async start(o) {
    const inv = await startInventoraFake({
      ...commonOptions(o)
    })
    const d = inv.data
    return {
      vendor: 'inventora',
      server: inv,
      credentials: { apiKey: INVENTORA_DEMO_KEY },
      authHeaders: { 'X-Inventora-API-Key': INVENTORA_DEMO_KEY },
      counts: () => ({
        '/locations': d.locations.length,
        '/products': d.products.size,
        '/materials': d.materials.size,
        '/tasks': [...d.tasks.values()].filter((t) => !t.deleted).length
      }),
      summary: () => `${d.tasks.size} production tasks`
    }
  }
}
