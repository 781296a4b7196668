import { afterEach, expect, it } from 'vitest'
import { holdFloor } from '../../src/renderer/src/db/floor'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { connectVendor, type Connected } from '../helpers/connected'
import type { VendorHarness } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'

let c: Connected<unknown> | undefined
afterEach(() => c?.close())

it('a sync finishes while people hold the floor the whole time: slower, never stopped', async () => {
  c = await connectVendor(frostbyteHarness as VendorHarness, { seed: 3, size: 40 })
  const release = holdFloor() // scans without a pause, from before the sync starts to after it ends
  try {
    const t0 = performance.now()
    await syncConnection(c.db, c.host, c.cid)
    const seconds = (performance.now() - t0) / 1000
    const items = await c.db.items.where('connectionId').equals(c.cid).count()
    expect(items).toBeGreaterThan(0)
    console.log(`sync under a floor held throughout: ${items} items in ${seconds.toFixed(1)} s`)
  } finally {
    release()
  }
}, 120_000)
