import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultVarianceLimits } from '../../../shared/count/quantity'
import { createDb, type StockroomDb } from '../db/db'
import { submitCount, SubmitError } from '../outbox/submit-count'
import { countItem, countScan } from './count-scan'
import { countIssues, moveToLot, pendingConfirmations, recordIssue, resolveIssue } from './issues'
import { lineIdOf } from './lines'
import { discardCount, setCountState, startCount } from './sessions'
import { fx, seedReplica } from './testing'

let db: StockroomDb
let n = 0
let clock = Date.parse('2026-03-02T09:00:00.000Z')
const now = () => new Date((clock += 1000))

beforeEach(async () => {
  db = createDb(`issues-${Math.random()}-${++n}`)
  await seedReplica(db)
})
afterEach(() => db.close())

const start = () => startCount(db, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false }, { now })

/** A scan as the count screen makes it: counted (or not), and what it leaves kept on the list. */
async function scanInto(countId: string, raw: string, times = 1) {
  const outcome = await countScan(db, countId, raw, { now, times, limits: defaultVarianceLimits })
  return { outcome, issue: await recordIssue(db, countId, outcome, { now }) }
}

describe('the Unresolved list of a count', () => {
  it('keeps an unknown code, a quantity waiting, a refused scan and a lot missing, each until resolved', async () => {
    const s = await start()
    await scanInto(s.id, 'NO-SUCH-CODE')
    await scanInto(s.id, fx.bolt.ean, 500)
    await scanInto(s.id, '0109501101530004')
    await scanInto(s.id, fx.milk.ean)
    // A next scan (counted, with nothing unresolved) takes nothing off the list.
    await scanInto(s.id, fx.bolt.ean)
    const list = await countIssues(db, s.id)
    expect(list.map((i) => [i.kind, i.code])).toEqual([
      ['unknown', 'NO-SUCH-CODE'],
      ['confirm', fx.bolt.ean],
      ['refused', '0109501101530004'],
      ['no-lot', fx.milk.ean]
    ])
    expect(list[1]).toMatchObject({ itemKey: fx.bolt.key, quantity: 500 })
    expect(list[2]!.message).toMatch(/check digit/)
    expect(await pendingConfirmations(db, s.id)).toBe(1)

    await resolveIssue(db, list[0]!.id)
    expect((await countIssues(db, s.id)).map((i) => i.kind)).toEqual(['confirm', 'refused', 'no-lot'])
  })

  it('refuses to submit while a quantity waits for confirmation, and says why', async () => {
    const s = await start()
    await scanInto(s.id, fx.bolt.ean)
    const { issue } = await scanInto(s.id, fx.bolt.ean, 500)
    await setCountState(db, s.id, 'review')
    await expect(submitCount(db, s.id, { now })).rejects.toThrow(SubmitError)
    await expect(submitCount(db, s.id, { now })).rejects.toThrow(/1 quantity waits for confirmation/)
    await resolveIssue(db, issue!.id)
    await expect(submitCount(db, s.id, { now })).resolves.toMatchObject({ variances: 1 })
  })

  it('moves a scan counted without its lot to the lot chosen: the no-lot line goes, nothing is counted twice', async () => {
    const s = await start()
    const { issue } = await scanInto(s.id, fx.milk.ean)
    expect(issue?.kind).toBe('no-lot')
    expect((await db.countLines.get(lineIdOf(s.id, fx.milk.key)))?.counted).toBe(1)
    await moveToLot(db, issue!.id, fx.lotL2, { now })
    expect(await db.countLines.get(lineIdOf(s.id, fx.milk.key))).toBeUndefined()
    expect(await db.countLines.get(lineIdOf(s.id, fx.milk.key, fx.lotL2))).toMatchObject({
      counted: 1,
      expected: 4
    })
    expect(await db.countEvents.where('countId').equals(s.id).count()).toBe(1)
    expect(await countIssues(db, s.id)).toEqual([])
  })

  it('an item counted with its lot, or a plain item, leaves nothing unresolved', async () => {
    const s = await start()
    const item = (await db.items.get(fx.milk.key))!
    const withLot = await countItem(
      db,
      s.id,
      item,
      { raw: 'x', code: 'x', times: 1, lotNumber: 'L1' },
      { now }
    )
    expect(await recordIssue(db, s.id, withLot)).toBeUndefined()
    expect((await scanInto(s.id, fx.bolt.ean)).issue).toBeUndefined()
  })

  it('goes with the count when it is discarded', async () => {
    const s = await start()
    await scanInto(s.id, 'NO-SUCH-CODE')
    await discardCount(db, s.id)
    expect(await db.countIssues.count()).toBe(0)
  })
})
