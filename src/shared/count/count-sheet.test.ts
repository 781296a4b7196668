import { describe, expect, it } from 'vitest'
import { readCsv } from '../csv/csv'
import { countSheetCsv, sheetFilename, SHEET_COLUMNS, type SheetRow } from './count-sheet'

const row: SheetRow = {
  vendorId: 'inv_3k2a',
  ref: 'inv_3k2a',
  name: '=HYPERLINK("http://x","Ball Bearing 608-2RS")',
  detail: 'Hardware Shelf · 0.52 each',
  lot: '',
  locationCode: 'Hardware Shelf',
  locationName: 'Hardware Shelf',
  unit: 'ea',
  expected: 1916,
  counted: 2,
  difference: -1914,
  countedBy: '@ana',
  countedAt: '2026-12-07T09:15:00.000Z'
}

describe('a count sheet', () => {
  it('is UTF-8 with a byte-order mark, one row per record, formulas kept as text', () => {
    const csv = countSheetCsv([row, { ...row, vendorId: 'inv_9x', name: 'Ø 12 mm — Stahl', difference: 0 }])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const read = readCsv(csv)
    expect(read.ok && read.rows[0]).toEqual([...SHEET_COLUMNS])
    expect(read.ok && read.rows[1]).toEqual([
      'inv_3k2a',
      'inv_3k2a',
      `'=HYPERLINK("http://x","Ball Bearing 608-2RS")`,
      'Hardware Shelf · 0.52 each',
      '',
      'Hardware Shelf',
      'Hardware Shelf',
      'ea',
      '1916',
      '2',
      '-1914',
      "'@ana",
      '2026-12-07T09:15:00.000Z'
    ])
    expect(read.ok && read.rows[2]![2]).toBe('Ø 12 mm — Stahl')
  })

  it('has a short plain file name', () => {
    expect(sheetFilename('Kitchen Figgro (Figgro has no locations)', '2026-12-07T09:15:31.000Z')).toBe(
      'count-kitchen-figgro-figgro-ha-2026-12-07-0915.csv'
    )
    expect(sheetFilename('WHOLE-STOCK', '2026-12-07T09:15:31.000Z')).toBe(
      'count-whole-stock-2026-12-07-0915.csv'
    )
  })
})
