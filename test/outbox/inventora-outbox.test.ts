import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InventoraData } from '../../src/main/fakes/inventora/server'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { HostClient } from '../../src/shared/host-api/client'
import type { VendorFake } from '../contract/conformance'
import { inventoraHarness } from '../contract/inventora-harness'
import { recordCount } from '../helpers/counts'
import { connectVendor, type Connected } from '../helpers/connected'
import { crashAfterSend, drain, faultEveryOtherRequest } from './replay-helpers'

describe('Inventora outbox: no idempotency keys, so never a blind resend', () => {
  let fake: VendorFake<InventoraData>
  let db: StockroomDb
  let host: HostClient
  let cid: string

  let c: Connected<InventoraData>
  beforeEach(async () => {
    c = await connectVendor(inventoraHarness, { seed: 5, size: 400 })
    ;({ fake, db, host, cid } = c)
    await syncConnection(db, host, cid)
  })
  afterEach(() => c.close())

  const location = () => fake.server.data.locations[0]!
  const levelAt = (id: string) => fake.server.data.resource(id)!.stock[location().id] ?? 0

  it('under faults on every other request: nothing is applied twice; each unanswered write waits in review with the vendor level', async () => {
    // Products without a bill of materials, so a restock moves only their own level.
    const products = fake.server.data.products
      .all()
      .filter((p) => p.materials.length === 0)
      .slice(0, 150)
    expect(products.length).toBeGreaterThan(50)
    const before = new Map(products.map((p) => [p.id, levelAt(p.id)]))
    const countId = await recordCount(db, {
      connectionId: cid,
      locationKey: `${cid}:location:${location().name}`,
      lines: products.map((p, i) => ({
        itemKey: `${cid}:item:products/${p.id}`,
        counted: before.get(p.id)! + (i % 2 === 0 ? 3 : -2)
      }))
    })
    expect(await submitCount(db, countId)).toMatchObject({ outcome: 'queued', entries: products.length })

    faultEveryOtherRequest(fake.server.faults)
    await drain({ db, host, random: () => 0.5 }, cid)
    fake.server.faults.clear()

    const applications = new Map<string, number>()
    for (const e of fake.server.ledger) {
      if (!e.path.endsWith('/stock-level-updates')) continue
      applications.set(e.path, (applications.get(e.path) ?? 0) + 1)
    }
    expect([...applications.values()].filter((n) => n > 1)).toEqual([])

    const entries = await db.outbox.toArray()
    const done = entries.filter((e) => e.state === 'done')
    const review = entries.filter((e) => e.state === 'needs-review')
    expect(done.length + review.length).toBe(entries.length)
    expect(done.length).toBeGreaterThan(0)
    expect(review.length).toBeGreaterThan(0)
    for (const e of done) expect(applications.get(e.request!.path)).toBe(1)
    for (const e of review) {
      expect(e.review?.reason).toBe('ambiguous')
      const productId = e.lines![0]!.itemVendorId.replace('products/', '')
      // What the person sees is what the vendor holds: with or without the write, never twice.
      expect(e.review?.vendorLevels).toEqual([{ label: e.lines![0]!.label, onHand: levelAt(productId) }])
      expect([before.get(productId), before.get(productId)! + e.lines![0]!.change]).toContain(
        levelAt(productId)
      )
    }
  }, 180_000)

  it('a crash between sending and recording the answer ends in review, not in a second send', async () => {
    const [p] = fake.server.data.products.all().filter((x) => x.materials.length === 0)
    const countId = await recordCount(db, {
      connectionId: cid,
      locationKey: `${cid}:location:${location().name}`,
      lines: [{ itemKey: `${cid}:item:products/${p!.id}`, counted: levelAt(p!.id) + 4 }]
    })
    await submitCount(db, countId)
    const crashing = crashAfterSend(host)
    await expect(replayConnection({ db, host: crashing }, cid)).rejects.toThrow('renderer crashed')
    await drain({ db, host }, cid)
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'needs-review', review: { reason: 'ambiguous' }, attempts: 1 })
    expect(entry?.review?.vendorLevels?.[0]?.onHand).toBe(levelAt(p!.id))
    expect(fake.server.ledger.filter((e) => e.path.endsWith('/stock-level-updates'))).toHaveLength(1)
  })

  it('sends a delta (restock or loss), so sales booked between the count and the send survive', async () => {
    const [p] = fake.server.data.products.all().filter((x) => x.materials.length === 0)
    const at = levelAt(p!.id)
    const countId = await recordCount(db, {
      connectionId: cid,
      locationKey: `${cid}:location:${location().name}`,
      lines: [{ itemKey: `${cid}:item:products/${p!.id}`, counted: at + 5 }]
    })
    await submitCount(db, countId)
    fake.server.data.setStock(p!.id, location().name, at - 2) // two sold while the PC was offline
    await drain({ db, host }, cid)
    expect(levelAt(p!.id)).toBe(at - 2 + 5)
  })
})
