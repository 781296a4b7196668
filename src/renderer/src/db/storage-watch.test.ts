import { describe, expect, it, vi } from 'vitest'
import { lowSpaceWarning, watchStorage } from './storage-watch'

const MB = 1024 * 1024

describe('free space', () => {
  it('says nothing while there is room', () => {
    expect(lowSpaceWarning({ usage: 100 * MB, quota: 10_000 * MB })).toBeUndefined()
    expect(lowSpaceWarning({})).toBeUndefined()
  })
  it('warns in plain words before the disk is full', () => {
    expect(lowSpaceWarning({ usage: 950 * MB, quota: 1_000 * MB })).toBe(
      "The disk is nearly full: 50 MB left for Stockroom. Free some space on this PC soon — counting goes on, and what you record is also kept in Stockroom's journal."
    )
    expect(lowSpaceWarning({ usage: 9_900 * MB, quota: 10_000 * MB })).toMatch(/100 MB left/)
  })
  it('warns once while low, and again after it recovered and ran low again', async () => {
    vi.useFakeTimers()
    const estimates = [
      { usage: 990 * MB, quota: 1_000 * MB },
      { usage: 995 * MB, quota: 1_000 * MB },
      { usage: 10 * MB, quota: 1_000 * MB },
      { usage: 999 * MB, quota: 1_000 * MB }
    ]
    const warnings: string[] = []
    const stop = watchStorage(
      async () => estimates.shift() ?? {},
      (m) => warnings.push(m)
    )
    for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(60_000)
    stop()
    vi.useRealTimers()
    expect(warnings.map((w) => /(\d+) MB left/.exec(w)?.[1])).toEqual(['10', '1'])
  })
})
