/**
 * Why a scan was refused. `message` is shown on the scan screen as it stands, to
 * someone holding a scanner, so it says what is wrong and what to do in plain words;
 * `code` is for the program (sound, colour, tests).
 */
export type ScanErrorCode =
  /** Nothing left after removing prefixes and Enter/Tab. */
  | 'empty'
  /** A digit-only GTIN/SSCC/GLN whose last digit does not match. */
  | 'bad-check-digit'
  /** A GS1 Application Identifier we do not know, so its length is unknown. */
  | 'unknown-ai'
  /** A GS1 date field that is not a real date. */
  | 'bad-date'
  /** A GS1 field that must be digits contains something else. */
  | 'not-numeric'
  /** A field (or a plain code) longer than allowed. */
  | 'too-long'
  /** A fixed-length GS1 field cut short. */
  | 'too-short'
  /** The same GS1 field twice with different values. */
  | 'conflicting-ai'
  /** Tab, Escape or other control characters inside the code. */
  | 'control-characters'
  /** Letters a barcode cannot hold — usually a keyboard-layout mismatch. */
  | 'non-ascii'
  /** Does not follow the GS1 element string rules at all. */
  | 'malformed'

export interface ScanError {
  code: ScanErrorCode
  /** Plain words for a warehouse worker: what is wrong and what to do. */
  message: string
  /** The GS1 Application Identifier concerned, when there is one. */
  ai?: string
}

export function scanError(code: ScanErrorCode, message: string, ai?: string): ScanError {
  return ai === undefined ? { code, message } : { code, message, ai }
}
