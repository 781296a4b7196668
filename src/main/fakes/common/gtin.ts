/**
 * GS1 check digits for the barcodes the fakes hand out (EAN-13, UPC-A, GTIN-14). Every
 * generated code carries a correct check digit so scan validation can be tested for real.
 */

/** Check digit for a GTIN body (all digits but the last): weights 3,1,3,… from the right. */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error(`GTIN body must be digits: ${body}`)
  let sum = 0
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) {
    sum += (body.charCodeAt(i) - 48) * w
  }
  return (10 - (sum % 10)) % 10
}

/** Appends the check digit to a body. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body))
}

/** True when `code` is 8, 12, 13 or 14 digits with a correct check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1))
}

/** GTIN-14 for a case of the item: indicator digit + the EAN-13 without its check digit. */
export function gtin14FromEan13(ean13: string, indicator = 1): string {
  return withCheckDigit(String(indicator) + ean13.slice(0, 12))
}
