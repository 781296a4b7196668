import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { matchers } from '../../src/main/fakes/common/faults'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { HostClient } from '../../src/shared/host-api/client'
import { expectReplicaEquals, type VendorFake } from '../contract/conformance'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { recordCount } from '../helpers/counts'
import { connectVendor, type Connected } from '../helpers/connected'
import { crashAfterSend, drain, faultEveryOtherRequest } from './replay-helpers'

/** Every stock-adjustment line the fake applied, by product × warehouse. */
function appliedLines(fake: VendorFake<FrostbyteData>) {
  const lines = new Map<string, number[]>()
  for (const entry of fake.server.ledger) {
    if (entry.method !== 'POST' || entry.path !== '/stock-adjustments') continue
    for (const l of (
      entry.body as { lines: { productId: string; warehouseId: string; quantityChange: number }[] }
    ).lines) {
      const key = `${l.productId}|${l.warehouseId}`
      lines.set(key, [...(lines.get(key) ?? []), l.quantityChange])
    }
  }
  return lines
}

describe('Frostbyte outbox: count variances applied exactly once', () => {
  let fake: VendorFake<FrostbyteData>
  let db: StockroomDb
  let host: HostClient
  let cid: string
  let warehouseKey: string
  let warehouseId: string

  let c: Connected<FrostbyteData>
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 21, size: 2_000 })
    ;({ fake, db, host, cid } = c)
    await syncConnection(db, host, cid)
    warehouseId = fake.server.data.warehouses[0]!.id
    warehouseKey = `${cid}:location:wh/${warehouseId}`
  })
  afterEach(() => c.close())

  /** Products a count can adjust without naming a batch or serials. */
  const plainProducts = () =>
    fake.server.data.products.all().filter((p) => p.isActive && !p.trackBatches && !p.trackSerials)

  it('1,000 count lines under faults on every other request: 0 duplicates, 0 lost, replica equals vendor', async () => {
    const products = plainProducts().slice(0, 1_000)
    expect(products).toHaveLength(1_000)
    const intended = new Map<string, number>()
    const lines = products.map((p, i) => {
      const change = (i % 7) + 1
      intended.set(`${p.id}|${warehouseId}`, change)
      return {
        itemKey: `${cid}:item:${p.id}`,
        counted: fake.server.data.totalOnHand(p.id, warehouseId) + change
      }
    })
    const countId = await recordCount(db, { connectionId: cid, locationKey: warehouseKey, lines })
    const submitted = await submitCount(db, countId)
    expect(submitted).toMatchObject({ outcome: 'queued', entries: 20, variances: 1_000 })
    expect(await db.overlays.count()).toBe(1_000)

    faultEveryOtherRequest(fake.server.faults)
    await drain({ db, host, random: () => 0.5 }, cid)
    fake.server.faults.clear()

    const applied = appliedLines(fake)
    const duplicates = [...applied.values()].filter((changes) => changes.length > 1).length
    const lost = [...intended.keys()].filter((k) => !applied.has(k)).length
    expect({ duplicates, lost, applied: applied.size }).toEqual({ duplicates: 0, lost: 0, applied: 1_000 })
    for (const [key, change] of intended) expect(applied.get(key)).toEqual([change])
    expect(fake.server.requests.some((r) => r.replayed)).toBe(true) // some commits were confirmed only by replay

    const entries = await db.outbox.toArray()
    expect(entries.every((e) => e.state === 'done')).toBe(true)
    expect(await db.overlays.count()).toBe(0)
    await syncConnection(db, host, cid)
    await expectReplicaEquals(db, cid, fake.expected(cid))
  })

  it('a crash between sending and recording the answer: the retry is replayed, not re-applied', async () => {
    const [p] = plainProducts()
    const countId = await recordCount(db, {
      connectionId: cid,
      locationKey: warehouseKey,
      lines: [
        { itemKey: `${cid}:item:${p!.id}`, counted: fake.server.data.totalOnHand(p!.id, warehouseId) + 3 }
      ]
    })
    await submitCount(db, countId)
    // The renderer dies after the vendor committed, before the answer is written to IndexedDB.
    const crashing = crashAfterSend(host)
    await expect(replayConnection({ db, host: crashing }, cid)).rejects.toThrow('renderer crashed')
    expect((await db.outbox.toArray())[0]?.state).toBe('sending')
    expect(fake.server.ledger).toHaveLength(1)

    await drain({ db, host }, cid)
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'done', replayed: true, attempts: 2 })
    expect(fake.server.ledger).toHaveLength(1)
    const sends = fake.server.requests.filter((r) => r.method === 'POST')
    expect(sends.map((r) => r.idempotencyKey)).toEqual([entry!.idempotencyKey, entry!.idempotencyKey])
  })

  it('a retry sends byte-identical bodies with the same key; a changed body would be refused', async () => {
    const [p] = plainProducts()
    const countId = await recordCount(db, {
      connectionId: cid,
      locationKey: warehouseKey,
      lines: [
        { itemKey: `${cid}:item:${p!.id}`, counted: fake.server.data.totalOnHand(p!.id, warehouseId) + 2 }
      ]
    })
    await submitCount(db, countId)
    const bodies: string[] = []
    const recording: HostClient = {
      on: host.on,
      call: (async (name: string, req: unknown) => {
        if (name === 'outbox:send') bodies.push((req as { request: { body: string } }).request.body)
        return host.call(name as never, req as never)
      }) as HostClient['call']
    }
    fake.server.faults.add({ kind: 'drop-after-commit', times: 2, match: matchers.isWrite })
    await drain({ db, host: recording }, cid)
    expect(bodies).toHaveLength(3)
    expect(new Set(bodies).size).toBe(1)
    expect(fake.server.ledger).toHaveLength(1)
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'done', replayed: true })

    // The control: the same key with re-serialised JSON is a different request to Frostbyte.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(bodies[0]!)).reverse()))
    expect(reordered).not.toBe(bodies[0])
    const reply = await host.call('outbox:send', {
      connectionId: cid,
      idempotencyKey: entry!.idempotencyKey,
      request: { ...entry!.request!, body: reordered }
    })
    expect(reply).toMatchObject({
      ok: true,
      value: { outcome: 'failed', error: { status: 422, code: 'idempotency_key_reuse' } }
    })
    expect(fake.server.ledger).toHaveLength(1)
  })

  it('a vendor 422 goes to needs-review with its message and field details, and the overlay is reverted', async () => {
    const batchTracked = fake.server.data.products.all().find((p) => p.isActive && p.trackBatches)!
    const countId = await recordCount(db, {
      connectionId: cid,
      locationKey: warehouseKey,
      lines: [{ itemKey: `${cid}:item:${batchTracked.id}`, counted: 999 }]
    })
    await submitCount(db, countId)
    expect(await db.overlays.count()).toBe(1)
    await drain({ db, host }, cid)
    const [entry] = await db.outbox.toArray()
    expect(entry?.state).toBe('needs-review')
    expect(entry?.lastError).toMatch(/rejected this write: .*batch/i)
    expect(entry?.review?.reason).toBe('rejected')
    expect(await db.overlays.count()).toBe(0)
    expect(fake.server.ledger).toHaveLength(0)
  })
})
