import { commonOptions, type FakeDefinition } from '../common/definition'
import { startFrostbyteFake, FROSTBYTE_DEMO_KEY } from './server'

/** How tests, the demo and the fake-vendor CLI start this vendor's fake. */
export const frostbyteFake: FakeDefinition = {
  async start(o) {
    const { requestsPerMinute: rpm } = o
    const fb = await startFrostbyteFake({
      ...commonOptions(o),
      ...(rpm && { perKeyPerMinute: rpm, perOrgPerMinute: rpm })
    })
    const d = fb.data
    const openShipments = () =>
      d.shipments
        .all()
        .filter((s) => s.status === 'PICKING' || s.status === 'PICKED' || s.status === 'PACKED').length
    return {
      vendor: 'frostbyte',
      server: fb,
      credentials: { apiKey: FROSTBYTE_DEMO_KEY },
      authHeaders: { Authorization: `Bearer ${FROSTBYTE_DEMO_KEY}` },
      counts: () => ({
        '/warehouses': d.warehouses.length,
        '/products': d.products.size,
        '/batches': d.batches.size,
        '/stock-on-hand': d.stockRows.all().filter((r) => d.products.get(r.productId)?.isActive).length,
        // What a pass lists of orders: those a site receives, and shipments still to check, pack or
        // dispatch, each of which is then read on its own for its lines.
        '/purchase-orders': d.purchaseOrders
          .all()
          .filter((po) => po.status === 'APPROVED' || po.status === 'PARTIALLY_RECEIVED').length,
        '/shipments': openShipments(),
        '/shipments/{id}': openShipments()
      }),
      summary: () => `${d.products.size.toLocaleString()} products`
    }
  }
}
