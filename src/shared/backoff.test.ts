import { describe, expect, it } from 'vitest'
import { backoffMs } from './backoff'

describe('backoff', () => {
  const policy = { baseMs: 500, capMs: 30_000, jitter: 0 }
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 6, 7, 40].map((n) => backoffMs(n, policy))).toEqual([
      500, 1000, 2000, 4000, 30_000, 30_000, 30_000
    ])
  })
  it('spreads the delay by its jitter share', () => {
    expect(backoffMs(2, { ...policy, jitter: 1 }, () => 0)).toBe(0)
    expect(backoffMs(2, { ...policy, jitter: 1 }, () => 0.5)).toBe(1000)
    expect(backoffMs(2, { ...policy, jitter: 0.5 }, () => 0)).toBe(1000)
    expect(backoffMs(2, { ...policy, jitter: 0.5 }, () => 1)).toBe(2000)
  })
  it('never waits less than the vendor asked', () => {
    expect(backoffMs(0, policy, Math.random, 7_000)).toBe(7_000)
  })
})
