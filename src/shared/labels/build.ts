import type { Item, Location } from '../model/records'
import { hasValidCheckDigit } from '../scan/gtin'
import { CODE128_TEXT, type Barcode, type Label } from './label'

/** The item's GTIN (GTIN-14, as the replica keys it), when one of its codes is one. */
export function gtinOf(item: Pick<Item, 'codes'>): string | undefined {
  return item.codes.find((c) => /^[0-9]{14}$/.test(c) && hasValidCheckDigit(c))
}

/** A GTIN's own barcode: EAN-13 where it fits in 13 digits (GTIN-13, UPC-A, GTIN-8), else GS1-128 with AI (01). */
export function gtinBarcode(gtin14: string): Barcode {
  return gtin14.startsWith('0')
    ? { symbology: 'ean13', data: gtin14.slice(1) }
    : { symbology: 'gs1-128', data: `(01)${gtin14}` }
}

/** Whether a code can be printed as Code 128 by Stockroom (printable ASCII, at most 48 characters, no ^ or ~). */
export const printableCode = (code: string): boolean => CODE128_TEXT.test(code)

/** The words under an item's name: its SKU, else the vendor's id for it. */
function itemLine(item: Pick<Item, 'sku' | 'vendorId'>): string {
  return item.sku.trim() !== '' ? `SKU ${item.sku}` : `ID ${item.vendorId}`
}

/**
 * An item's label: its GTIN when it has one, else `code` — the code linked to it
 * on this PC or one Stockroom made for it (see made-code.ts) — as Code 128.
 */
export function itemLabel(item: Pick<Item, 'name' | 'sku' | 'vendorId' | 'codes'>, code?: string): Label {
  const gtin = gtinOf(item)
  const barcode: Barcode | undefined = gtin
    ? gtinBarcode(gtin)
    : code !== undefined && printableCode(code)
      ? { symbology: 'code128', data: code }
      : undefined
  if (!barcode) throw new LabelError(`${item.name} has no code that can be printed.`)
  return { kind: 'item', barcode, title: clip(item.name), lines: [clip(itemLine(item))] }
}

/**
 * What a location's label carries: the first of its code, name and vendor id that
 * a barcode can hold — the same three a location scan on the Count screen reads
 * (`locationLabels`), so the label always starts or moves a count there.
 */
export function locationCode(location: Pick<Location, 'code' | 'name' | 'vendorId'>): string | undefined {
  return [location.code, location.name, location.vendorId]
    .map((c) => c?.trim())
    .find((c): c is string => c !== undefined && c !== '' && printableCode(c))
}

/** A location's label; `where` names its parents ("Main DC › Ambient"). */
export function locationLabel(
  location: Pick<Location, 'code' | 'name' | 'vendorId' | 'kind'>,
  where?: string
): Label {
  const code = locationCode(location)
  if (code === undefined)
    throw new LabelError(
      `${location.name} has no code, name or id a barcode can hold (letters, digits and punctuation, at most 48).`
    )
  const kind =
    location.kind === 'location' ? 'Location' : location.kind[0]!.toUpperCase() + location.kind.slice(1)
  return {
    kind: 'location',
    barcode: { symbology: 'code128', data: code },
    title: clip(location.name),
    lines: [clip(where ? `${kind} in ${where}` : kind)]
  }
}

export interface Receipt {
  /** GTIN-14 (AI 01). */
  gtin: string
  /** AI 10, at most 20 characters. */
  batch?: string
  /** AI 17, ISO date `yyyy-mm-dd`. */
  expiry?: string
  /** AI 21, at most 20 characters. */
  serial?: string
}

/** Characters GS1 allows in batch and serial numbers (GS1 AI encodable character set 82), brackets aside. */
const GS1_TEXT = /^[!"%&'*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/

/**
 * A received lot's label: GS1-128 with (01) GTIN, (17) expiry, (10) batch and
 * (21) serial — fixed-length elements first, so only one separator is needed.
 */
export function receiptLabel(item: Pick<Item, 'name' | 'sku' | 'vendorId'>, r: Receipt): Label {
  if (!/^[0-9]{14}$/.test(r.gtin) || !hasValidCheckDigit(r.gtin))
    throw new LabelError(
      `${item.name} has no GTIN, so a GS1 receipt label cannot name it. Print its item label instead.`
    )
  for (const [what, value] of [
    ['batch', r.batch],
    ['serial number', r.serial]
  ] as const)
    if (value !== undefined && !GS1_TEXT.test(value))
      throw new LabelError(
        `The ${what} "${value}" cannot go in a GS1 barcode: at most 20 letters, digits or ! " % & ' * + , - . / : ; < = > ? _`
      )
  let data = `(01)${r.gtin}`
  if (r.expiry !== undefined) {
    const m = /^[0-9]{2}([0-9]{2})-([0-9]{2})-([0-9]{2})$/.exec(r.expiry)
    if (!m) throw new LabelError(`The expiry "${r.expiry}" is not a date (yyyy-mm-dd).`)
    data += `(17)${m[1]}${m[2]}${m[3]}`
  }
  if (r.batch !== undefined) data += `(10)${r.batch}`
  if (r.serial !== undefined) data += `(21)${r.serial}`
  const lines = [
    [r.batch && `Lot ${r.batch}`, r.expiry && `Exp ${r.expiry}`].filter(Boolean).join('  '),
    r.serial ? `Serial ${r.serial}` : itemLine(item)
  ].filter((l) => l !== '')
  return { kind: 'receipt', barcode: { symbology: 'gs1-128', data }, title: clip(item.name), lines }
}

/** A label for the printer's test print: says what it is and when. */
export function testLabel(printerName: string, at: string): Label {
  return {
    kind: 'test',
    barcode: { symbology: 'code128', data: 'STOCKROOM TEST' },
    title: 'Stockroom test print',
    lines: [clip(printerName), at.slice(0, 16).replace('T', ' ')]
  }
}

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s)

/** A label that cannot be made, in plain words. */
export class LabelError extends Error {}
