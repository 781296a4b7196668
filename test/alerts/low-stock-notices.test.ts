import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { pruneOrphanAlerts } from '../../src/renderer/src/alerts/announce-low-stock'
import { setMuted } from '../../src/renderer/src/alerts/mutes'
import { mirrorConnections } from '../../src/renderer/src/sync/connections-mirror'
import { startSyncScheduler, type SyncScheduler } from '../../src/renderer/src/sync/scheduler'
import { syncStoreReporter } from '../../src/renderer/src/stores/sync'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { inventoraHarness } from '../contract/inventora-harness'
import { connectVendor, type Connected } from '../helpers/connected'

/**
 * From the vendor to the notifier: the fake's stock changes, the app's own
 * scheduler syncs, and what reaches the web host's notifier is counted there.
 */
describe('low-stock notices reach the notifier', () => {
  let c: Connected<FrostbyteData>
  let scheduler: SyncScheduler
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 11, size: 400 })
    scheduler = startSyncScheduler(c.db, c.host, syncStoreReporter, { intervalMs: 3_600_000 }) // its first run starts at once
    await scheduler.syncAll()
  })
  afterEach(async () => {
    await scheduler.stop()
    await c.close()
  })

  const notices = async () => {
    const reply = await c.host.call('notices:list', {})
    if (!reply.ok) throw new Error(reply.error.message)
    return reply.value
  }
  const sync = () => scheduler.syncAll()
  const d = () => c.fake.server.data
  /** Active products well above their minimum, whose stock one write can set. */
  const wellStocked = () =>
    d()
      .products.all()
      .filter(
        (p) =>
          p.isActive &&
          !p.trackBatches &&
          !p.trackSerials &&
          p.minStockLevel > 0 &&
          d().stockOf(p.id).length > 0 &&
          d().totalOnHand(p.id) > p.minStockLevel + 5
      )
  /** Stock drops to the minimum in the vendor's own app. */
  const lower = (p: { id: string; minStockLevel: number }) => {
    const [first, ...others] = [
      ...new Set(
        d()
          .stockOf(p.id)
          .map((s) => s.warehouseId)
      )
    ]
    for (const wh of others) d().setStockOnHand(p.id, wh, 0)
    d().setStockOnHand(p.id, first!, p.minStockLevel)
  }
  const raise = (p: { id: string; minStockLevel: number }) =>
    d().setStockOnHand(p.id, d().stockOf(p.id)[0]!.warehouseId, p.minStockLevel + 50)

  it('a first sync gives one summary of what is low, not one notice per item', async () => {
    const low = d()
      .products.all()
      .filter((p) => p.isActive && p.minStockLevel > 0 && d().totalOnHand(p.id) <= p.minStockLevel)
    expect(low.length).toBeGreaterThan(1)
    const shown = await notices()
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({
      title: `${low.length} items are low at Frostbyte Pro test`,
      target: { kind: 'low-stock', connectionId: c.cid }
    })
  })

  it('one item dropping below its minimum gives exactly one notice, which opens the item', async () => {
    const [p] = wellStocked()
    lower(p!)
    await sync()
    const shown = (await notices()).slice(1)
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({
      title: `Low stock: ${p!.sku} ${p!.name}`,
      target: { kind: 'item', itemKey: `${c.cid}:item:${p!.id}` }
    })
    expect(shown[0]!.body).toContain('at Frostbyte Pro test')

    // Still low on the next syncs: nothing more.
    await sync()
    await sync()
    expect(await notices()).toHaveLength(2)

    // Restocked, then low again: one more.
    raise(p!)
    await sync()
    expect(await notices()).toHaveLength(2)
    lower(p!)
    await sync()
    const again = await notices()
    expect(again).toHaveLength(3)
    expect(again[2]!.target).toEqual({ kind: 'item', itemKey: `${c.cid}:item:${p!.id}` })
  })

  it('fifty items crossing in one sync give one grouped notice that opens the Low stock list', async () => {
    const fifty = wellStocked().slice(0, 50)
    expect(fifty).toHaveLength(50)
    for (const p of fifty) lower(p)
    await sync()
    const shown = (await notices()).slice(1)
    expect(shown).toHaveLength(1)
    expect(shown[0]!.title).toBe('50 items ran low at Frostbyte Pro test')
    expect(shown[0]!.body).toMatch(/ and 47 others\.$/)
    expect(shown[0]!.target).toEqual({ kind: 'low-stock', connectionId: c.cid })
  })

  it('a muted item gives none, and neither does any item of a muted connection', async () => {
    const [a, b] = wellStocked()
    await setMuted(c.db, `${c.cid}:item:${a!.id}`, 'item', true)
    lower(a!)
    await sync()
    expect(await notices()).toHaveLength(1)

    await setMuted(c.db, c.cid, 'connection', true)
    lower(b!)
    await sync()
    expect(await notices()).toHaveLength(1)

    // Unmuted, the next crossing is told again.
    await setMuted(c.db, c.cid, 'connection', false)
    raise(b!)
    await sync()
    lower(b!)
    await sync()
    expect((await notices()).map((n) => n.title)).toEqual([
      expect.stringMatching(/items are low/),
      `Low stock: ${b!.sku} ${b!.name}`
    ])
  })

  it('the Activity log has the sync and the crossing, the crossing linked to its item', async () => {
    const [p] = wellStocked()
    lower(p!)
    await sync()
    const entries = await c.db.activity.orderBy('id').toArray()
    expect(entries.filter((e) => e.kind === 'sync')).toHaveLength(2)
    expect(entries.filter((e) => e.kind === 'sync')[0]!.message).toMatch(
      /^Synced Frostbyte Pro test: [\d,]+ records read/
    )
    const crossings = entries.filter((e) => e.kind === 'low-stock')
    expect(crossings).toHaveLength(2)
    expect(crossings[1]).toMatchObject({
      level: 'warning',
      link: { kind: 'item', itemKey: `${c.cid}:item:${p!.id}` }
    })
    expect(crossings[1]!.message).toContain(p!.sku)
  })
})

describe('low-stock rows follow the items they are about', () => {
  it('go when their item is removed at the vendor, and when their connection is removed', async () => {
    const c = await connectVendor(frostbyteHarness, { seed: 12, size: 200 })
    try {
      const scheduler = startSyncScheduler(c.db, c.host, syncStoreReporter, { intervalMs: 3_600_000 })
      await scheduler.syncAll()
      await scheduler.stop()
      const keys = (await c.db.alerts.toCollection().primaryKeys()) as string[]
      expect(keys.length).toBeGreaterThan(1)
      // An item gone from the replica (removed at the vendor) leaves no low-stock row behind.
      await c.db.items.delete(keys[0]!)
      expect(await pruneOrphanAlerts(c.db, c.cid)).toBe(1)
      expect(await c.db.alerts.count()).toBe(keys.length - 1)
      // Removing the connection removes the rest.
      await mirrorConnections(c.db, [])
      expect(await c.db.alerts.count()).toBe(0)
    } finally {
      await c.close()
    }
  })
})

describe("Inventora's minLevel", () => {
  it('a material or product dropping to its minLevel through the vendor API gives one notice for it', async () => {
    const c = await connectVendor(inventoraHarness, { seed: 13, size: 120 })
    const scheduler = startSyncScheduler(c.db, c.host, syncStoreReporter, { intervalMs: 3_600_000 })
    try {
      await scheduler.syncAll()
      const d = c.fake.server.data
      const r = d.products
        .all()
        .find(
          (p) =>
            p.minLevel > 0 &&
            Object.keys(p.stock).length === 1 &&
            d.stockLevel(p) > p.minLevel + 5 &&
            Number.isInteger(d.stockLevel(p))
        )!
      const location = d.location(Object.keys(r.stock)[0]!)!
      // Someone records a loss in Inventora's own app: stock falls to the minimum.
      const res = await fetch(`${c.fake.url}/products/${r.id}/stock-level-updates`, {
        method: 'POST',
        headers: { 'X-Inventora-API-Key': c.fake.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          updateType: 'loss',
          quantity: d.stockLevel(r) - r.minLevel,
          locationName: location.name
        })
      })
      expect(res.status).toBeLessThan(300)
      await scheduler.syncAll()
      const reply = await c.host.call('notices:list', {})
      if (!reply.ok) throw new Error(reply.error.message)
      expect(reply.value.at(-1)).toMatchObject({
        title: `Low stock: ${r.sku} ${r.name}`.trim(),
        target: { kind: 'item', itemKey: `${c.cid}:item:products/${r.id}` }
      })
      await scheduler.syncAll()
      const again = await c.host.call('notices:list', {})
      expect(again.ok && again.value.length).toBe(reply.value.length)
    } finally {
      await scheduler.stop()
      await c.close()
    }
  })
})
