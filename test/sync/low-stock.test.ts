import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'

describe('low-stock notices', () => {
  let c: Connected<FrostbyteData>
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 3, size: 300 })
  })
  afterEach(() => c.close())

  const crossed = async () =>
    (await syncConnection(c.db, c.host, c.cid)).flatMap((p) => p.lowCrossed.map((x) => x.label))

  it('fire once per crossing of the minimum, not on every sync that still sees the item low', async () => {
    const d = c.fake.server.data
    const lowAtStart = d.products
      .all()
      .filter((p) => p.isActive && p.minStockLevel > 0 && d.totalOnHand(p.id) <= p.minStockLevel)
    expect(lowAtStart.length).toBeGreaterThan(0)
    expect((await crossed()).length).toBe(lowAtStart.length)
    expect(await crossed()).toEqual([])

    // A well-stocked product drops to its minimum in the vendor's app.
    const p = d.products
      .all()
      .find(
        (x) =>
          x.isActive &&
          !x.trackBatches &&
          !x.trackSerials &&
          x.minStockLevel > 0 &&
          d.totalOnHand(x.id) > x.minStockLevel + 5
      )!
    const wh = d.stockOf(p.id)[0]!.warehouseId
    const elsewhere = d.totalOnHand(p.id) - d.totalOnHand(p.id, wh)
    d.setStockOnHand(p.id, wh, Math.max(0, p.minStockLevel - elsewhere))
    expect(await crossed()).toEqual([`${p.sku} ${p.name}`])
    expect(await crossed()).toEqual([])

    // Restocked, then low again: a second crossing, a second notice.
    d.setStockOnHand(p.id, wh, p.minStockLevel + 50)
    expect(await crossed()).toEqual([])
    d.setStockOnHand(p.id, wh, Math.max(0, p.minStockLevel - elsewhere))
    expect(await crossed()).toEqual([`${p.sku} ${p.name}`])
  })
})
