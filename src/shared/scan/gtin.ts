/**
 * GTIN check digits, canonical keys and the normalised code keys that items are
 * indexed under (`items.*codes`, a Dexie multi-entry index).
 *
 * One physical product can reach us as UPC-A (12 digits), EAN-13 with a leading
 * zero, GTIN-14 with two leading zeros, or — from a vendor — with spaces in it. All
 * of them must land on one key, or a scan silently finds nothing.
 */

export type GtinLength = 8 | 12 | 13 | 14

export const GTIN_LENGTHS: readonly GtinLength[] = [8, 12, 13, 14]

const DIGITS = /^[0-9]+$/

export function isGtinLength(n: number): n is GtinLength {
  return n === 8 || n === 12 || n === 13 || n === 14
}

/**
 * GS1 mod-10 check digit for `body` (all digits, without its check digit).
 *
 * Weights run 3,1,3,… from the rightmost body digit, which is what lets one function
 * serve GTIN-8/12/13/14, SSCC (18) and GLN (13) alike.
 *
 * @throws RangeError if `body` is empty or not all ASCII digits — that is a
 *   programming error, not a bad scan, so callers validate first.
 */
export function computeCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new RangeError(`check digit body must be ASCII digits, got "${body}"`)
  let sum = 0
  let weight = 3
  for (let i = body.length - 1; i >= 0; i--) {
    sum += (body.charCodeAt(i) - 48) * weight
    weight = 4 - weight
  }
  return (10 - (sum % 10)) % 10
}

/** `body` followed by its check digit. */
export function withCheckDigit(body: string): string {
  return body + String(computeCheckDigit(body))
}

/** True when `digits` (check digit last, any length ≥ 2) carries a correct GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false
  return computeCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48
}

/** True for an 8, 12, 13 or 14 digit string with a correct check digit. */
export function isValidGtin(code: string): boolean {
  return isGtinLength(code.length) && hasValidCheckDigit(code)
}

/**
 * Canonical GTIN-14 form (left-padded with zeros) of a valid GTIN-8/12/13/14, or
 * `null` when `code` is not one. Leading/trailing whitespace is ignored.
 *
 * Padding is how GS1 itself carries shorter GTINs in AI (01), so UPC-A
 * `036000291452`, EAN-13 `0036000291452` and GTIN-14 `00036000291452` share a key.
 */
export function normaliseGtin(code: string): string | null {
  const c = code.trim()
  return isValidGtin(c) ? c.padStart(14, '0') : null
}

/**
 * The UPC-A (12 digits) that an 8-digit UPC-E code stands for, or `null` when `code`
 * is not a valid UPC-E (number system 0 or 1, check digit of the expanded UPC-A).
 *
 * UPC-E is common on small US products and reaches us as 8 digits unless the scanner
 * is set to expand it; without this it would be rejected as a bad EAN-8.
 */
export function expandUpcE(code: string): string | null {
  if (code.length !== 8 || !DIGITS.test(code)) return null
  const ns = code[0]
  if (ns !== '0' && ns !== '1') return null
  const d = code.slice(1, 7)
  const last = d[5] as string
  let body: string
  if (last === '0' || last === '1' || last === '2') body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`
  else if (last === '3') body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`
  else if (last === '4') body = `${d.slice(0, 4)}00000${d[4] as string}`
  else body = `${d.slice(0, 5)}0000${last}`
  const upcA = ns + body + (code[7] as string)
  return hasValidCheckDigit(upcA) ? upcA : null
}

/**
 * GTIN-14 keys for an all-digit code of GTIN length, in order of likelihood; empty
 * when no reading of it has a valid check digit.
 *
 * An 8-digit code can be an EAN-8 and/or a UPC-E; without the symbology we cannot
 * tell, so both readings are offered and lookup may find two items (the caller asks).
 * Pass `upcE: false` when the symbology is known to be EAN-8.
 */
export function gtinKeys(digits: string, opts: { upcE?: boolean } = {}): string[] {
  const keys: string[] = []
  if (isValidGtin(digits)) keys.push(digits.padStart(14, '0'))
  if (digits.length === 8 && opts.upcE !== false) {
    const upcA = expandUpcE(digits)
    if (upcA !== null) {
      const key = upcA.padStart(14, '0')
      if (!keys.includes(key)) keys.push(key)
    }
  }
  return keys
}

/**
 * Every normalised index key under which an item code is stored, and under which a
 * scanned code is looked up.
 *
 * - A valid GTIN (also when written with spaces or dashes, as vendors sometimes store
 *   the printed digits): its GTIN-14 key; an 8-digit code also gets its UPC-E reading.
 * - Anything else (SKU, supplier code, internal barcode, or a digit string whose check
 *   digit is wrong): trimmed and upper-cased, so a scanner with Caps Lock on or a SKU
 *   typed in lower case still matches. Such a key can never equal a GTIN key, because
 *   a 14-digit plain key has a wrong check digit by construction.
 * - Empty or blank: no keys.
 *
 * Storing a digit string with a wrong check digit as a plain key keeps vendor data
 * that is wrong (it happens) findable by search; `parseScan` still refuses such a
 * *scan*, because a misread there must not match the wrong item.
 */
export function codeKeys(code: string): string[] {
  const trimmed = code.trim()
  if (trimmed === '') return []
  const compact = /^[0-9][0-9 -]*[0-9]$/.test(trimmed) ? trimmed.replace(/[ -]/g, '') : trimmed
  if (isGtinLength(compact.length) && DIGITS.test(compact)) {
    const keys = gtinKeys(compact)
    if (keys.length > 0) return keys
  }
  return [trimmed.toUpperCase()]
}
