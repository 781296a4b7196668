import { describe, expect, it } from 'vitest'
import { newFairShare, observeShare, recordSend, sharers, shareWait } from './fair-share'

const WINDOW = 60_000

/**
 * PCs on one account against a vendor with a fixed 60 s window of `limit` requests
 * (rejected requests not counted, Remaining and Reset on every answer), on a virtual
 * clock: each PC sends its pages one after another, a page costing `pageMs`, waiting
 * what its fair share says and, after a 429, until the reset.
 */
function simulate(o: { pcs: number; pages: number; limit: number; pageMs: number; startAt?: number[] }) {
  const pcs = Array.from({ length: o.pcs }, (_, i) => ({
    share: newFairShare(),
    left: o.pages,
    next: o.startAt?.[i] ?? 0,
    done: 0,
    blockedUntil: 0
  }))
  let used = 0
  let windowEnd = WINDOW
  let rejected = 0
  for (let steps = 0; steps < 1_000_000; steps++) {
    const pc = pcs.filter((p) => p.left > 0).sort((a, b) => a.next - b.next)[0]
    if (!pc) break
    const now = pc.next
    const wait = Math.max(pc.blockedUntil - now, shareWait(pc.share, now))
    if (wait > 0) {
      pc.next = now + wait
      continue
    }
    recordSend(pc.share, now)
    while (now >= windowEnd) {
      windowEnd += WINDOW
      used = 0
    }
    const allowed = used < o.limit
    if (allowed) used++
    else rejected++
    const remaining = o.limit - used
    observeShare(pc.share, { limit: o.limit, remaining, resetAt: windowEnd, at: now })
    if (allowed) {
      pc.left--
      if (pc.left === 0) pc.done = now
    } else pc.blockedUntil = windowEnd
    pc.next = now + o.pageMs
  }
  return { rejected, finish: pcs.map((p) => p.done), sharers: pcs.map((p) => sharers(p.share)) }
}

describe('a shared vendor limit, each PC keeping its fair share', () => {
  it('ten PCs first-syncing at once meet no 429 and each finishes near pages × N ÷ limit', () => {
    const pages = 30
    const r = simulate({ pcs: 10, pages, limit: 120, pageMs: 150 })
    expect(r.rejected).toBe(0)
    const bound = ((pages * 10) / 120) * WINDOW // 2.5 minutes
    for (const f of r.finish) {
      expect(f).toBeGreaterThan(bound * 0.9)
      expect(f).toBeLessThan(bound * 1.2)
    }
    // Shared fairly, not first come first served: the last PC is done within 15 s of the first.
    expect(Math.max(...r.finish) - Math.min(...r.finish)).toBeLessThan(15_000)
  })

  it('a PC alone is not held back: it spends the window as fast as its pages go', () => {
    const r = simulate({ pcs: 1, pages: 100, limit: 120, pageMs: 100 })
    expect(r.rejected).toBe(0)
    expect(r.finish[0]).toBeLessThan(100 * 100 + 1)
    expect(r.sharers[0]).toBe(1)
  })

  it('a PC that joins others mid-window backs off to its share instead of taking what is left', () => {
    const r = simulate({ pcs: 4, pages: 40, limit: 120, pageMs: 100, startAt: [0, 0, 0, 20_000] })
    expect(r.rejected).toBe(0)
    const bound = ((40 * 4) / 120) * WINDOW
    // It joined 20 s late: its own finish is that much behind a bound counted from the start.
    expect(Math.max(...r.finish)).toBeLessThan(bound * 1.5)
  })
})
