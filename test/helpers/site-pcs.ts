import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { VendorFake } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { createSiteDb, type TestSiteDb } from './site-db'
import { openReplica, type StockroomDb } from '../../src/renderer/src/db/db'
import { followSite, type SiteFollower } from '../../src/renderer/src/site/follow'
import type { HostClient } from '../../src/shared/host-api/client'
import type { SiteStatus } from '../../src/shared/host-api/site'
import { createTestServices, instantClock, type TestServices } from './main-services'
import { inProcessHost } from './replica'

export interface SitePc {
  name: string
  t: TestServices
  db: StockroomDb
  host: HostClient
  cid: string
  follower: SiteFollower
  /** The site status as the renderer last heard it. */
  status(): SiteStatus | undefined
  close(): Promise<void>
}

/**
 * One warehouse PC: its own main services (named `name`), its own replica opened as the
 * app opens it (journaled to main, so what it records is shared through main), a
 * connection to the vendor, and the renderer's site follower. With `site`, the
 * connection string is set as a person sets it in Settings.
 */
export async function sitePc(
  name: string,
  vendor: { vendor: 'frostbyte'; url: string; apiKey: string },
  site?: string
): Promise<SitePc> {
  const t = await createTestServices(
    { random: () => 0.05, maxAttempts: 10, clock: instantClock() },
    { pcName: name, site: { retryMs: 100 } }
  )
  const host = inProcessHost(t.services)
  const db = await openReplica(host, `site-pc-${name}-${randomUUID()}`)
  const created = await t.services.connections.create({
    vendor: vendor.vendor,
    label: 'Main warehouse',
    baseUrl: vendor.url,
    apiKey: vendor.apiKey
  })
  await db.connections.put({ ...created } as never)
  if (site !== undefined) {
    const r = await host.call('site:configure', { connectionString: site })
    if (!r.ok || r.value.state !== 'connected') throw new Error(`${name} could not reach the site database`)
  }
  let status: SiteStatus | undefined
  const follower = followSite(db, host, (s) => (status = s))
  return {
    name,
    t,
    db,
    host,
    cid: created.id,
    follower,
    status: () => status,
    async close() {
      follower.stop()
      db.close()
      await t.cleanup()
    }
  }
}

export interface TwoSitePcs {
  fake: VendorFake<FrostbyteData>
  site: TestSiteDb
  pc1: SitePc
  pc2: SitePc
}

/**
 * For each test: a Frostbyte fake, a site database of the test's own, and two PCs on
 * both, synced (PC 2 names the vendor's address with `pc2Url`, default the same).
 */
export function useTwoSitePcs(o: {
  seed: number
  size: number
  pc2Url?: (url: string) => string
}): TwoSitePcs {
  const s = {} as TwoSitePcs
  beforeEach(async () => {
    s.fake = await frostbyteHarness.start({ seed: o.seed, size: o.size })
    s.site = await createSiteDb()
    const vendor = { vendor: 'frostbyte' as const, url: s.fake.url, apiKey: s.fake.apiKey }
    s.pc1 = await sitePc('PC-1', vendor, s.site.url)
    s.pc2 = await sitePc('PC-2', { ...vendor, url: o.pc2Url?.(s.fake.url) ?? s.fake.url }, s.site.url)
    await Promise.all([
      syncConnection(s.pc1.db, s.pc1.host, s.pc1.cid),
      syncConnection(s.pc2.db, s.pc2.host, s.pc2.cid)
    ])
  })
  afterEach(async () => {
    // Each is closed, and the test's database dropped, even when closing another failed.
    const closed = await Promise.allSettled([s.pc1?.close(), s.pc2?.close()])
    await Promise.allSettled([s.site?.drop(), s.fake?.close()])
    for (const c of closed) if (c.status === 'rejected') throw c.reason
  })
  return s
}
