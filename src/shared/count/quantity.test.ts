import { describe, expect, it } from 'vitest'
import { defaultVarianceLimits, outsized, readTypedQuantity } from './quantity'

describe('a typed quantity', () => {
  it('reads whole and decimal quantities, with thousands separators', () => {
    expect(readTypedQuantity('12')).toEqual({ status: 'ok', value: 12 })
    expect(readTypedQuantity(' 2.5 ')).toEqual({ status: 'ok', value: 2.5 })
    expect(readTypedQuantity('1,500')).toEqual({ status: 'ok', value: 1500 })
    expect(readTypedQuantity('')).toEqual({ status: 'empty' })
  })

  it('never takes a code-like run of digits as a quantity', () => {
    // "12" typed, then a scan's digits arriving slower than the burst gap.
    expect(readTypedQuantity('1209442575')).toEqual({ status: 'code-like', text: '1209442575' })
    expect(readTypedQuantity('9400000000017').status).toBe('code-like')
    expect(readTypedQuantity('1234567').status).toBe('code-like')
    expect(readTypedQuantity('123456')).toEqual({ status: 'ok', value: 123456 })
  })

  it('refuses zero, negatives and words', () => {
    for (const t of ['0', '-3', 'abc', '1,23', '3x']) expect(readTypedQuantity(t).status).toBe('invalid')
  })
})

describe('variance limits', () => {
  const l = defaultVarianceLimits
  it('flags a count over ten times what was expected, or over 10 where nothing was', () => {
    expect(outsized(7, 70, l)).toBeNull()
    expect(outsized(7, 71, l)).toMatch(/more than 10× the 7 expected/)
    expect(outsized(0, 10, l)).toBeNull()
    expect(outsized(0, 11, l)).toMatch(/where none were expected/)
  })

  it('flags a difference over the ceiling either way', () => {
    expect(outsized(50_000, 39_999, l)).toMatch(/difference of 10,001 units/)
    expect(outsized(50_000, 40_000, l)).toBeNull()
    expect(outsized(7, 1_209_442_575, l)).toMatch(/over the limit/)
  })

  it('follows the limits set on this PC', () => {
    expect(outsized(10, 40, { factor: 3, ceiling: 1000 })).toMatch(/3×/)
    expect(outsized(10, 40, { factor: 5, ceiling: 1000 })).toBeNull()
  })
})
