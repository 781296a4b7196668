import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { recordCount } from '../helpers/counts'
import { connectVendor, type Connected } from '../helpers/connected'
import { freshDb } from '../helpers/replica'

describe('submitting a count', () => {
  it('to a vendor whose API cannot write stock: exported as CSV with the reason, nothing queued', async () => {
    const db = freshDb()
    await db.connections.put({
      id: 'fig',
      vendor: 'figgro',
      label: 'Plant',
      baseUrl: 'https://x',
      capabilities: ['read'],
      status: 'ok',
      demo: false
    })
    await db.locations.put({
      key: 'fig:location:L1',
      connectionId: 'fig',
      vendorId: 'L1',
      resource: 'locations',
      raw: {},
      name: 'Line 1',
      kind: 'location'
    })
    await db.items.put({
      key: 'fig:item:P1',
      connectionId: 'fig',
      vendorId: 'P1',
      resource: 'parts',
      raw: {},
      sku: 'P-1',
      name: 'Gasket',
      codes: ['P-1'],
      words: ['gasket'],
      tracking: 'none'
    })
    const countId = await recordCount(db, {
      connectionId: 'fig',
      locationKey: 'fig:location:L1',
      lines: [{ itemKey: 'fig:item:P1', counted: 4 }]
    })
    const result = await submitCount(db, countId)
    expect(result.outcome).toBe('exported')
    expect(result.csv?.reason).toMatch(/Figgro's API cannot change stock levels/)
    // The count sheet is an Outbox entry made with the count's close: a row per record, keyed in by a person.
    expect(result.csv?.text).toContain('"P1","P-1","Gasket","","","L1","Line 1","",0,4,4,"This PC",')
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'to-key-in', sheet: { rows: 1, csv: result.csv?.text, countId } })
    expect(entry?.request).toBeUndefined()
    const logged = await db.activity.toArray()
    expect(logged.at(-1)).toMatchObject({ link: { kind: 'write', entryId: entry!.id } })
    expect((await db.counts.get(countId))?.state).toBe('submitted')
    await expect(submitCount(db, countId)).rejects.toThrow(/already submitted/)
    db.close()
  })
})

describe('a refused key while replaying', () => {
  let c: Connected<FrostbyteData>
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 9, size: 100 })
    await syncConnection(c.db, c.host, c.cid)
  })
  afterEach(() => c.close())

  it('pauses the connection and keeps the write queued, unchanged, until a new key is entered', async () => {
    const d = c.fake.server.data
    const p = d.products.all().find((x) => x.isActive && !x.trackBatches && !x.trackSerials)!
    const wh = d.warehouses[0]!.id
    const countId = await recordCount(c.db, {
      connectionId: c.cid,
      locationKey: `${c.cid}:location:wh/${wh}`,
      lines: [{ itemKey: `${c.cid}:item:${p.id}`, counted: d.totalOnHand(p.id, wh) + 1 }]
    })
    await submitCount(c.db, countId)
    const [queued] = await c.db.outbox.toArray()
    d.apiKeys.delete(c.fake.apiKey) // revoked in the vendor's settings

    const stop = await replayConnection({ db: c.db, host: c.host }, c.cid)
    expect(stop).toMatchObject({
      state: 'paused',
      message: expect.stringMatching(/refused the key.*Connections/)
    })
    expect((await c.t.services.connections.get(c.cid))?.status).toBe('paused')
    const [waiting] = await c.db.outbox.toArray()
    expect(waiting).toMatchObject({
      state: 'pending',
      idempotencyKey: queued!.idempotencyKey,
      request: queued!.request
    })
    expect(c.fake.server.ledger).toHaveLength(0)

    d.apiKeys.set('fbk_new', { scopes: ['read', 'write'], org: 'org_demo' })
    await c.t.services.connections.setSecret(c.cid, 'fbk_new')
    c.t.services.gateway.forget(c.cid)
    expect(await replayConnection({ db: c.db, host: c.host }, c.cid)).toEqual({ state: 'drained' })
    expect(c.fake.server.ledger).toHaveLength(1)
  })
})

describe('two counts of the same item at the same place', () => {
  let c: Connected<FrostbyteData>
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 12, size: 100 })
    await syncConnection(c.db, c.host, c.cid)
  })
  afterEach(() => c.close())

  const setup = () => {
    const d = c.fake.server.data
    const [p, q] = d.products.all().filter((x) => x.isActive && !x.trackBatches && !x.trackSerials)
    const wh = d.warehouses[0]!.id
    const line = (id: string, delta: number) => ({
      itemKey: `${c.cid}:item:${id}`,
      counted: d.totalOnHand(id, wh) + delta
    })
    return { d, p: p!, q: q!, wh, at: `${c.cid}:location:wh/${wh}`, line }
  }

  it('a recount made before the first one left the PC replaces its line: the vendor gets one correction', async () => {
    const { d, p, q, wh, at, line } = setup()
    const before = d.totalOnHand(p.id, wh)
    await submitCount(
      c.db,
      await recordCount(c.db, { connectionId: c.cid, locationKey: at, lines: [line(p.id, 5), line(q.id, 1)] })
    )
    await submitCount(
      c.db,
      await recordCount(c.db, { connectionId: c.cid, locationKey: at, lines: [line(p.id, 5)] })
    )
    expect(await replayConnection({ db: c.db, host: c.host }, c.cid)).toEqual({ state: 'drained' })
    expect(d.totalOnHand(p.id, wh)).toBe(before + 5)
    expect(c.fake.server.ledger).toHaveLength(2) // q's line from the first count, p's from the second
  })

  it('a recount while the first may already have reached the vendor is held for review, never sent twice', async () => {
    const { d, p, wh, at, line } = setup()
    const before = d.totalOnHand(p.id, wh)
    await submitCount(
      c.db,
      await recordCount(c.db, { connectionId: c.cid, locationKey: at, lines: [line(p.id, 4)] })
    )
    const [first] = await c.db.outbox.toArray()
    await c.db.outbox.update(first!.seq!, { attempts: 1 }) // sent once, its answer lost
    await submitCount(
      c.db,
      await recordCount(c.db, { connectionId: c.cid, locationKey: at, lines: [line(p.id, 4)] })
    )
    const second = (await c.db.outbox.toArray())[1]
    expect(second).toMatchObject({ state: 'needs-review', review: { reason: 'overtaken' } })
    await replayConnection({ db: c.db, host: c.host }, c.cid)
    expect(d.totalOnHand(p.id, wh)).toBe(before + 4)
  })
})
