import { describe, expect, it } from 'vitest'
import { Pacer, type PacerClock } from './pacer'
import { leaveTimes, nextSlot, observe, planPass, type BudgetState } from './budget'

const W = 60_000

function fakeClock(): PacerClock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms
    }
  }
  return c
}

/** A vendor's rolling window as the Figgro fake keeps it: Reset is when the oldest counted request leaves. */
function vendor(limit: number, windowMs: number) {
  const times: number[] = []
  return {
    counted: (now: number) => times.filter((t) => t > now - windowMs).length,
    take(now: number) {
      const live = times.filter((t) => t > now - windowMs)
      if (live.length >= limit) return undefined
      times.push(now)
      live.push(now)
      return { remaining: limit - live.length, resetAt: Math.ceil((live[0]! + windowMs) / 1000) * 1000 }
    }
  }
}

describe('rolling budget', () => {
  it('plans a pass: the reserve stays unused, the rest waits for the window, the finish is where the pages end', () => {
    const s: BudgetState = { sent: [], windowMs: W, limit: 1000 }
    const p = planPass(s, 0, { pages: 3000, capacity: 900, msPerRequest: 10 })
    expect(p.nowPages).toBe(900)
    // The first of the 900 leaves the window one minute after it went.
    expect(p.resumesAt).toBeGreaterThanOrEqual(W)
    expect(p.resumesAt).toBeLessThan(W + 100)
    // 900 a minute: the 3,000th page goes in the fourth minute, 300 × 10 ms after it opens.
    expect(p.finishAt).toBeGreaterThan(3 * W + 3000)
    expect(p.finishAt).toBeLessThan(3 * W + 3200)
  })

  it('after a restart, believes the vendor: requests it counts that we did not send leave at Reset', () => {
    const s: BudgetState = { sent: [5_000], windowMs: W, limit: 1000 }
    observe(s, { limit: 1000, remaining: 80, resetAt: 30_000, sentAt: 5_000 })
    // 920 counted: ours plus 919 from before the restart.
    expect(leaveTimes(s, 6_000)).toHaveLength(920)
    expect(nextSlot(s, 6_000, 900)).toBe(30_000) // over 900 until the foreign ones leave
    expect(nextSlot(s, 6_000, 1000)).toBe(6_000) // an interactive request may use the reserve
  })

  it('learns the window from Reset when the vendor runs a different one', () => {
    const s: BudgetState = { sent: [0], windowMs: 3_600_000, limit: 1000 }
    observe(s, { limit: 1000, remaining: 999, resetAt: 60_000, sentAt: 0 })
    expect(s.windowMs).toBe(60_000)
  })

  it('a paced run against the vendor never meets a 429 and keeps the reserve, restart or not', async () => {
    const clock = fakeClock()
    const v = vendor(100, 10_000)
    let pacer = new Pacer([{ requests: 100, perMs: 10_000 }], clock, { reserve: 0.1 })
    let peak = 0
    for (let i = 0; i < 400; i++) {
      if (i === 150) pacer = new Pacer([{ requests: 100, perMs: 10_000 }], clock, { reserve: 0.1 }) // restart
      const { at } = await pacer.acquireSlot('background')
      const answer = v.take(at)
      expect(answer, `request ${i} refused`).toBeDefined()
      peak = Math.max(peak, v.counted(at))
      pacer.observe(answer!.remaining, answer!.resetAt, { limit: 100, sentAt: at })
      clock.t += 5
    }
    expect(peak).toBeLessThanOrEqual(91) // 90 planned, at most one more while a restart learns the count
  })

  it('tells the wait before it starts', async () => {
    const clock = fakeClock()
    const pacer = new Pacer([{ requests: 10, perMs: 1_000 }], clock, { reserve: 0.1 })
    for (let i = 0; i < 9; i++) await pacer.acquire('background')
    const heard: { ms: number; at: number }[] = []
    await pacer.acquire('background', (ms) => heard.push({ ms, at: clock.t }))
    expect(heard).toEqual([{ ms: 1_020, at: 0 }])
    expect(clock.t).toBe(1_020)
  })
})
