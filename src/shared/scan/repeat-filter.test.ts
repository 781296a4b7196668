import { describe, expect, it } from 'vitest'
import { createRepeatFilter, formatWindow, repeatWords } from './repeat-filter'

describe('repeat filter', () => {
  it('is off with no window: the same code twice at once passes twice', () => {
    const filter = createRepeatFilter(null)
    expect(filter.check('9400000000019', 0)).toEqual({ type: 'pass' })
    expect(filter.check('9400000000019', 5)).toEqual({ type: 'pass' })
  })

  it('ignores the same code inside the window and counts it outside', () => {
    const filter = createRepeatFilter(1000)
    expect(filter.check('9400000000019', 10_000).type).toBe('pass')
    expect(filter.check('9400000000019', 10_400)).toEqual({ type: 'repeat', sinceMs: 400 })
    expect(filter.check('9400000000019', 11_000).type).toBe('pass')
    expect(filter.check('9400000000019', 12_500).type).toBe('pass')
  })

  it('a repeat does not restart the window: the window runs from the scan that was taken', () => {
    const filter = createRepeatFilter(1000)
    filter.check('A1234', 0)
    expect(filter.check('A1234', 600).type).toBe('repeat')
    expect(filter.check('A1234', 999).type).toBe('repeat')
    expect(filter.check('A1234', 1000).type).toBe('pass')
  })

  it('another code in between passes, and the first code then counts again', () => {
    const filter = createRepeatFilter(2000)
    expect(filter.check('A1234', 0).type).toBe('pass')
    expect(filter.check('B5678', 100).type).toBe('pass')
    expect(filter.check('A1234', 200).type).toBe('pass')
  })

  it('says the window as people say it', () => {
    expect(formatWindow(1000)).toBe('1 s')
    expect(formatWindow(1500)).toBe('1.5 s')
    expect(formatWindow(300)).toBe('300 ms')
    expect(repeatWords(1000)).toBe('Same code again within 1 s — ignored')
  })
})
