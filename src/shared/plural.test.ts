import { describe, expect, it } from 'vitest'
import { plural } from './plural'

describe('plural', () => {
  it('says one and many in words', () => {
    expect(`${plural(3, 'difference')} queued as ${plural(2, 'write')}`).toBe(
      '3 differences queued as 2 writes'
    )
    expect(plural(1, 'write')).toBe('1 write')
    expect(plural(1200, 'entry', 'entries')).toBe('1,200 entries')
  })
})
