import { describe, expect, it } from 'vitest'
import { formatParts } from '../../src/renderer/src/count/counters'
import { addToCount } from '../../src/renderer/src/count/lines'
import { setCountState, startCount } from '../../src/renderer/src/count/sessions'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { siteReview } from '../../src/renderer/src/site/review'
import { submitWithSite } from '../../src/renderer/src/site/submit'
import { siteServerReachable } from '../helpers/site-db'
import { useTwoSitePcs, type SitePc } from '../helpers/site-pcs'

const server = await siteServerReachable()

/**
 * The two-PC count of test/outbox/two-pc-count.test.ts with a site database:
 * each PC counts its part of the same item at the same warehouse, the review
 * on the PC that submits shows both parts summed live, and the vendor gets one
 * write for the whole shelf (without one, the second PC's write goes to review).
 */
describe.skipIf(!server.ok)('two PCs count one item at one place, with a site database', () => {
  const two = useTwoSitePcs({ seed: 41, size: 200 })

  const adjustments = () =>
    two.fake.server.ledger
      .filter((e) => e.method === 'POST' && e.path === '/stock-adjustments')
      .map((e) => e.body as { notes: string; lines: { productId: string; quantityChange: number }[] })

  it('the review shows both PCs’ parts summed; one write is sent; the other PC’s count is included', async () => {
    const d = two.fake.server.data
    const wh = d.warehouses[0]!.id
    const p = d.products
      .all()
      .find((x) => x.isActive && !x.trackBatches && !x.trackSerials && d.totalOnHand(x.id, wh) >= 8)
    if (!p) throw new Error('no plain product with stock in the first warehouse')
    const expected = d.totalOnHand(p.id, wh)
    const start = (pc: SitePc) =>
      startCount(pc.db, { connectionId: pc.cid, locationKey: `${pc.cid}:location:wh/${wh}`, blind: false })
    const c1 = await start(two.pc1)
    const c2 = await start(two.pc2)
    // The shelf holds expected − 3: PC 1 counts the front, PC 2 the back, of the same item.
    const front = 5
    const back = expected - 3 - front
    await addToCount(two.pc1.db, c1.id, { itemKey: `${two.pc1.cid}:item:${p.id}`, quantity: front })
    for (let i = 0; i < back; i++)
      await addToCount(two.pc2.db, c2.id, { itemKey: `${two.pc2.cid}:item:${p.id}`, quantity: 1 })

    // PC 1's review sums PC 2's part in live (as a brought-in file is summed), before anything is taken.
    await setCountState(two.pc1.db, c1.id, 'review')
    await expect
      .poll(async () => {
        const r = await siteReview(two.pc1.db, two.pc1.host, c1.id, 'PC-1')
        return r.state === 'ok' ? r.lines.map((l) => formatParts(l.parts, l.total, String)) : r.state
      })
      .toEqual([`PC-1 ${front} + PC-2 ${back} = ${expected - 3}`])

    const result = await submitWithSite(two.pc1.db, two.pc1.host, c1.id, { pc: 'PC-1' })
    expect(result).toMatchObject({
      outcome: 'queued',
      entries: 1,
      site: { state: 'included', pcs: ['PC-2'], scans: back }
    })
    expect(
      await replayConnection({ db: two.pc1.db, host: two.pc1.host, random: () => 0.5 }, two.pc1.cid)
    ).toEqual({
      state: 'drained'
    })
    // One write, for the whole shelf.
    expect(adjustments()).toHaveLength(1)
    expect(adjustments()[0]).toMatchObject({ lines: [{ productId: p.id, quantityChange: -3 }] })
    expect(d.totalOnHand(p.id, wh)).toBe(expected - 3)

    // PC 2 hears its count was included: it is over there, and sends nothing.
    await expect
      .poll(async () => two.pc2.db.counts.get(c2.id))
      .toMatchObject({ state: 'submitted', outcome: 'handed-over', includedBy: 'PC-1' })
    await expect(submitCount(two.pc2.db, c2.id, { pc: 'PC-2' })).rejects.toThrow(/already submitted/)
    expect(
      await replayConnection({ db: two.pc2.db, host: two.pc2.host, random: () => 0.5 }, two.pc2.cid)
    ).toEqual({
      state: 'drained'
    })
    expect(await two.pc2.db.outbox.count()).toBe(0)
    expect(adjustments()).toHaveLength(1)
    // And nothing is left to sum at the location for anyone.
    const again = await siteReview(two.pc2.db, two.pc2.host, c2.id, 'PC-2')
    expect(
      again.state === 'ok' && again.lines.flatMap((l) => l.parts.filter((x) => x.counter !== 'PC-2'))
    ).toEqual([])
  })
})
