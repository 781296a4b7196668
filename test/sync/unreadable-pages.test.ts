import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { expectReplicaEquals } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'

/**
 * A vendor (or a proxy in front of it) now and then answers 200 with an HTML
 * page or JSON cut short. Such a page is read again with backoff, and the wait
 * says what happened and that it retries; only a page that stays unreadable
 * gives the resource up, and the others sync regardless.
 */
describe('pages the vendor answers unreadably', () => {
  let c: Connected<FrostbyteData>
  const waits: { ms: number; reason: string; message?: string }[] = []
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 3, size: 600 })
    waits.length = 0
    c.host.on('sync:wait', (w) => waits.push(w))
  })
  afterEach(() => c.close())

  const onProducts = (r: { method: string; path: string }) => r.method === 'GET' && r.path === '/products'

  it('retries an HTML page and a truncated page, then completes the replica', async () => {
    const html = c.fake.server.faults.add({
      kind: 'unreadable-body',
      as: 'html',
      times: 1,
      match: onProducts
    })
    const cut = c.fake.server.faults.add({
      kind: 'unreadable-body',
      as: 'truncated-json',
      times: 1,
      every: 2,
      match: onProducts
    })
    const results = await syncConnection(c.db, c.host, c.cid)
    expect(html.fired).toBe(1)
    expect(cut.fired).toBe(1)
    expect(results.map((r) => [r.resource, r.state])).toEqual([
      ['warehouses', 'done'],
      ['products', 'done'],
      ['batches', 'done'],
      ['stock-on-hand', 'done'],
      ['purchase-orders', 'done'],
      ['shipments', 'done']
    ])
    await expectReplicaEquals(c.db, c.cid, c.fake.expected(c.cid))
    const retries = waits.filter((w) => w.reason === 'retry')
    expect(retries).toHaveLength(2)
    for (const w of retries) {
      expect(w.ms).toBeGreaterThan(0)
      expect(w.message).toMatch(/Frostbyte Pro sent an answer Stockroom could not read from GET \/products/)
    }
  })

  it('gives a page that stays unreadable up after its retries, says so, and syncs the rest', async () => {
    c.fake.server.faults.add({ kind: 'unreadable-body', as: 'html', match: onProducts })
    const results = await syncConnection(c.db, c.host, c.cid)
    expect(results.map((r) => [r.resource, r.state])).toEqual([
      ['warehouses', 'done'],
      ['products', 'error'],
      ['batches', 'done'],
      ['stock-on-hand', 'done'],
      ['purchase-orders', 'done'],
      ['shipments', 'done']
    ])
    const products = results.find((r) => r.resource === 'products')!
    expect(products.message).toMatch(/could not read from GET \/products/)
    expect(products.message).toMatch(/tried \d+ times/)
    expect(waits.filter((w) => w.reason === 'retry').length).toBeGreaterThanOrEqual(2)
  })
})
