import { describe, expect, it } from 'vitest'
import { Pacer, type PacerClock } from './pacer'

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

describe('pacer', () => {
  it('never plans more requests in any window than the documented limit', async () => {
    const clock = fakeClock()
    const pacer = new Pacer([{ requests: 120, perMs: 60_000 }], clock)
    const sent: number[] = []
    for (let i = 0; i < 300; i++) {
      await pacer.acquire()
      sent.push(clock.t)
    }
    for (let i = 120; i < sent.length; i++) expect(sent[i]! - sent[i - 120]!).toBeGreaterThanOrEqual(60_000)
    // And it does not wait more than needed: 300 requests fit in 2 full windows plus a burst.
    expect(clock.t).toBe(120_000)
  })

  it('obeys Retry-After and an exhausted X-RateLimit-Remaining', async () => {
    const clock = fakeClock()
    const pacer = new Pacer([{ requests: 1000, perMs: 1000 }], clock)
    pacer.blockFor(5_000)
    expect(await pacer.acquire()).toBe(5_000)
    pacer.observe(0, 9_000)
    expect(await pacer.acquire()).toBe(4_000)
    pacer.observe(3, 20_000)
    expect(await pacer.acquire()).toBe(0)
  })
})
