import { writeCsv, type CsvCell } from '../csv/csv'

/**
 * A count sheet: what a person keys into a vendor that takes no stock writes.
 * One row per vendor record counted (item × lot) with everything needed to find
 * that record without guessing: the vendor's id, the SKU or part number, name
 * and the detail that tells look-alikes apart, the place, the unit, expected,
 * counted and the difference, who counted and when.
 */
export interface SheetRow {
  vendorId: string
  ref: string
  name: string
  detail: string
  lot: string
  locationCode: string
  locationName: string
  unit: string
  expected: number
  counted: number
  difference: number
  countedBy: string
  countedAt: string
}

export const SHEET_COLUMNS = [
  'vendor id',
  'SKU or part number',
  'name',
  'detail',
  'lot',
  'location code',
  'location',
  'unit',
  'expected',
  'counted',
  'difference',
  'counted by',
  'counted at'
] as const

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
 * return before one) is kept as text with a leading apostrophe. Numbers stay numbers.
 */
export function guardCell(v: CsvCell): CsvCell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

/** The sheet as a file: UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), CRLF lines. */
export function countSheetCsv(rows: readonly SheetRow[]): string {
  const body: CsvCell[][] = [
    [...SHEET_COLUMNS],
    ...rows.map((r) =>
      [
        r.vendorId,
        r.ref,
        r.name,
        r.detail,
        r.lot,
        r.locationCode,
        r.locationName,
        r.unit,
        r.expected,
        r.counted,
        r.difference,
        r.countedBy,
        r.countedAt
      ].map(guardCell)
    )
  ]
  return `\uFEFF${writeCsv(body)}`
}

/** "count-whole-stock-2026-12-07-0915.csv": short, plain letters, digits and hyphens. */
export function sheetFilename(place: string, at: string): string {
  const slug =
    place
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24)
      .replace(/-+$/, '') || 'location'
  const stamp = at.slice(0, 16).replace('T', '-').replace(':', '')
  return `count-${slug}-${stamp}.csv`
}
