/**
 * The single entry point for anything scanned (or typed into the scan box): decides
 * whether it is a GTIN, a GS1 element string or a plain code, validates it, and
 * returns the keys to look it up by in the `items.*codes` index.
 */
import { codeKeys, gtinKeys, isGtinLength } from './gtin'
import { GS, GS1_SYMBOLOGY_IDS, hasControlChar, parseGs1, type Gs1Data, type Gs1Options } from './gs1'
import { scanError, type ScanError } from './scan-error'

export type ScanKind = 'gtin' | 'gs1' | 'plain'

interface ScanOk {
  ok: true
  /** Exactly what was passed in, for the scan log and for "unknown code" screens. */
  raw: string
  /** The code after removing prefixes, Enter/Tab and the symbology identifier. */
  code: string
  /**
   * Keys to look the scan up by (see `codeKeys`); more than one when the code has
   * more than one reading (an 8-digit EAN-8 that is also a valid UPC-E). Empty for a
   * GS1 label that names no product and no SSCC (e.g. only a lot).
   */
  keys: string[]
  /** AIM symbology identifier (e.g. `]E0`, `]C1`) when the scanner sent one. */
  symbology?: string
}

export type ScanResult =
  | (ScanOk & { kind: 'gtin'; /** GTIN-14 of the first reading. */ gtin: string })
  | (ScanOk & { kind: 'gs1'; gs1: Gs1Data })
  | (ScanOk & { kind: 'plain' })
  | { ok: false; error: ScanError; raw: string }

export interface ParseScanOptions {
  /** Prefixes the scanners are configured to send; the longest that matches is removed. */
  prefixes?: string[]
  /** See {@link Gs1Options.referenceYear}. */
  referenceYear?: Gs1Options['referenceYear']
  /** Longest plain code accepted (default 64). */
  maxPlainLength?: number
}

const DIGITS = /^[0-9]+$/
/** An element string with FNC1 stripped and no symbology identifier: only recognisable by its start. */
const BARE_GS1 = /^(0[12][0-9]{14}|00[0-9]{18})/
const BRACKET_GS1 = /^\([0-9]{2,4}\)/
const SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]/

/** The string parses as a GS1 element string once its leading GTIN/SSCC's check digit is put right. */
function readsAsGs1Apart(s: string): boolean {
  const width = s.startsWith('00') ? 20 : 16
  const head = s.slice(0, width - 1)
  for (let d = 0; d <= 9; d++) if (parseGs1(`${head}${d}${s.slice(width)}`).ok) return true
  return false
}

function fail(raw: string, error: ScanError): ScanResult {
  return { ok: false, error, raw }
}

function stripPrefix(s: string, prefixes: readonly string[] | undefined): string {
  let best = ''
  for (const p of prefixes ?? []) if (p !== '' && s.startsWith(p) && p.length > best.length) best = p
  return s.slice(best.length)
}

function firstNonAscii(s: string): string | undefined {
  for (const ch of s) if (ch.charCodeAt(0) > 0x7e) return ch
  return undefined
}

/**
 * Parses one scan.
 *
 * Decision order, after removing a trailing Enter/Tab/CR/LF, surrounding spaces, a
 * configured prefix and an AIM symbology identifier:
 * 1. GS1 symbology identifier (`]C1`, `]e0`, `]d2`, `]Q3`, `]J1`), a GS character,
 *    or a leading `(nn)` → GS1 element string.
 * 2. All digits, 8/12/13/14 long → GTIN. A wrong check digit is an error, never a
 *    plain code: a misread must not match some other item.
 * 3. Starts with `01`/`02` + 14 digits (or `00` + 18) and is longer → a GS1 string
 *    from a scanner that drops FNC1 and sends no symbology identifier — but only when
 *    that GTIN/SSCC has a valid check digit. When only that check digit is wrong and the
 *    rest reads as GS1 element by element (`0109501101530004`), it is refused as a misread;
 *    otherwise it is taken as a plain code, because long internal numbers starting with `01` exist too.
 * 4. Otherwise a plain code: printable ASCII, 1…64 characters.
 */
export function parseScan(raw: string, opts: ParseScanOptions = {}): ScanResult {
  let s = raw.replace(/[\r\n\t]+$/, '').trim()
  s = stripPrefix(s, opts.prefixes).trim()

  let symbology: string | undefined
  if (SYMBOLOGY_ID.test(s)) {
    symbology = s.slice(0, 3)
    s = s.slice(3)
  }
  if (s === '') {
    return fail(raw, scanError('empty', 'Nothing was read from the barcode. Scan again.'))
  }
  const extra = symbology === undefined ? {} : { symbology }

  const asGs1 = (): ScanResult => {
    const r = parseGs1(s, opts.referenceYear === undefined ? {} : { referenceYear: opts.referenceYear })
    if (!r.ok) return fail(raw, r.error)
    const product = r.value.gtin ?? r.value.contentGtin
    const keys = product !== undefined ? [product] : r.value.sscc !== undefined ? codeKeys(r.value.sscc) : []
    return { ok: true, kind: 'gs1', raw, code: s, keys, gs1: r.value, ...extra }
  }

  if ((symbology !== undefined && GS1_SYMBOLOGY_IDS.includes(symbology)) || s.includes(GS)) return asGs1()
  if (BRACKET_GS1.test(s)) return asGs1()

  if (DIGITS.test(s) && isGtinLength(s.length)) {
    // ]E4 is EAN-8; only without it might 8 digits be a UPC-E.
    const keys = gtinKeys(s, { upcE: symbology !== ']E4' })
    const gtin = keys[0]
    if (gtin === undefined) {
      return fail(
        raw,
        scanError(
          'bad-check-digit',
          `The check digit of ${s} is wrong, so it was not used. The label may be damaged or the number ` +
            'mistyped: scan again, or type the number printed under the barcode.'
        )
      )
    }
    return { ok: true, kind: 'gtin', raw, code: s, keys, gtin, ...extra }
  }

  if (s.length > 14 && BARE_GS1.test(s)) {
    const first = parseGs1(s.slice(0, s.startsWith('00') ? 20 : 16))
    if (first.ok) return asGs1()
    // The whole string reads as GS1 but for the GTIN's check digit: a misread of a GS1 label,
    // refused as one (an internal number starting with 01 rarely also parses element by element).
    const whole = parseGs1(s)
    if (!whole.ok && whole.error.code === 'bad-check-digit' && readsAsGs1Apart(s))
      return fail(raw, whole.error)
  }

  if (hasControlChar(s)) {
    return fail(
      raw,
      scanError(
        'control-characters',
        'The scan contained Tab, Escape or another control key in the middle of the code. ' +
          "Check the scanner's prefix and suffix settings, then scan again."
      )
    )
  }
  const odd = firstNonAscii(s)
  if (odd !== undefined) {
    return fail(
      raw,
      scanError(
        'non-ascii',
        `The scan contains "${odd}", which a barcode does not hold. Usually the scanner is set to a ` +
          "different keyboard language than this PC: set the scanner's keyboard country to match."
      )
    )
  }
  const max = opts.maxPlainLength ?? 64
  if (s.length > max) {
    return fail(
      raw,
      scanError('too-long', `The code is too long (${s.length} characters, at most ${max}). Scan again.`)
    )
  }
  return { ok: true, kind: 'plain', raw, code: s, keys: codeKeys(s), ...extra }
}
