import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { receiveScan } from '../../src/renderer/src/receiving/receive-scan'
import { openReceiving, pendingReceipts, submitReceiving } from '../../src/renderer/src/receiving/receiving'
import { dispatchShipment } from '../../src/renderer/src/shipping/shipping'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { Order } from '../../src/shared/model/records'
import { frostbyteWriteHarness } from '../contract/frostbyte-write-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { drain } from './replay-helpers'

/** Scans at the receiving dock and at the shipping bench, on a real replica synced from the fake. */
describe('the dock: receiving and dispatch rules', () => {
  let c: Connected<FrostbyteData>
  const orders: Order[] = []
  beforeAll(async () => {
    c = await connectVendor(frostbyteWriteHarness, { seed: 5, size: 300 }, (fake) =>
      frostbyteWriteHarness.prepareFlows!(fake, 4)
    )
    await syncConnection(c.db, c.host, c.cid)
    orders.push(
      ...(await c.db.orders.where('status').equals('APPROVED').toArray()).filter((o) => o.direction === 'in')
    )
  }, 60_000)
  afterAll(() => c.close())

  const codeOf = async (itemKey: string) => (await c.db.items.get(itemKey))!.codes[0]!
  const session = async (order: Order) => {
    const r = await openReceiving(c.db, order.key)
    if (!r.ok) throw new Error(r.error.message)
    return r.value.id
  }

  it('refuses an item not on the order and records nothing', async () => {
    const order = orders[0]!
    const id = await session(order)
    const onOrder = new Set(order.lines.map((l) => l.itemKey))
    const other = (await c.db.items.toArray()).find((i) => !onOrder.has(i.key) && i.codes.length > 0)!
    const r = await receiveScan(c.db, id, other.codes[0]!)
    expect(r).toMatchObject({
      status: 'refused',
      words: expect.stringMatching(/^Not on .*nothing was recorded/)
    })
    expect((await c.db.dockSessions.get(id))!.lines).toEqual([])
  })

  it('asks once per line before receiving more than ordered', async () => {
    const order = orders[1]!
    const id = await session(order)
    const line = order.lines[0]!
    const code = await codeOf(line.itemKey)
    for (let n = 0; n < line.ordered; n++) expect((await receiveScan(c.db, id, code)).status).toBe('added')
    const asked = await receiveScan(c.db, id, code)
    expect(asked).toMatchObject({ status: 'over', words: expect.stringMatching(/more than ordered/) })
    expect((await receiveScan(c.db, id, code, { confirmOver: line.lineId! })).status).toBe('added')
    // Asked once: the next unit of that line is taken without asking again.
    expect((await receiveScan(c.db, id, code)).status).toBe('added')
    const s = await c.db.dockSessions.get(id)
    expect(s!.lines.find((l) => l.lineId === line.lineId)!.quantity).toBe(line.ordered + 2)
  })

  it('a label without a lot or expiry keeps what the line already knows; the receipt is pending until the answer', async () => {
    const order = orders[2]!
    const lotItem = (await c.db.items.toArray()).find(
      (i) => i.tracking === 'lot' && i.codes.some((k) => /^\d{12,14}$/.test(k))
    )
    // The prepared orders carry plain items: the rule is shown on a batch-tracked item added to this order.
    const withLot: Order = {
      ...order,
      lines: [
        ...order.lines,
        { itemKey: lotItem!.key, ordered: 10, received: 0, lineId: 'l-lot', label: lotItem!.sku }
      ]
    }
    await c.db.orders.put(withLot)
    const id = await session(withLot)
    const gtin = lotItem!.codes.find((k) => /^\d{12,14}$/.test(k))!.padStart(14, '0')
    expect((await receiveScan(c.db, id, `(01)${gtin}`)).status).toBe('refused') // no lot known yet
    expect((await receiveScan(c.db, id, `(01)${gtin}(17)281130(10)LOT-A`)).status).toBe('added')
    expect((await receiveScan(c.db, id, `(01)${gtin}(30)3`)).status).toBe('added')
    const row = (await c.db.dockSessions.get(id))!.lines.find((l) => l.lineId === 'l-lot')!
    expect(row).toMatchObject({ lot: 'LOT-A', expiry: '2028-11-30', quantity: 4 })

    await c.db.orders.put(order)
    const plainId = await session(orders[3]!)
    for (const l of orders[3]!.lines) await receiveScan(c.db, plainId, await codeOf(l.itemKey))
    expect((await submitReceiving(c.db, plainId, '')).ok).toBe(true)
    expect([...(await pendingReceipts(c.db, orders[3]!.key)).values()]).toEqual(orders[3]!.lines.map(() => 1))
    await drain({ db: c.db, host: c.host, random: () => 0.5 }, c.cid)
    expect((await pendingReceipts(c.db, orders[3]!.key)).size).toBe(0)
    expect((await c.db.orders.get(orders[3]!.key))!.lines.map((l) => l.received)).toEqual(
      orders[3]!.lines.map(() => 1)
    )
  })

  it('a tracking correction is a new write with a new key, only while the shipment is packed', async () => {
    const packed = (await c.db.orders.where('status').equals('PACKED').toArray()).find(
      (o) => o.direction === 'out'
    )!
    expect((await dispatchShipment(c.db, packed.key, 'NZ Post', 'bad/number')).ok).toBe(false)
    const first = await dispatchShipment(c.db, packed.key, 'NZ Post', 'NZP111')
    const second = await dispatchShipment(c.db, packed.key, 'NZ Post', 'NZP222')
    expect(first.ok && second.ok).toBe(true)
    if (!first.ok || !second.ok) return
    expect(second.value.idempotencyKey).not.toBe(first.value.idempotencyKey)
    // The first was never sent: withdrawn, so only the corrected one goes.
    expect((await c.db.outbox.where('id').equals(first.value.id).first())!.state).toBe('discarded')
    await drain({ db: c.db, host: c.host, random: () => 0.5 }, c.cid)
    const atVendor = c.fake.server.data.shipments.get(packed.vendorId)!
    expect([atVendor.status, atVendor.trackingNumber]).toEqual(['DISPATCHED', 'NZP222'])
    const late = await dispatchShipment(c.db, packed.key, 'NZ Post', 'NZP333')
    expect(!late.ok && late.error.message).toMatch(/only while a shipment is packed/)
  })
})
