import { afterEach, describe, expect, it } from 'vitest'
import { forgemrpConnector } from '../../src/main/connectors/forgemrp'
import { startForgeFake, FORGE_DEMO_KEY } from '../../src/main/fakes/forgemrp/server'
import { ManualClock } from '../../src/main/fakes/common/time'
import { VendorHttp } from '../../src/main/http/vendor-http'
import { connectVendor, type Connected } from '../helpers/connected'
import { ALL_SCOPES } from '../../src/main/fakes/forgemrp/data'
import { mirrorConnections } from '../../src/renderer/src/sync/connections-mirror'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { expectReplicaEquals, type VendorHarness } from './conformance'
import { forgemrpHarness } from './forgemrp-harness'
import type { ForgeData } from '../../src/main/fakes/forgemrp/server'

/** The ForgeMRP fake, connected with a key that holds only `scopes`. */
const withScopes = (scopes: string[]): VendorHarness<ForgeData> => ({
  ...forgemrpHarness,
  async start(o) {
    const fake = await forgemrpHarness.start(o)
    return { ...fake, apiKey: fake.server.data.addKey(scopes) }
  }
})

describe('ForgeMRP: a key without a scope', () => {
  let c: Connected<ForgeData> | undefined
  afterEach(() => c?.close())

  it('names the missing scope and where to add it, while the lists it may read still come', async () => {
    c = await connectVendor(
      withScopes(['suppliers.view', 'inventory.view', 'jobs.view', 'purchase_orders.view']),
      { seed: 3, size: 250 }
    )
    const { t, cid, fake } = c
    const gateway = t.services.gateway
    await expect(
      gateway.fetchPage(cid, { resource: 'clients', phase: 'full', cursor: null })
    ).rejects.toThrow('This key lacks clients.view — add it in ForgeMRP Settings → Integrations.')
    // The key is still good for everything else: the connection is not paused.
    expect((await t.services.connections.get(cid))?.status).not.toBe('paused')
    const items = await gateway.fetchPage(cid, { resource: 'inventory_items', phase: 'full', cursor: null })
    expect(items.batch.items).toHaveLength(100)
    // Jobs come without client names, and the refused list is not asked again to label them.
    const jobs = await gateway.fetchPage(cid, { resource: 'jobs', phase: 'full', cursor: null })
    expect(jobs.batch.tasks!.length).toBeGreaterThan(0)
    expect(jobs.batch.tasks![0]!.name).toMatch(/^J-\d{5} · /)
    expect(fake.server.requests.filter((r) => r.path === '/clients')).toHaveLength(1)
  })
})

describe('ForgeMRP: pacing on the live RateLimit-* headers', () => {
  it('waits out RateLimit-Reset (seconds until the reset) instead of running into 429s', async () => {
    const clock = new ManualClock(Date.UTC(2026, 5, 1, 3, 0, 50))
    const fake = await startForgeFake({ size: 600, requestsPerMinute: 2, now: clock.now })
    try {
      const waits: number[] = []
      const http = new VendorHttp({
        baseUrl: fake.url,
        authHeaders: async () => forgemrpConnector.authHeaders!(FORGE_DEMO_KEY),
        limits: forgemrpConnector.limits,
        rateLimitHeaders: forgemrpConnector.rateLimitHeaders!,
        parseError: forgemrpConnector.parseError,
        clock: { now: () => clock.now().getTime(), sleep: async (ms) => clock.advance(ms) },
        onWait: (ms) => waits.push(ms)
      })
      const connector = forgemrpConnector.create(http, { id: 'c1' } as never)
      let cursor: unknown = null
      let pages = 0
      do {
        const page = await connector.fetchPage({ resource: 'inventory_items', phase: 'full', cursor })
        cursor = page.next
        pages++
      } while (cursor !== null)
      expect(pages).toBe(6)
      expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
      // Two requests per minute: after each pair the pacer waited for the window to reset.
      expect(waits).toEqual([10_000, 60_000])
    } finally {
      await fake.close()
    }
  })
})

describe('ForgeMRP: a sync with a key that lacks clients.view', () => {
  let c: Connected<ForgeData> | undefined
  afterEach(() => c?.close())

  it('completes every other resource, says what to add where, and asks for clients once per key', async () => {
    c = await connectVendor(
      withScopes(['suppliers.view', 'inventory.view', 'jobs.view', 'purchase_orders.view']),
      { seed: 4, size: 320 }
    )
    const { db, host, cid, fake, t } = c
    const clientRequests = () => fake.server.requests.filter((r) => r.path === '/clients').length
    const results = await syncConnection(db, host, cid)
    expect(results.map((r) => [r.resource, r.state])).toEqual([
      ['clients', 'error'],
      ['suppliers', 'done'],
      ['inventory_items', 'done'],
      ['jobs', 'done'],
      ['purchase_orders', 'done']
    ])
    const expected = fake.expected(cid)
    await expectReplicaEquals(db, cid, {
      items: expected.items!,
      stock: expected.stock!,
      locations: expected.locations!,
      orders: expected.orders!
    })
    // Jobs are there, named without the client the key may not read.
    expect(await db.tasks.where('connectionId').equals(cid).count()).toBe(fake.counts().jobs)
    const failure = (await db.checkpoints.get([cid, 'clients']))?.failure
    expect(failure?.message).toBe('This key lacks clients.view — add it in ForgeMRP Settings → Integrations.')
    expect((await t.services.connections.get(cid))?.status).toBe('ok')
    expect(clientRequests()).toBe(1)

    // The next sync does not ask again under the same key.
    const again = await syncConnection(db, host, cid)
    expect(again.find((r) => r.resource === 'clients')?.state).toBe('skipped')
    expect(clientRequests()).toBe(1)

    // A key with the scope added: clients are read and jobs carry their names.
    await t.services.connections.setSecret(cid, fake.server.data.addKey([...ALL_SCOPES]))
    await mirrorConnections(db, await t.services.connections.list())
    const healed = await syncConnection(db, host, cid)
    expect(healed.every((r) => r.state === 'done')).toBe(true)
    await expectReplicaEquals(db, cid, fake.expected(cid))
  })
})

describe('ForgeMRP: a pass resumed by a fresh process', () => {
  let c: Connected<ForgeData> | undefined
  afterEach(() => c?.close())

  it('reads the client names it has not seen yet before labelling jobs', async () => {
    c = await connectVendor(forgemrpHarness, { seed: 6, size: 2_000 })
    const { t, cid, fake } = c
    const first = await t.services.gateway.fetchPage(cid, { resource: 'jobs', phase: 'full', cursor: null })
    // A new connector, as after a restart, continuing the jobs pass from its second page.
    t.services.gateway.forget(cid)
    const second = await t.services.gateway.fetchPage(cid, {
      resource: 'jobs',
      phase: 'full',
      cursor: first.next as never
    })
    const expected = fake.expected(cid).tasks!
    for (const task of [...first.batch.tasks!, ...second.batch.tasks!])
      expect(task.name).toBe(expected.get(task.key)?.name)
    // Each connector read the clients once, whole: ceil(clients / 100) requests each time.
    const perPass = Math.ceil(fake.counts().clients! / 100)
    expect(fake.server.requests.filter((r) => r.path === '/clients')).toHaveLength(2 * perPass)
  })
})
