import { describe, expect, it } from 'vitest'
import { parseScan } from '../scan'
import { gtinBarcode, itemLabel, LabelError, locationCode, locationLabel, receiptLabel } from './build'
import { labelSchema } from './label'
import { madeCodeCandidate, makeCode, MADE_CODE } from './made-code'

const item = { name: 'Hex bolt', sku: 'HB-1', vendorId: '7', codes: [] as string[] }

describe('item labels', () => {
  it('print a GTIN as EAN-13 where it fits and as GS1-128 (01) where it does not', () => {
    expect(gtinBarcode('05901234123457')).toEqual({ symbology: 'ean13', data: '5901234123457' })
    expect(gtinBarcode('15901234123454')).toEqual({ symbology: 'gs1-128', data: '(01)15901234123454' })
    expect(itemLabel({ ...item, codes: ['HB-1', '05901234123457'] }, 'SRXXXXXXXX').barcode.symbology).toBe(
      'ean13'
    )
  })

  it('carry the given code as Code 128 when the item has no GTIN, with the SKU or the vendor id in text', () => {
    expect(itemLabel(item, 'SR12345678')).toEqual({
      kind: 'item',
      barcode: { symbology: 'code128', data: 'SR12345678' },
      title: 'Hex bolt',
      lines: ['SKU HB-1']
    })
    expect(itemLabel({ ...item, sku: '' }, 'SR12345678').lines).toEqual(['ID 7'])
    expect(() => itemLabel(item)).toThrow(LabelError)
    expect(() => itemLabel(item, 'bad^code')).toThrow(/no code that can be printed/)
  })
})

describe('made codes', () => {
  it('are the same for the same item, differ between items, never read as a GTIN and pass as plain scans', () => {
    const a = madeCodeCandidate('c1:item:1', 0)
    expect(madeCodeCandidate('c1:item:1', 0)).toBe(a)
    expect(madeCodeCandidate('c1:item:2', 0)).not.toBe(a)
    expect(madeCodeCandidate('c1:item:1', 1)).not.toBe(a)
    const codes = new Set(Array.from({ length: 5000 }, (_, i) => madeCodeCandidate(`c1:item:${i}`, 0)))
    expect(codes.size).toBe(5000)
    for (const c of [...codes].slice(0, 200)) {
      expect(c).toMatch(MADE_CODE)
      const scan = parseScan(c)
      expect(scan.ok && scan.kind).toBe('plain')
      expect(scan.ok && scan.keys).toEqual([c])
    }
  })

  it('skip every code already known', async () => {
    const taken = new Set([madeCodeCandidate('k', 0), madeCodeCandidate('k', 1)])
    expect(await makeCode('k', (c) => taken.has(c))).toBe(madeCodeCandidate('k', 2))
    await expect(makeCode('k', () => true, 3)).rejects.toThrow(/No free code/)
  })
})

describe('location labels', () => {
  it('carry the code, else the name, else the vendor id: whichever a barcode can hold', () => {
    expect(locationCode({ code: 'B-01-02', name: 'Bin 2', vendorId: 'b2' })).toBe('B-01-02')
    expect(locationCode({ name: 'Plate Rack A', vendorId: 'x' })).toBe('Plate Rack A')
    expect(locationCode({ name: 'Kühlraum', vendorId: 'cold-1' })).toBe('cold-1')
    expect(
      locationLabel({ name: 'Bin 2', vendorId: 'b2', code: 'B2', kind: 'bin' }, 'Main › Ambient')
    ).toEqual({
      kind: 'location',
      barcode: { symbology: 'code128', data: 'B2' },
      title: 'Bin 2',
      lines: ['Bin in Main › Ambient']
    })
    expect(() => locationLabel({ name: 'Kühlraum', vendorId: 'ü', kind: 'zone' })).toThrow(
      /no code, name or id/
    )
  })
})

describe('receipt labels', () => {
  it('hold (01) GTIN, (17) expiry, (10) batch and (21) serial, fixed-length first, and parse back', () => {
    const label = receiptLabel(item, {
      gtin: '05901234123457',
      batch: 'L-26/11',
      expiry: '2027-03-31',
      serial: 'SN1'
    })
    expect(label.barcode).toEqual({
      symbology: 'gs1-128',
      data: '(01)05901234123457(17)270331(10)L-26/11(21)SN1'
    })
    expect(labelSchema.parse(label)).toEqual(label)
    const scan = parseScan(label.barcode.data)
    expect(scan.ok && scan.kind === 'gs1' && scan.gs1).toMatchObject({
      gtin: '05901234123457',
      lot: 'L-26/11',
      expiry: '2027-03-31',
      serial: 'SN1'
    })
    expect(label.lines).toEqual(['Lot L-26/11  Exp 2027-03-31', 'Serial SN1'])
  })

  it('are refused in words without a GTIN, or with a batch a GS1 barcode cannot hold', () => {
    expect(() => receiptLabel(item, { gtin: '' })).toThrow(/has no GTIN/)
    expect(() => receiptLabel(item, { gtin: '05901234123457', batch: 'lot (a)' })).toThrow(
      /cannot go in a GS1 barcode/
    )
    expect(() => receiptLabel(item, { gtin: '05901234123457', batch: 'X'.repeat(21) })).toThrow(/at most 20/)
    expect(() => receiptLabel(item, { gtin: '05901234123457', expiry: '31/03/2027' })).toThrow(/not a date/)
  })
})
