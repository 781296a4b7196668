import { commonOptions, type FakeDefinition } from '../common/definition'
import { FRACTION_DEMO_LOGIN, startFractionFake } from './server'

/** How tests, the demo and the fake-vendor CLI start this vendor's fake. */
export const fractionerpFake: FakeDefinition = {
  async start(o) {
    const { requestsPerMinute: rpm } = o
    const fr = await startFractionFake({
      ...commonOptions(o),
      // FractionERP's limit is per hour: a raised per-minute figure becomes its hourly equivalent.
      ...(rpm && { hourlyLimit: rpm * 60 })
    })
    const d = fr.data
    return {
      vendor: 'fractionerp',
      server: fr,
      credentials: { ...FRACTION_DEMO_LOGIN },
      counts: () => ({
        '/boms': d.boms.size,
        '/parts': d.parts.size,
        '/work-orders': d.workOrders.size,
        '/purchase-orders': d.purchaseOrders.size,
        '/shipments': d.shipments.size
      }),
      summary: () => `${d.parts.size.toLocaleString()} parts, ${d.workOrders.size} work orders`
    }
  }
}
