import { describe, expect, it } from 'vitest'
import { Pacer, type PacerClock } from '../http/pacer'
import { budgetPlan, handBackWait, HAND_BACK_WAIT_MS, PassTracker } from './budget-pages'

const clock = (): PacerClock & { t: number } => {
  const c = { t: 0, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) }
  return c
}

describe('a pass under a request budget', () => {
  it('counts pages across resources: done ones whole, the current one to its page, unmeasured ones not yet', () => {
    const tracker = new PassTracker(['products', 'raw', 'jobs'])
    expect(tracker.position('products', 1)).toEqual({ pagesDone: 0, pages: 1 })
    tracker.seen('products', 40)
    expect(tracker.position('products', 11)).toEqual({ pagesDone: 10, pages: 40 })
    expect(tracker.unknownAfter('products')).toEqual(['raw', 'jobs'])
    tracker.seen('raw', 10)
    tracker.seen('jobs', 0) // an empty list still costs its one request
    expect(tracker.position('raw', 3)).toEqual({ pagesDone: 42, pages: 51 })
  })

  it('hands a long wait back with the plan, and keeps a short one for the pacer', async () => {
    const c = clock()
    const pacer = new Pacer([{ requests: 10, perMs: 60_000 }], c, { reserve: 0.1 })
    for (let i = 0; i < 9; i++) await pacer.acquire('background')
    const at = { pagesDone: 9, pages: 30 }
    const back = handBackWait(pacer, c.t, { page: 10 }, at)!
    expect(back.next).toEqual({ page: 10 }) // the same page, asked again later
    expect(back.batch).toEqual({})
    expect(back.waitMs).toBeGreaterThan(HAND_BACK_WAIT_MS)
    expect(back.plan).toMatchObject({ pagesDone: 9, pages: 30, nowPages: 0, limit: 10, windowMs: 60_000 })
    // 21 pages at 9 a minute: two more windows, the last one partly.
    expect(back.plan!.finishInMs).toBeGreaterThanOrEqual(120_000)
    c.t = 59_990
    expect(handBackWait(pacer, c.t, { page: 10 }, at)).toBeUndefined()
    expect(budgetPlan(pacer, c.t, at)!.resumesInMs).toBeLessThan(100)
  })
})
