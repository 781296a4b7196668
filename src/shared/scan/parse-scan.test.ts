import { describe, expect, it } from 'vitest'
import { GS } from './gs1'
import { codeKeys } from './gtin'
import { parseScan, type ScanResult } from './parse-scan'

const Y = { referenceYear: 2025 }

function ok(r: ScanResult) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r
}
function err(r: ScanResult) {
  if (r.ok) throw new Error(`expected an error, got ${r.kind}`)
  return r.error
}

describe('parseScan: GTINs', () => {
  it.each([
    ['4006381333931', '04006381333931'],
    ['036000291452', '00036000291452'],
    ['0036000291452', '00036000291452'],
    ['96385074', '00000096385074'],
    ['10614141000415', '10614141000415']
  ])('%s is a GTIN keyed %s', (code, key) => {
    const r = ok(parseScan(code))
    expect(r.kind).toBe('gtin')
    expect(r.keys).toEqual([key])
    expect(r.code).toBe(code)
    expect(r.raw).toBe(code)
  })

  it('UPC-A and EAN-13 scans give the keys items are stored under', () => {
    expect(ok(parseScan('036000291452')).keys).toEqual(codeKeys('0036000291452'))
    expect(ok(parseScan('0036000291452')).keys).toEqual(codeKeys('036000291452'))
  })

  it.each(['4006381333932', '036000291453', '96385075', '10614141000416'])(
    'a wrong check digit in %s is an error, not a plain code',
    (code) => {
      const e = err(parseScan(code))
      expect(e.code).toBe('bad-check-digit')
      expect(e.message).toContain(code)
    }
  )

  it('UPC-E without expansion is found under its UPC-A', () => {
    const r = ok(parseScan('04252614'))
    expect(r).toMatchObject({ kind: 'gtin', gtin: '00042100005264', keys: ['00042100005264'] })
  })

  it(']E4 (EAN-8) rules out the UPC-E reading', () => {
    expect(ok(parseScan(']E401234565')).keys).toEqual(['00000001234565'])
    expect(ok(parseScan('01234565')).keys).toEqual(['00000001234565', '00012345000065'])
    expect(err(parseScan(']E404252614')).code).toBe('bad-check-digit')
  })

  it(']E0 EAN-13 from a scanner that sends symbology identifiers', () => {
    expect(ok(parseScan(']E04006381333931'))).toMatchObject({
      kind: 'gtin',
      symbology: ']E0',
      code: '4006381333931',
      keys: ['04006381333931']
    })
  })
})

describe('parseScan: cleaning', () => {
  it.each(['\r', '\n', '\r\n', '\t', '\n\n'])('strips a trailing terminator %j', (t) => {
    expect(ok(parseScan(`4006381333931${t}`)).code).toBe('4006381333931')
  })

  it('strips the longest configured prefix', () => {
    const r = ok(parseScan('§§4006381333931\r', { prefixes: ['§', '§§'] }))
    expect(r.code).toBe('4006381333931')
    expect(ok(parseScan('~SKU-1', { prefixes: ['~'] }))).toMatchObject({ kind: 'plain', keys: ['SKU-1'] })
  })

  it('a prefix before the symbology identifier', () => {
    expect(ok(parseScan('~]C10109506000134352', { prefixes: ['~'] })).kind).toBe('gs1')
  })

  it.each(['', '\r', '   ', ']C1', '~\n'])('nothing left is an error: %j', (raw) => {
    expect(err(parseScan(raw, { prefixes: ['~'] })).code).toBe('empty')
  })
})

describe('parseScan: GS1', () => {
  it('symbology identifier', () => {
    const r = ok(parseScan(`]C1010950600013435217261231` + `10ABC\r`, Y))
    if (r.kind !== 'gs1') throw new Error(r.kind)
    expect(r.gs1).toMatchObject({ gtin: '09506000134352', expiry: '2026-12-31', lot: 'ABC' })
    expect(r.keys).toEqual(['09506000134352'])
    expect(r.symbology).toBe(']C1')
  })

  it('a GS anywhere', () => {
    const r = ok(parseScan(`10LOT1${GS}0109506000134352`, Y))
    expect(r).toMatchObject({ kind: 'gs1', keys: ['09506000134352'] })
  })

  it('bracket form', () => {
    expect(ok(parseScan('(01)09506000134352(17)261231(10)ABC', Y)).kind).toBe('gs1')
  })

  it('starts with 01 and is longer than a GTIN: a scanner that drops FNC1', () => {
    const r = ok(parseScan('0109506000134352' + '17261231' + '10ABC', Y))
    expect(r).toMatchObject({ kind: 'gs1', keys: ['09506000134352'] })
    expect(ok(parseScan('0109506000134352', Y)).kind).toBe('gs1')
  })

  it('a GS1 UPC-A key equals the plain UPC-A key', () => {
    expect(ok(parseScan('0100036000291452' + '10X', Y)).keys).toEqual(ok(parseScan('036000291452')).keys)
  })

  it('pallet label: the contents are the item, SSCC alone is its own key', () => {
    expect(ok(parseScan(`]C100106141411234567897` + `0210614141000415` + `3712`, Y)).keys).toEqual([
      '10614141000415'
    ])
    expect(ok(parseScan(`]C100106141411234567897`, Y)).keys).toEqual(['106141411234567897'])
    expect(ok(parseScan(`]C110ABC`, Y)).keys).toEqual([])
  })

  it('GS1 errors come through with their code', () => {
    expect(err(parseScan(']C10109506000134353', Y)).code).toBe('bad-check-digit')
    expect(err(parseScan(']C10109506000134352' + '17261340', Y)).code).toBe('bad-date')
    expect(err(parseScan(']C10109506000134352' + '3922' + '0299', Y))).toMatchObject({
      code: 'unknown-ai',
      ai: '3922'
    })
  })

  it('a bare (01) element string whose GTIN has a wrong check digit is a misread, not a plain code', () => {
    expect(err(parseScan('0109501101530004', Y)).code).toBe('bad-check-digit')
    expect(err(parseScan('0109506000134353' + '17261231' + '10ABC', Y)).code).toBe('bad-check-digit')
  })

  it('long codes starting with 01 whose embedded GTIN is not valid are plain codes', () => {
    expect(ok(parseScan('0112345678901234567'))).toMatchObject({ kind: 'plain' })
    expect(ok(parseScan('01AB-778'))).toMatchObject({ kind: 'plain', keys: ['01AB-778'] })
  })
})

describe('parseScan: plain codes', () => {
  it.each([
    ['SKU-001', 'SKU-001'],
    ['abc 12', 'ABC 12'],
    ['12345', '12345'],
    ['A', 'A'],
    ['123456789012345678901', '123456789012345678901']
  ])('%s is a plain code keyed %s', (code, key) => {
    expect(ok(parseScan(code))).toMatchObject({ kind: 'plain', keys: [key], code })
  })

  it('up to 64 characters', () => {
    expect(ok(parseScan('X'.repeat(64))).kind).toBe('plain')
    expect(err(parseScan('X'.repeat(65))).code).toBe('too-long')
    expect(ok(parseScan('X'.repeat(80), { maxPlainLength: 80 })).kind).toBe('plain')
  })

  it('control characters inside are an error', () => {
    expect(err(parseScan('AB\tCD')).code).toBe('control-characters')
    expect(err(parseScan('AB\x1bCD')).code).toBe('control-characters')
  })

  it('non-ASCII letters point at the keyboard layout', () => {
    const e = err(parseScan('SKU-ä1'))
    expect(e.code).toBe('non-ascii')
    expect(e.message).toMatch(/keyboard/)
  })

  it('keeps the raw input on errors too', () => {
    const r = parseScan('4006381333932\r')
    expect(r.raw).toBe('4006381333932\r')
  })
})
