import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './format'

describe('dates, one way everywhere', () => {
  it('writes a calendar date and an instant in the same locale form', () => {
    expect(formatDate('2026-12-07', 'en-US')).toBe('Dec 7, 2026')
    expect(formatDate('2026-12-07', 'en-NZ')).toBe('7 Dec 2026')
    // An instant's day is the same form as a calendar date's, never "2026-12-07" beside "Dec 7".
    const at = new Date(2026, 11, 7, 14, 5).toISOString()
    expect(formatDate(at, 'en-US')).toBe('Dec 7, 2026')
    expect(formatDateTime(at, 'en-US')).toMatch(/^Dec 7, 2026, 0?2:05\sPM$/)
    expect(formatDate('not a date', 'en-US')).toBe('not a date')
  })
})
