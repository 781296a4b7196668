import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bucketShape, siteBudget } from '../../src/main/site/budget-bucket'
import type { ConnectionInfo } from '../../src/shared/host-api/connections'
import { createTestServices, type TestServices } from '../helpers/main-services'
import { createSiteDb, siteServerReachable, type TestSiteDb } from '../helpers/site-db'

const server = await siteServerReachable()

const limit = { requests: 120, perMs: 60_000 }
const account = (id: string) =>
  ({ id, vendor: 'frostbyte', baseUrl: 'http://127.0.0.1:9/api' }) as unknown as ConnectionInfo

/** One account's budget, taken by two PCs from one bucket in a real PostgreSQL. */
describe.skipIf(!server.ok)('the site’s budget bucket for a vendor account', () => {
  let site: TestSiteDb
  let pcs: TestServices[]
  beforeEach(async () => {
    site = await createSiteDb()
    pcs = []
    for (const name of ['PC-1', 'PC-2']) {
      const t = await createTestServices(undefined, { pcName: name, site: { retryMs: 100 } })
      await t.services.site.configure(site.url)
      pcs.push(t)
    }
  })
  afterEach(async () => {
    for (const t of pcs) await t.cleanup()
    await site.drop()
  })

  it('two PCs with the same key share one bucket: its burst, then waits; the headers lower it; no site, no bucket', async () => {
    // Two connections (ids differ per PC) to one account: the same key makes one bucket.
    const [b1, b2] = pcs.map((t, i) => siteBudget(t.services.site, account(`c${i}`), async () => 'fb_key_1'))
    const { capacity, perSecond } = bucketShape(limit)
    expect(capacity).toBe(12)
    expect(perSecond).toBeCloseTo(1.8)
    // Twelve at once from both PCs: the burst, each token to one of them.
    const started = Date.now()
    const taken = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? b1! : b2!).take(limit)))
    expect(taken).toEqual(new Array(12).fill(0))
    // Then no more than the refill gives (1.8 a second, however slow this PC is), and a wait of at most one refill.
    let more = 0
    let wait = 0
    while (wait === 0 && more < 50) {
      wait = (await (more % 2 ? b1! : b2!).take(limit))!
      if (wait === 0) more++
    }
    expect(more).toBeLessThanOrEqual(Math.ceil(((Date.now() - started) / 1000) * perSecond))
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(Math.ceil(1000 / perSecond))
    const rows = await site.query<{ account: string }>('SELECT account FROM site_budget')
    expect(rows).toHaveLength(1)
    // The key is not in the site database, only a hash of vendor, address and key.
    expect(rows[0]!.account).toMatch(/^[0-9a-f]{40}$/)
    expect(JSON.stringify(await site.query('SELECT * FROM site_budget'))).not.toContain('fb_key_1')

    // Another key is another account, with a bucket of its own.
    const other = siteBudget(pcs[0]!.services.site, account('c9'), async () => 'fb_key_2')
    expect(await other.take(limit)).toBe(0)

    // Without the site database, there is no bucket: the pacer keeps to its fair share.
    await site.cutOff()
    await expect.poll(() => b2!.take(limit)).toBeUndefined()
  })

  it('the live headers lower the bucket to what the vendor says is left', async () => {
    // A slow refill (100 an hour), so that what the headers say is not refilled while the test runs.
    const hourly = { requests: 100, perMs: 3_600_000 }
    const b = siteBudget(pcs[0]!.services.site, account('c1'), async () => 'fb_key_1')
    expect(await b.take(hourly)).toBe(0)
    b.refill(0, Date.now() + 30_000, hourly)
    await expect
      .poll(async () => (await site.query<{ tokens: number }>('SELECT tokens FROM site_budget'))[0]?.tokens)
      .toBeLessThan(1)
    expect(await b.take(hourly)).toBeGreaterThan(10_000)
  })
})
