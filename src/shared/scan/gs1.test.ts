import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatGs1, gs1DateToIso, GS, parseGs1, resolveGs1Year, type Gs1Result } from './gs1'
import { withCheckDigit } from './gtin'

const Y = { referenceYear: 2025 }

function ok(r: Gs1Result) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value
}
function err(r: Gs1Result) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`)
  return r.error
}

describe('parseGs1: forms', () => {
  const expected = {
    gtin: '09506000134352',
    expiry: '2026-12-31',
    lot: 'ABC',
    ais: { '01': '09506000134352', '17': '261231', '10': 'ABC' }
  }

  it('reads the bracket form', () => {
    expect(ok(parseGs1('(01)09506000134352(17)261231(10)ABC', Y))).toEqual(expected)
  })

  it('reads the bracket form with spaces between elements', () => {
    expect(ok(parseGs1('(01) 09506000134352 (17) 261231 (10) ABC', Y))).toEqual(expected)
  })

  it('reads raw data where fixed-length AIs need no separator', () => {
    expect(ok(parseGs1('010950600013435217261231' + '10ABC', Y))).toEqual(expected)
  })

  it.each([']C1', ']e0', ']d2', ']Q3', ']J1'])('strips the symbology identifier %s', (id) => {
    expect(ok(parseGs1(`${id}010950600013435217261231` + '10ABC', Y))).toEqual(expected)
  })

  it('skips FNC1 in first position and a redundant GS after a fixed-length field', () => {
    expect(ok(parseGs1(`]C1${GS}0109506000134352${GS}17261231${GS}10ABC${GS}`, Y))).toEqual(expected)
  })

  it('ends a variable-length field at GS, then reads the next AI', () => {
    const v = ok(parseGs1(`0109506000134352` + `10LOT-7${GS}21SN0042${GS}3012`, Y))
    expect(v.lot).toBe('LOT-7')
    expect(v.serial).toBe('SN0042')
    expect(v.quantity).toBe(12)
  })

  it('without the GS, a variable-length field swallows the rest (no way to know better)', () => {
    const v = ok(parseGs1(`010950600013435210LOT7` + `3012`, Y))
    expect(v.lot).toBe('LOT73012')
    expect(v.quantity).toBeUndefined()
  })

  it('refuses a different symbology identifier', () => {
    expect(err(parseGs1(']E04006381333931', Y)).code).toBe('malformed')
  })

  it('refuses empty data', () => {
    expect(err(parseGs1(']C1', Y)).code).toBe('malformed')
    expect(err(parseGs1('', Y)).code).toBe('malformed')
  })
})

describe('parseGs1: every AI', () => {
  it('00 SSCC with check digit', () => {
    const v = ok(parseGs1('00106141411234567897', Y))
    expect(v.sscc).toBe('106141411234567897')
    expect(err(parseGs1('00106141411234567890', Y))).toMatchObject({ code: 'bad-check-digit', ai: '00' })
  })

  it('01 GTIN with check digit', () => {
    expect(ok(parseGs1('0110614141000415', Y)).gtin).toBe('10614141000415')
    const e = err(parseGs1('0110614141000416', Y))
    expect(e).toMatchObject({ code: 'bad-check-digit', ai: '01' })
    expect(e.message).toContain('10614141000416')
  })

  it('02 contained GTIN with 37 count, as on a pallet label', () => {
    const v = ok(parseGs1(`00106141411234567897` + `0210614141000415` + `3748${GS}10L1`, Y))
    expect(v).toMatchObject({
      sscc: '106141411234567897',
      contentGtin: '10614141000415',
      quantity: 48,
      lot: 'L1'
    })
    expect(err(parseGs1('0210614141000410', Y))).toMatchObject({ code: 'bad-check-digit', ai: '02' })
  })

  it('10 lot up to 20 characters', () => {
    expect(ok(parseGs1('10' + 'A'.repeat(20), Y)).lot).toBe('A'.repeat(20))
    expect(err(parseGs1('10' + 'A'.repeat(21), Y))).toMatchObject({ code: 'too-long', ai: '10' })
  })

  it('11 production date', () => {
    expect(ok(parseGs1('11250115', Y)).productionDate).toBe('2025-01-15')
    // Month only: the first day, so shelf life counted from it errs early.
    expect(ok(parseGs1('11250200', Y)).productionDate).toBe('2025-02-01')
  })

  it('15 best before, also used as expiry when there is no 17', () => {
    const v = ok(parseGs1('15270331', Y))
    expect(v.bestBefore).toBe('2027-03-31')
    expect(v.expiry).toBe('2027-03-31')
    expect(ok(parseGs1('1527033117270301', Y)).expiry).toBe('2027-03-01')
  })

  it('17 expiry with DD=00 means the last day of the month', () => {
    expect(ok(parseGs1('17260200', Y)).expiry).toBe('2026-02-28')
    expect(ok(parseGs1('17280200', Y)).expiry).toBe('2028-02-29')
    expect(ok(parseGs1('17261100', Y)).expiry).toBe('2026-11-30')
    expect(ok(parseGs1('17261200', Y)).expiry).toBe('2026-12-31')
    expect(ok(parseGs1('15260400', Y)).bestBefore).toBe('2026-04-30')
  })

  it('21 serial up to 20 characters', () => {
    expect(ok(parseGs1('21ABC/123-x', Y)).serial).toBe('ABC/123-x')
    expect(err(parseGs1('21' + '9'.repeat(21), Y))).toMatchObject({ code: 'too-long', ai: '21' })
  })

  it('30 variable count up to 8 digits, numeric', () => {
    expect(ok(parseGs1('3012345678', Y)).quantity).toBe(12345678)
    expect(err(parseGs1('30123456789', Y))).toMatchObject({ code: 'too-long', ai: '30' })
    expect(err(parseGs1('3012A', Y))).toMatchObject({ code: 'not-numeric', ai: '30' })
  })

  it('37 count up to 8 digits, numeric', () => {
    expect(ok(parseGs1('3700000024', Y)).quantity).toBe(24)
    expect(err(parseGs1('37x', Y))).toMatchObject({ code: 'not-numeric', ai: '37' })
  })

  it('310n net weight in kg with n decimals', () => {
    expect(ok(parseGs1('3100000012', Y)).netWeightKg).toBe(12)
    expect(ok(parseGs1('3103001250', Y)).netWeightKg).toBe(1.25)
    expect(ok(parseGs1('3105123456', Y)).netWeightKg).toBeCloseTo(1.23456, 10)
    expect(ok(parseGs1('3103001250', Y)).ais).toEqual({ '3103': '001250' })
    expect(err(parseGs1('310300125', Y))).toMatchObject({ code: 'too-short', ai: '3103' })
    expect(err(parseGs1('310300125X', Y))).toMatchObject({ code: 'not-numeric', ai: '3103' })
  })

  it('a weight needs no separator before the next AI', () => {
    const v = ok(parseGs1('0109506000134352' + '3102000750' + '17261231', Y))
    expect(v).toMatchObject({ netWeightKg: 7.5, expiry: '2026-12-31' })
  })
})

describe('parseGs1: errors', () => {
  it('names an unknown AI', () => {
    const e = err(parseGs1('0109506000134352' + '3922' + '0299', Y))
    expect(e).toMatchObject({ code: 'unknown-ai', ai: '3922' })
    expect(e.message).toContain('3922')
    expect(err(parseGs1('(01)09506000134352(99)XYZ', Y))).toMatchObject({ code: 'unknown-ai', ai: '99' })
    expect(err(parseGs1('0109506000134352' + '91ABC', Y))).toMatchObject({ code: 'unknown-ai', ai: '91' })
    expect(err(parseGs1('0109506000134352' + '7003' + '2512311200', Y))).toMatchObject({ ai: '7003' })
  })

  it.each([
    ['17261301', 'month 13'],
    ['17260230', '30 February'],
    ['17250229', '29 February in a common year'],
    ['17260431', '31 April'],
    ['11260000', 'month 00'],
    ['1726123', 'too short']
  ])('rejects the date %s (%s)', (s) => {
    const e = err(parseGs1(s, Y))
    expect(['bad-date', 'too-short']).toContain(e.code)
    expect(e.ai).toBe(s.slice(0, 2))
  })

  it('a fixed-length field cut short by GS is reported as such', () => {
    expect(err(parseGs1(`01095060001343${GS}10A`, Y))).toMatchObject({ code: 'too-short', ai: '01' })
  })

  it('a fixed-length field with letters is not numeric', () => {
    expect(err(parseGs1('0109506000I34352', Y))).toMatchObject({ code: 'not-numeric', ai: '01' })
  })

  it('a bracket field of the wrong length', () => {
    expect(err(parseGs1('(01)0950600013435', Y))).toMatchObject({ code: 'too-short', ai: '01' })
    expect(err(parseGs1('(17)2612311', Y))).toMatchObject({ code: 'too-long', ai: '17' })
  })

  it('an empty variable field', () => {
    expect(err(parseGs1(`10${GS}21A`, Y))).toMatchObject({ code: 'too-short', ai: '10' })
  })

  it('the same AI twice with different values', () => {
    expect(err(parseGs1(`10A${GS}10B`, Y))).toMatchObject({ code: 'conflicting-ai', ai: '10' })
    expect(ok(parseGs1(`10A${GS}10A`, Y)).lot).toBe('A')
  })

  it('text that is not an AI', () => {
    expect(err(parseGs1('HELLO', Y)).code).toBe('malformed')
    expect(err(parseGs1('(AB)12', Y)).code).toBe('malformed')
  })

  it('control characters inside a lot', () => {
    expect(err(parseGs1('10AB\x07C', Y))).toMatchObject({ code: 'malformed', ai: '10' })
  })

  it('messages are plain sentences without codes a worker cannot act on', () => {
    const e = err(parseGs1('17261301', Y))
    expect(e.message).toMatch(/expiry date/)
    expect(e.message).not.toMatch(/undefined|NaN|\[object/)
  })
})

describe('dates', () => {
  it('resolves the century with the GS1 sliding window', () => {
    expect(resolveGs1Year(25, 2025)).toBe(2025)
    expect(resolveGs1Year(75, 2025)).toBe(2075)
    expect(resolveGs1Year(76, 2025)).toBe(1976)
    expect(resolveGs1Year(99, 2025)).toBe(1999)
    expect(resolveGs1Year(0, 2025)).toBe(2000)
    expect(resolveGs1Year(2, 2098)).toBe(2102)
  })

  it('knows leap years, including centuries', () => {
    expect(gs1DateToIso('000229', 2025)).toBe('2000-02-29')
    expect(gs1DateToIso('040229', 2025)).toBe('2004-02-29')
    // With 2060 as reference, 00 is 2100, which is not a leap year.
    expect(gs1DateToIso('000229', 2060)).toBeNull()
  })
})

describe('formatGs1', () => {
  it('puts GS only after variable-length fields that are not last', () => {
    const s = formatGs1([
      ['01', '09506000134352'],
      ['10', 'ABC'],
      ['17', '261231'],
      ['21', 'S1']
    ])
    expect(s).toBe(`0109506000134352` + `10ABC${GS}` + `17261231` + `21S1`)
  })

  it('writes the bracket form', () => {
    expect(
      formatGs1(
        [
          ['01', '09506000134352'],
          ['10', 'ABC']
        ],
        { brackets: true }
      )
    ).toBe('(01)09506000134352(10)ABC')
  })

  it('refuses an unknown AI', () => {
    expect(() => formatGs1([['99', 'X']])).toThrow(RangeError)
  })
})

describe('round trip (property)', () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max })
  // GS1's character set 82, without '(' so the bracket form stays unambiguous.
  const text = fc.string({
    unit: fc.constantFrom(
      ...`!"%&')*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`
    ),
    minLength: 1,
    maxLength: 20
  })
  const REF = 2025
  const date = fc
    .record({
      year: fc.integer({ min: REF - 49, max: REF + 50 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 })
    })
    .map(({ year, month, day }) => {
      const p2 = (n: number) => String(n).padStart(2, '0')
      return { raw: p2(year % 100) + p2(month) + p2(day), iso: `${year}-${p2(month)}-${p2(day)}` }
    })

  const label = fc.record(
    {
      gtin: digits(13, 13).map(withCheckDigit),
      lot: text,
      serial: text,
      expiry: date,
      production: date,
      count: digits(1, 8),
      weight: fc.record({ n: fc.integer({ min: 0, max: 5 }), v: digits(6, 6) })
    },
    { requiredKeys: ['gtin'] }
  )

  it('a GS1 string built from random AI values parses back to the same values', () => {
    fc.assert(
      fc.property(
        label,
        fc.boolean(),
        fc.constantFrom('', ']C1', ']d2', ']Q3', ']e0', GS),
        fc.boolean(),
        fc.nat(),
        (l, brackets, prefix, gsAfterFixed, shuffle) => {
          const elements: [string, string][] = [['01', l.gtin]]
          if (l.lot !== undefined) elements.push(['10', l.lot])
          if (l.serial !== undefined) elements.push(['21', l.serial])
          if (l.expiry !== undefined) elements.push(['17', l.expiry.raw])
          if (l.production !== undefined) elements.push(['11', l.production.raw])
          if (l.count !== undefined) elements.push(['30', l.count])
          if (l.weight !== undefined) elements.push([`310${l.weight.n}`, l.weight.v])
          // Order is free in GS1; rotate to move variable-length fields around.
          const k = shuffle % elements.length
          const ordered = [...elements.slice(k), ...elements.slice(0, k)]

          // Built here by the rules, not with formatGs1, so the test checks the parser
          // against the specification rather than against itself.
          let s: string
          if (brackets) {
            s = ordered.map(([ai, v]) => `(${ai})${v}`).join('')
          } else {
            s = prefix
            ordered.forEach(([ai, v], i) => {
              const variable = ai === '10' || ai === '21' || ai === '30'
              s += ai + v
              if (i < ordered.length - 1 && (variable || gsAfterFixed)) s += GS
            })
          }

          const v = ok(parseGs1(s, { referenceYear: REF }))
          expect(v.ais).toEqual(Object.fromEntries(elements))
          expect(v.gtin).toBe(l.gtin)
          expect(v.lot).toBe(l.lot)
          expect(v.serial).toBe(l.serial)
          expect(v.expiry).toBe(l.expiry?.iso)
          expect(v.productionDate).toBe(l.production?.iso)
          expect(v.quantity).toBe(l.count === undefined ? undefined : Number(l.count))
          if (l.weight !== undefined) {
            expect(v.netWeightKg).toBeCloseTo(Number(l.weight.v) / 10 ** l.weight.n, 9)
          } else {
            expect(v.netWeightKg).toBeUndefined()
          }
          if (!brackets && !gsAfterFixed) expect(formatGs1(ordered)).toBe(s.slice(prefix.length))
        }
      ),
      { seed: 424242, numRuns: 1000 }
    )
  })
})
