import { withCheckDigit } from '../../../shared/scan/gtin'

/**
 * The barcodes the fakes hand out carry correct check digits (computed by the
 * app's own scan library), so scan validation is tested for real.
 */
export { isValidGtin, withCheckDigit } from '../../../shared/scan/gtin'

/** GTIN-14 for a case of the item: indicator digit + the EAN-13 without its check digit. */
export function gtin14FromEan13(ean13: string, indicator = 1): string {
  return withCheckDigit(String(indicator) + ean13.slice(0, 12))
}
