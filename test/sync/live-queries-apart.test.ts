import { liveQuery } from 'dexie'
import { afterEach, expect, it } from 'vitest'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { connectVendor, type Connected } from '../helpers/connected'
import type { VendorHarness } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'

const open: Connected<unknown>[] = []
afterEach(async () => {
  for (const c of open.splice(0)) await c.close()
})

/** Resolves once every live query has had its turn: no new run for a while. */
const settle = () => new Promise((r) => setTimeout(r, 300))

it("a second connection's first sync does not make the count screen's stock query read again", async () => {
  const a = await connectVendor(frostbyteHarness as VendorHarness, { seed: 3, size: 40 })
  open.push(a)
  await syncConnection(a.db, a.host, a.cid)
  const b = await connectVendor(frostbyteHarness as VendorHarness, { seed: 4, size: 300, db: a.db })
  open.push(b)
  const db = a.db
  const [here] = await db.stock.where('connectionId').equals(a.cid).limit(1).toArray()
  expect(here).toBeDefined()

  // As the count screen reads a location: its stock, then those items (use-count-data.ts).
  let runs = 0
  const subscription = liveQuery(async () => {
    runs++
    const stock = await db.stock.where('locationKey').equals(here!.locationKey).toArray()
    return db.items.bulkGet([...new Set(stock.map((s) => s.itemKey))])
  }).subscribe(() => undefined)
  try {
    await settle()
    const before = runs
    await syncConnection(db, b.host, b.cid)
    const items = await db.items.where('connectionId').equals(b.cid).count()
    await settle()
    console.log(
      `count screen's stock query: read again ${runs - before} times while another connection synced ${items} items`
    )
    expect(items).toBeGreaterThan(200)
    expect(runs - before).toBe(0)

    // It still follows its own location: a change there reads it again.
    await db.stock.put({ ...here!, onHand: here!.onHand + 1 })
    await expect.poll(() => runs - before, { timeout: 10_000 }).toBeGreaterThan(0)
  } finally {
    subscription.unsubscribe()
  }
}, 120_000)
