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

  fieldDetails: true
}
