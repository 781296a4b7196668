import { describe, expect, it } from 'vitest'
import { timeLeftMs, timeLeftWords } from './time-left'

describe('time left of a running pass', () => {
  it('follows the pace of the pages read since the pass was first seen', () => {
    const start = { at: 1_000, pages: 2 }
    // 3 pages in 6 s: 2 s a page, 5 pages to go.
    expect(timeLeftMs({ state: 'running', pagesDone: 5, totalPages: 10 }, start, 7_000)).toBe(10_000)
  })

  it('is unknown before a page is read, without a page count, or once the pass ended', () => {
    const start = { at: 0, pages: 4 }
    expect(timeLeftMs({ state: 'running', pagesDone: 4, totalPages: 10 }, start, 5_000)).toBeUndefined()
    expect(timeLeftMs({ state: 'running', pagesDone: 6 }, start, 5_000)).toBeUndefined()
    expect(timeLeftMs({ state: 'done', pagesDone: 10, totalPages: 10 }, start, 5_000)).toBeUndefined()
  })

  it('reads as a person would say it', () => {
    expect(timeLeftWords(12_000)).toBe('about 15 s left')
    expect(timeLeftWords(200_000)).toBe('about 3 min left')
    expect(timeLeftWords(4_800_000)).toBe('about 1 h 20 min left')
  })
})
