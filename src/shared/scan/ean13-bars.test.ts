import { describe, expect, it } from 'vitest'
import { ean13Modules } from './ean13-bars'

describe('EAN-13 bars', () => {
  it('draws 95 modules with the guards where a reader looks for them', () => {
    const m = ean13Modules('4006381333931')
    expect(m).toHaveLength(95)
    expect(m.slice(0, 3)).toBe('101')
    expect(m.slice(45, 50)).toBe('01010')
    expect(m.slice(92)).toBe('101')
  })

  it('encodes the first digit in the parity of the left half (4: L G L L G G)', () => {
    const m = ean13Modules('4006381333931')
    // Digits 0 0 6 3 8 1 with parity L G L L G G.
    const left = ['0001101', '0100111', '0101111', '0111101', '0001001', '0110011']
    expect(m.slice(3, 45)).toBe(left.join(''))
    // Right half 3 3 3 9 3 1 in R codes.
    expect(m.slice(50, 92)).toBe(['1000010', '1000010', '1000010', '1110100', '1000010', '1100110'].join(''))
  })

  it('every digit is 7 modules with two bars and two spaces', () => {
    const m = ean13Modules('5012345678900')
    for (let i = 0; i < 12; i++) {
      const at = i < 6 ? 3 + i * 7 : 50 + (i - 6) * 7
      const runs = m.slice(at, at + 7).match(/0+|1+/g) ?? []
      expect(runs).toHaveLength(4)
    }
  })

  it('refuses a code with a wrong check digit', () => {
    expect(() => ean13Modules('4006381333932')).toThrow(/not a valid EAN-13/)
  })
})
