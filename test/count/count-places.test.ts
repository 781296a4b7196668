import { afterEach, describe, expect, it } from 'vitest'
import { countScan } from '../../src/renderer/src/count/count-scan'
import { findLocationLabel, goToLabel } from '../../src/renderer/src/count/location-switch'
import { activeCount } from '../../src/renderer/src/count/sessions'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { Item, Location } from '../../src/shared/model/records'
import { codeKeys } from '../../src/shared/scan/gtin'
import { vendorProfiles } from '../../src/shared/vendors/profiles'
import type { VendorHarness } from '../contract/conformance'
import { figgroHarness } from '../contract/figgro-harness'
import { forgemrpHarness } from '../contract/forgemrp-harness'
import { fractionerpHarness } from '../contract/fractionerp-harness'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { inventoraHarness } from '../contract/inventora-harness'
import { connectVendor, type Connected } from '../helpers/connected'

/**
 * Every vendor that holds stock can be counted: its profile says what a count
 * location is, and after a sync against its fake a location label starts a count
 * at a place whose stock is the vendor's. FractionERP and Figgro keep stock
 * without locations: their one place is "Whole stock" (label WHOLE-STOCK), and
 * every stocked record stands there.
 */
const cases: {
  harness: VendorHarness
  places: 'locations' | 'whole-stock'
  label: (l: Location[]) => Location
}[] = [
  // A bin's label counts its warehouse (stock is kept per warehouse).
  {
    harness: frostbyteHarness as VendorHarness,
    places: 'locations',
    label: (ls: Location[]) => ls.find((l: Location) => l.kind === 'bin')!
  },
  { harness: inventoraHarness as VendorHarness, places: 'locations', label: (ls: Location[]) => ls[0]! },
  // Its places are the location names items stand at.
  { harness: forgemrpHarness as VendorHarness, places: 'locations', label: (ls: Location[]) => ls[0]! },
  { harness: fractionerpHarness as VendorHarness, places: 'whole-stock', label: (ls: Location[]) => ls[0]! },
  { harness: figgroHarness as VendorHarness, places: 'whole-stock', label: (ls: Location[]) => ls[0]! }
] as never

describe('count locations, per vendor', () => {
  let c: Connected<unknown> | undefined
  afterEach(() => c?.close())

  for (const { harness, places, label } of cases) {
    it(`${harness.label}: ${places === 'whole-stock' ? 'one "Whole stock" place' : 'its locations'}`, async () => {
      expect(vendorProfiles[harness.vendor].counts.places.kind).toBe(places)
      c = await connectVendor(harness, { seed: 13, size: 300 })
      await syncConnection(c.db, c.host, c.cid)
      const locations = await c.db.locations.where('connectionId').equals(c.cid).toArray()
      if (places === 'whole-stock') {
        expect(locations.map((l) => [l.name, l.code])).toEqual([['Whole stock', 'WHOLE-STOCK']])
      } else expect(locations.length).toBeGreaterThan(1)

      // Its label starts a count there (or at the place its stock is kept).
      const scanned = label(locations)
      const printed = scanned.code ?? scanned.name
      const found = await findLocationLabel(c.db, codeKeys(printed), c.cid)
      expect(found.map((l) => l.key)).toEqual([scanned.key])
      const started = await goToLabel(c.db, found, { blind: false })
      expect(started.status).toBe('switched')
      const count = (await activeCount(c.db))!
      const at = count.locationKey
      if (harness.vendor === 'frostbyte') expect((await c.db.locations.get(at))!.kind).toBe('warehouse')
      else expect(at).toBe(scanned.key)

      // What stands there is the vendor's stock; a scan of a stocked item expects the vendor's quantity.
      const stock = await c.db.stock.where('locationKey').equals(at).toArray()
      expect(stock.length).toBeGreaterThan(0)
      if (places === 'whole-stock') {
        const stocked = (await c.db.items.where('connectionId').equals(c.cid).toArray()).filter(
          (i) => i.onHand !== undefined
        )
        expect(stock.length).toBe(stocked.length)
        const item = stocked.find((i) => i.sku && i.codes.length > 0) as Item
        const outcome = await countScan(c.db, count.id, item.sku)
        expect(outcome).toMatchObject({ status: 'counted', line: { expected: item.onHand, counted: 1 } })
      }
    })
  }
})
