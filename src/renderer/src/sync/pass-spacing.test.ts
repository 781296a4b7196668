import { describe, expect, it } from 'vitest'
import type { ResourceProgress } from './progress'
import { nextPassAt } from './pass-spacing'

const result = (over: Partial<ResourceProgress>): ResourceProgress => ({
  connectionId: 'c',
  resource: 'products',
  label: 'Products',
  phase: 'full',
  state: 'done',
  pagesDone: 80,
  recordsDone: 2000,
  rejected: 0,
  deleted: 0,
  lowCrossed: [],
  ...over
})

describe('when the next pass is due', () => {
  const o = { started: 0, ended: 60_000, intervalMs: 5 * 60_000 }

  it('is the interval after the end of the last run where nothing limits it', () => {
    expect(nextPassAt([result({})], o)).toBe(6 * 60_000)
  })

  it('spaces full passes under an hourly budget so they spend at most half of it', () => {
    // 102 pages under 1,000 requests an hour: a pass may come every 102 × 3,600 s ÷ 500 ≈ 12.2 minutes.
    const plan = { pagesDone: 102, pages: 102, nowPages: 0, finishInMs: 0, windowMs: 3_600_000, limit: 1000 }
    expect(nextPassAt([result({ plan })], o)).toBe((102 * 3_600_000) / 500)
    // Changes-only passes are not spaced that way: they cost a page or two.
    expect(nextPassAt([result({ plan, phase: 'incremental' })], o)).toBe(6 * 60_000)
  })
})
