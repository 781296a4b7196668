import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { fbParseLocationId } from '../../src/shared/vendors/frostbyte/ids'
import { frostbyteHarness } from './frostbyte-harness'
import type { WriteHarness } from './write-conformance'

let issued = 0

export const frostbyteWriteHarness: WriteHarness<FrostbyteData> = {
  ...frostbyteHarness,
  countable(fake, cid) {
    const d = fake.server.data
    const warehouse = d.warehouses[0]!.id
    const plain = d.products.all().filter((p) => p.isActive && !p.trackBatches && !p.trackSerials)
    return {
      locationKey: `${cid}:location:wh/${warehouse}`,
      itemKeys: plain.map((p) => `${cid}:item:${p.id}`)
    }
  },
  levelAt: (fake, itemVendorId, locationVendorId) =>
    fake.server.data.totalOnHand(itemVendorId, fbParseLocationId(locationVendorId).id),
  revokeKey: (fake, key) => fake.server.data.apiKeys.delete(key),
  issueKey(fake) {
    const key = `fb_rotated_${++issued}`
    fake.server.data.apiKeys.set(key, { scopes: ['read', 'write'], org: 'org_demo' })
    return key
  },

  fieldDetails: true,
  prepareFlows(fake, n) {
    const d = fake.server.data
    const at = Date.now() - 86_400_000
    const plain = d.products
      .all()
      .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials && p.barcode)
    const supplier = d.suppliers.all().find((x) => x.isActive)!
    const so = d.salesOrders.all()[0]!
    let k = 0
    const pick = () => plain[k++ % plain.length]!
    for (let i = 0; i < n; i++) {
      const lines = [pick(), pick()].map((p) => ({
        id: d.newId(at),
        productId: p.id,
        quantity: 4,
        quantityReceived: 0,
        unitCost: 2.5,
        taxRate: 0.15
      }))
      d.purchaseOrders.insert({
        id: d.newId(at),
        orderNumber: d.nextNumber('PO'),
        status: 'APPROVED',
        supplierId: supplier.id,
        warehouseId: d.warehouses[0]!.id,
        orderDate: at,
        expectedDate: at,
        receivedDate: null,
        currency: supplier.currency,
        notes: null,
        lines,
        createdAt: at,
        updatedAt: at
      })
      for (const status of ['PICKED', 'PACKED'] as const)
        d.shipments.insert({
          id: d.newId(at),
          shipmentNumber: d.nextNumber('SH'),
          status,
          salesOrderId: so.id,
          carrier: null,
          trackingNumber: null,
          totalWeight: 1,
          shipDate: null,
          notes: null,
          lines: [pick(), pick()].map((p) => ({
            soLineId: d.newId(at),
            productId: p.id,
            quantity: 2,
            unitPrice: 5,
            taxRate: 0.15
          })),
          createdAt: at,
          updatedAt: at
        })
    }
  }
}
