import { afterEach, expect, it } from 'vitest'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { connectVendor, type Connected } from '../helpers/connected'
import type { VendorHarness } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'

let c: Connected<unknown> | undefined
afterEach(() => c?.close())

it('keeps the vendor payload of items, shown in their drawer, and not of stock, lots, locations or orders', async () => {
  c = await connectVendor(frostbyteHarness as VendorHarness, { seed: 5, size: 300 })
  await syncConnection(c.db, c.host, c.cid)
  const items = await c.db.items.where('connectionId').equals(c.cid).toArray()
  expect(items.length).toBeGreaterThan(0)
  expect(items.every((i) => typeof i.raw === 'object' && i.raw !== null)).toBe(true)
  for (const table of ['stock', 'lots', 'locations', 'orders'] as const) {
    const rows = (await c.db.table(table).where('connectionId').equals(c.cid).toArray()) as object[]
    expect({ table, some: rows.length > 0 }).toEqual({ table, some: true })
    expect({ table, withPayload: rows.filter((r) => 'raw' in r).length }).toEqual({ table, withPayload: 0 })
  }
})
