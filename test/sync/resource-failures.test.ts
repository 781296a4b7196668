import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { mirrorConnections } from '../../src/renderer/src/sync/connections-mirror'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { expectReplicaEquals } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { recordCount } from '../helpers/counts'

const gets = (c: Connected<FrostbyteData>, path: string) =>
  c.fake.server.requests.filter((r) => r.method === 'GET' && r.path === path).length

describe('a vendor that refuses one resource and does not serve another', () => {
  let c: Connected<FrostbyteData>
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 11, size: 300 })
  })
  afterEach(() => c.close())

  it('syncs the rest, names each failed endpoint with what to do, and still sends a queued write', async () => {
    const { db, host, cid, fake, t } = c
    await syncConnection(db, host, cid)

    // A count queued while everything worked.
    const stocked = (await db.stock.where('connectionId').equals(cid).toArray()).find((s) => s.onHand > 3)!
    const countId = await recordCount(db, {
      connectionId: cid,
      locationKey: stocked.locationKey,
      lines: [{ itemKey: stocked.itemKey, counted: stocked.onHand - 2 }]
    })
    expect((await submitCount(db, countId)).outcome).toBe('queued')

    // Now the vendor stops serving batches and refuses the key on warehouses (the old probe endpoint).
    const notFound = fake.server.faults.add({
      kind: 'status',
      status: 404,
      message: 'Not found.',
      match: (r) => r.method === 'GET' && r.path === '/batches'
    })
    const forbidden = fake.server.faults.add({
      kind: 'status',
      status: 403,
      message: 'Insufficient scope: warehouses.read',
      match: (r) => r.method === 'GET' && r.path === '/warehouses'
    })
    fake.mutate()
    const results = await syncConnection(db, host, cid, { forceFull: true })

    expect(results.map((r) => [r.resource, r.state])).toEqual([
      ['warehouses', 'error'],
      ['products', 'done'],
      ['batches', 'error'],
      ['stock-on-hand', 'done'],
      ['purchase-orders', 'done'],
      ['shipments', 'done']
    ])
    const expected = fake.expected(cid)
    await expectReplicaEquals(db, cid, { items: expected.items!, stock: expected.stock! })

    const failures = Object.fromEntries(
      (await db.checkpoints.where('connectionId').equals(cid).toArray())
        .filter((cp) => cp.failure)
        .map((cp) => [cp.resource, cp.failure!])
    )
    expect(Object.keys(failures).sort()).toEqual(['batches', 'warehouses'])
    expect(failures.batches).toMatchObject({ kind: 'not-found', status: 404, endpoint: 'GET /batches' })
    expect(failures.batches!.message).toBe(
      'Frostbyte Pro does not serve GET /batches (HTTP 404: Not found.). Ask Frostbyte Pro whether your account includes it.'
    )
    expect(failures.warehouses).toMatchObject({ kind: 'forbidden', status: 403, endpoint: 'GET /warehouses' })
    expect(failures.warehouses!.message).toMatch(
      /not allowed to use GET \/warehouses \(HTTP 403: Insufficient scope: warehouses.read\)\. Ask an admin/
    )
    expect((await t.services.connections.get(cid))?.status).toBe('ok') // not paused: the key works elsewhere

    // The outbox does not hang on the endpoint that fails: the vendor answered, so it is reachable.
    const probe = await host.call('outbox:probe', { connectionId: cid })
    expect(probe.ok && probe.value.reachable).toBe(true)
    await replayConnection({ db, host }, cid)
    expect(fake.server.ledger.filter((l) => l.path === '/stock-adjustments')).toHaveLength(1)
    expect(await db.outbox.where('state').equals('done').count()).toBe(1)

    // The refused resource is asked once per key; the one not served is tried again next time.
    const [warehousesBefore, batchesBefore] = [gets(c, '/warehouses'), gets(c, '/batches')]
    const again = await syncConnection(db, host, cid)
    expect(again.find((r) => r.resource === 'warehouses')?.state).toBe('skipped')
    expect(gets(c, '/warehouses')).toBe(warehousesBefore)
    expect(gets(c, '/batches')).toBeGreaterThan(batchesBefore)

    // A new key: asked again, and once the vendor serves both, the failures clear.
    forbidden.remove()
    notFound.remove()
    await t.services.connections.setSecret(cid, fake.apiKey)
    await mirrorConnections(db, await t.services.connections.list())
    const healed = await syncConnection(db, host, cid)
    expect(healed.every((r) => r.state === 'done')).toBe(true)
    expect(gets(c, '/warehouses')).toBeGreaterThan(warehousesBefore)
    expect((await db.checkpoints.where('connectionId').equals(cid).toArray()).some((cp) => cp.failure)).toBe(
      false
    )
    await expectReplicaEquals(db, cid, fake.expected(cid))
  })
})
