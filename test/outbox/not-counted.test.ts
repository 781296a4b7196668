import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { addToCount } from '../../src/renderer/src/count/lines'
import { chooseNotCounted, notCounted } from '../../src/renderer/src/count/not-counted'
import { setCountState, startCount } from '../../src/renderer/src/count/sessions'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { drain } from './replay-helpers'

/** Stock-adjustment lines the fake applied: product, warehouse, change. */
function applied(c: Connected<FrostbyteData>) {
  return c.fake.server.ledger
    .filter((e) => e.method === 'POST' && e.path === '/stock-adjustments')
    .flatMap(
      (e) => (e.body as { lines: { productId: string; warehouseId: string; quantityChange: number }[] }).lines
    )
}

describe('items not counted: "set to zero" goes through the outbox', () => {
  let c: Connected<FrostbyteData>
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 31, size: 300 })
    await syncConnection(c.db, c.host, c.cid)
  })
  afterEach(() => c.close())

  it('sends exactly the variance of the one item set to zero, and nothing for items left as they are', async () => {
    const { db, cid, fake } = c
    const warehouseId = fake.server.data.warehouses[0]!.id
    const warehouseKey = `${cid}:location:wh/${warehouseId}`
    const plain = fake.server.data.products
      .all()
      .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials)
      .filter((p) => fake.server.data.totalOnHand(p.id, warehouseId) > 0)
    const [scanned, gone] = plain
    if (!scanned || !gone) throw new Error('no two plain products stocked in the first warehouse')

    const session = await startCount(db, { connectionId: cid, locationKey: warehouseKey, blind: false })
    const onHand = fake.server.data.totalOnHand(scanned.id, warehouseId)
    await addToCount(db, session.id, { itemKey: `${cid}:item:${scanned.id}`, quantity: onHand + 2 })
    await setCountState(db, session.id, 'review')

    const rows = await notCounted(db, session.id)
    const stocked = await db.stock.where('locationKey').equals(warehouseKey).toArray()
    const stockedItems = new Set(stocked.filter((s) => s.onHand !== 0).map((s) => s.itemKey))
    // Every stocked item but the one scanned is listed, each left as is by default.
    expect(new Set(rows.map((r) => r.itemKey))).toEqual(
      new Set([...stockedItems].filter((k) => k !== `${cid}:item:${scanned.id}`))
    )
    expect(rows.every((r) => r.choice === 'leave')).toBe(true)

    const row = rows.find((r) => r.itemKey === `${cid}:item:${gone.id}`)!
    await chooseNotCounted(db, session.id, row, 'zero')
    expect((await notCounted(db, session.id)).find((r) => r.id === row.id)?.choice).toBe('zero')

    expect(await submitCount(db, session.id)).toMatchObject({ outcome: 'queued', variances: 2 })
    await drain({ db, host: c.host, random: () => 0.5 }, cid)

    const goneOnHand = fake.server.data.totalOnHand(gone.id, warehouseId)
    expect(goneOnHand).toBe(0)
    expect(
      applied(c)
        .map((l) => ({ productId: l.productId, change: l.quantityChange }))
        .sort((a, b) => a.productId.localeCompare(b.productId))
    ).toEqual(
      [
        { productId: scanned.id, change: 2 },
        { productId: gone.id, change: -row.onHand }
      ].sort((a, b) => a.productId.localeCompare(b.productId))
    )
  })
})
