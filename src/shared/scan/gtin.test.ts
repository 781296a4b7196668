import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  codeKeys,
  computeCheckDigit,
  expandUpcE,
  gtinKeys,
  hasValidCheckDigit,
  isValidGtin,
  normaliseGtin,
  withCheckDigit
} from './gtin'

// Real codes: Faber-Castell pencil (EAN-13), the Wikipedia UPC-A, the Wikipedia EAN-8,
// GS1 US case GTIN-14, the GS1 General Specifications example GTIN and SSCC.
const REAL = ['4006381333931', '036000291452', '96385074', '10614141000415', '09506000134352']

describe('check digits', () => {
  it.each(REAL)('accepts %s', (code) => {
    expect(isValidGtin(code)).toBe(true)
    expect(computeCheckDigit(code.slice(0, -1))).toBe(Number(code.slice(-1)))
  })

  it('accepts an SSCC with the same algorithm', () => {
    expect(hasValidCheckDigit('106141411234567897')).toBe(true)
    expect(hasValidCheckDigit('106141411234567890')).toBe(false)
  })

  it.each(['4006381333932', '036000291453', '96385075', '10614141000416', '09506000134350'])(
    'rejects a wrong check digit in %s',
    (code) => expect(isValidGtin(code)).toBe(false)
  )

  it('rejects wrong lengths and non-digits', () => {
    expect(isValidGtin('400638133393')).toBe(false) // 12 digits, invalid as UPC-A
    expect(isValidGtin('123456789')).toBe(false)
    expect(isValidGtin('40063813339A1')).toBe(false)
    expect(isValidGtin('')).toBe(false)
  })

  it('throws on a non-digit body, which is a programming error', () => {
    expect(() => computeCheckDigit('12a')).toThrow(RangeError)
    expect(() => computeCheckDigit('')).toThrow(RangeError)
  })

  it('a check digit of 0 when the sum is a multiple of 10', () => {
    expect(withCheckDigit('501234567890')).toBe('5012345678900')
  })
})

describe('normaliseGtin', () => {
  it('UPC-A, its EAN-13 and its GTIN-14 share one key', () => {
    const key = '00036000291452'
    expect(normaliseGtin('036000291452')).toBe(key)
    expect(normaliseGtin('0036000291452')).toBe(key)
    expect(normaliseGtin('00036000291452')).toBe(key)
  })

  it('pads GTIN-8 and keeps GTIN-14 as is', () => {
    expect(normaliseGtin('96385074')).toBe('00000096385074')
    expect(normaliseGtin('10614141000415')).toBe('10614141000415')
    expect(normaliseGtin(' 4006381333931 ')).toBe('04006381333931')
  })

  it('is null for anything that is not a valid GTIN', () => {
    expect(normaliseGtin('4006381333932')).toBeNull()
    expect(normaliseGtin('ABC-123')).toBeNull()
  })
})

describe('UPC-E', () => {
  it('expands the textbook examples', () => {
    expect(expandUpcE('04252614')).toBe('042100005264')
    expect(expandUpcE('01234565')).toBe('012345000065')
  })

  it('covers every last-digit rule', () => {
    // Built from the rule, with the check digit of the expanded UPC-A appended.
    const cases: [string, string][] = [
      ['0123450', '01200000345'],
      ['0123453', '01230000045'],
      ['0123454', '01234000005'],
      ['0123457', '01234500007']
    ]
    for (const [e, aBody] of cases) {
      const a = withCheckDigit(aBody)
      expect(expandUpcE(e + a.slice(-1))).toBe(a)
    }
  })

  it('is null for number systems other than 0/1 and bad check digits', () => {
    expect(expandUpcE('24252614')).toBeNull()
    expect(expandUpcE('04252615')).toBeNull()
    expect(expandUpcE('0425261')).toBeNull()
  })

  it('an 8-digit code that is only a valid UPC-E still gets a key', () => {
    expect(isValidGtin('04252614')).toBe(false)
    expect(gtinKeys('04252614')).toEqual(['00042100005264'])
    expect(gtinKeys('04252614', { upcE: false })).toEqual([])
  })

  it('an 8-digit code valid both ways gets both keys, EAN-8 first', () => {
    expect(gtinKeys('01234565')).toEqual(['00000001234565', '00012345000065'])
  })
})

describe('codeKeys', () => {
  it('gives the canonical GTIN-14 for every GTIN form', () => {
    expect(codeKeys('036000291452')).toEqual(['00036000291452'])
    expect(codeKeys('0036000291452')).toEqual(['00036000291452'])
    expect(codeKeys('4006381333931')).toEqual(['04006381333931'])
    expect(codeKeys('96385074')).toEqual(['00000096385074'])
  })

  it('accepts printed digits with spaces or dashes', () => {
    expect(codeKeys('4 006381 333931')).toEqual(['04006381333931'])
    expect(codeKeys('0-36000-29145-2')).toEqual(['00036000291452'])
  })

  it('trims and upper-cases SKUs and supplier codes', () => {
    expect(codeKeys('  abc-123 ')).toEqual(['ABC-123'])
    expect(codeKeys('Sup 77/b')).toEqual(['SUP 77/B'])
  })

  it('keeps a digit string with a wrong check digit as a plain key', () => {
    expect(codeKeys('4006381333932')).toEqual(['4006381333932'])
    expect(codeKeys('12345')).toEqual(['12345'])
  })

  it('gives no keys for blank codes', () => {
    expect(codeKeys('')).toEqual([])
    expect(codeKeys('   ')).toEqual([])
  })
})

describe('properties', () => {
  const body = fc
    .constantFrom(7, 11, 12, 13, 17)
    .chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }))

  it('computeCheckDigit makes every body valid, and any single-digit change invalid', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), (b, at, delta) => {
        const code = withCheckDigit(b)
        expect(hasValidCheckDigit(code)).toBe(true)
        const i = at % code.length
        const changed = String((Number(code[i]) + delta) % 10)
        const wrong = code.slice(0, i) + changed + code.slice(i + 1)
        expect(hasValidCheckDigit(wrong)).toBe(false)
      }),
      { seed: 20240611, numRuns: 2000 }
    )
  })

  it('every valid GTIN normalises to the same key with or without leading zeros', () => {
    fc.assert(
      fc.property(
        body.filter((b) => b.length <= 13),
        (b) => {
          const code = withCheckDigit(b)
          const key = normaliseGtin(code)
          expect(key).toHaveLength(14)
          expect(codeKeys(code.padStart(14, '0'))[0]).toBe(key)
        }
      ),
      { seed: 7, numRuns: 500 }
    )
  })
})
