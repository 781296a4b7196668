/**
 * GS1 element strings: what a GS1-128, GS1 DataMatrix, GS1 QR or GS1 DataBar label
 * carries, e.g. `]C1` `01 09506000134352` `17 261231` `10 ABC`. One scan gives item,
 * lot, expiry, serial and quantity.
 *
 * Accepted forms:
 * - raw, as a keyboard-wedge scanner sends it, with FNC1 as ASCII GS (`\x1d`) after
 *   variable-length fields, optionally led by an AIM symbology identifier
 *   (`]C1`, `]e0`, `]d2`, `]Q3`, `]J1`) and/or a leading GS;
 * - the human-readable form with AIs in brackets, `(01)09506000134352(17)261231(10)ABC`,
 *   as typed from a label or stored by a vendor.
 *
 * Only the AIs in {@link GS1_AIS} are understood. An unknown AI is an error rather
 * than skipped: without knowing its length we cannot know where the next field
 * starts, and guessing could hand back a wrong lot or expiry.
 */
import { hasValidCheckDigit } from './gtin'
import { scanError, type ScanError } from './scan-error'
import { aiLengthGuess, fixedLength, GS1_AIS, isPredefinedLength, type AiSpec } from './gs1-ais'
import { gs1DateToIso } from './gs1-dates'

export { GS1_AIS, GS1_PREDEFINED_LENGTHS, isPredefinedLength, type AiFormat, type AiSpec } from './gs1-ais'
export { gs1DateToIso, resolveGs1Year } from './gs1-dates'

/** ASCII Group Separator: how FNC1 reaches us between fields. */
export const GS = '\x1d'

/** AIM symbology identifiers that announce GS1 data. */
export const GS1_SYMBOLOGY_IDS: readonly string[] = [']C1', ']e0', ']d2', ']Q3', ']J1']

export interface Gs1Data {
  /** AI 01, as GTIN-14. */
  gtin?: string
  /** AI 02: GTIN of the trade items inside a logistic unit, as GTIN-14. */
  contentGtin?: string
  /** AI 10. */
  lot?: string
  /** AI 17 (expiry), else AI 15 (best before), ISO `yyyy-mm-dd`. */
  expiry?: string
  /** AI 15, ISO `yyyy-mm-dd`. */
  bestBefore?: string
  /** AI 11, ISO `yyyy-mm-dd`. */
  productionDate?: string
  /** AI 21. */
  serial?: string
  /** AI 30 (variable count), else AI 37 (count of trade items in a logistic unit). */
  quantity?: number
  /** AI 310n: net weight in kg. */
  netWeightKg?: number
  /** AI 00: Serial Shipping Container Code, 18 digits. */
  sscc?: string
  /** Every element as found, keyed by AI (e.g. `'3103': '001250'`), in barcode order. */
  ais: Record<string, string>
}

export type Gs1Result = { ok: true; value: Gs1Data } | { ok: false; error: ScanError }

export interface Gs1Options {
  /**
   * The year two-digit years are resolved against (GS1 sliding window: within
   * −49…+50 years of it). Defaults to the current year; pass it for repeatable results.
   */
  referenceYear?: number
}

function matchAi(s: string, pos: number): string | undefined {
  // GS1 AIs are prefix-free, so at most one of these can be a known AI.
  for (const len of [2, 3, 4]) {
    const ai = s.slice(pos, pos + len)
    if (ai.length === len && GS1_AIS[ai] !== undefined) return ai
  }
  return undefined
}

function unknownAi(ai: string): ScanError {
  return scanError(
    'unknown-ai',
    `This barcode contains a field Stockroom does not know (GS1 AI ${ai}), so it was not used. ` +
      'Type the product code instead, and tell your supervisor which label this was.',
    ai
  )
}

/** True if `s` holds a C0 control character or DEL (not a regex: linters flag control ranges). */
export function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x7f) return true
  }
  return false
}

/** Checks one element's value against its AI; returns an error or nothing. */
function checkValue(ai: string, spec: AiSpec, value: string, referenceYear: number): ScanError | undefined {
  const f = spec.format
  const title = spec.title
  if (value === '') {
    return scanError('too-short', `The ${title} in this barcode is empty. Scan again or type the code.`, ai)
  }
  const fixed = fixedLength(spec)
  if (fixed !== undefined && value.length < fixed) {
    return scanError(
      'too-short',
      `The ${title} in this barcode is cut short (${value.length} of ${fixed} characters). Scan again.`,
      ai
    )
  }
  if (fixed !== undefined && value.length > fixed) {
    return scanError(
      'too-long',
      `The ${title} in this barcode is too long (${value.length} characters, should be ${fixed}).`,
      ai
    )
  }
  if (f.kind === 'text' || f.kind === 'digits-var') {
    if (value.length > f.max) {
      return scanError(
        'too-long',
        `The ${title} in this barcode is too long (${value.length} characters, at most ${f.max}). ` +
          'The label may be printed wrongly.',
        ai
      )
    }
  }
  if (f.kind === 'text') {
    // Any printable character is accepted, not only GS1's 82-character set: a lot
    // printed with a space or '#' is still the lot on the box, and refusing it would
    // stop the count for a cosmetic fault.
    if (hasControlChar(value)) {
      return scanError(
        'malformed',
        `The ${title} in this barcode contains characters a label cannot hold. Scan again.`,
        ai
      )
    }
    return undefined
  }
  if (!/^[0-9]+$/.test(value)) {
    return scanError(
      'not-numeric',
      `The ${title} in this barcode should be digits only, but it reads "${value}".`,
      ai
    )
  }
  if (f.kind === 'digits' && f.check === true && !hasValidCheckDigit(value)) {
    return scanError(
      'bad-check-digit',
      `The ${title} ${value} has a wrong check digit, so it was not used. ` +
        'The label may be damaged or misprinted: scan again, or type the number from the label.',
      ai
    )
  }
  if (f.kind === 'date' && gs1DateToIso(value, referenceYear, f.dayZero) === null) {
    return scanError(
      'bad-date',
      `The ${title} in this barcode (${value}, as YYMMDD) is not a real date. Check the label.`,
      ai
    )
  }
  return undefined
}

function toData(ais: Record<string, string>, referenceYear: number): Gs1Data {
  const data: Gs1Data = { ais }
  const dateOf = (ai: string): string | undefined => {
    const v = ais[ai]
    const spec = GS1_AIS[ai]
    if (v === undefined || spec === undefined || spec.format.kind !== 'date') return undefined
    return gs1DateToIso(v, referenceYear, spec.format.dayZero) ?? undefined
  }
  if (ais['00'] !== undefined) data.sscc = ais['00']
  if (ais['01'] !== undefined) data.gtin = ais['01']
  if (ais['02'] !== undefined) data.contentGtin = ais['02']
  if (ais['10'] !== undefined) data.lot = ais['10']
  if (ais['21'] !== undefined) data.serial = ais['21']
  const production = dateOf('11')
  if (production !== undefined) data.productionDate = production
  const bestBefore = dateOf('15')
  if (bestBefore !== undefined) data.bestBefore = bestBefore
  const expiry = dateOf('17') ?? bestBefore
  if (expiry !== undefined) data.expiry = expiry
  const count = ais['30'] ?? ais['37']
  if (count !== undefined) data.quantity = Number(count)
  for (let n = 0; n <= 5; n++) {
    const w = ais[`310${n}`]
    if (w !== undefined) {
      data.netWeightKg = Number(w) / 10 ** n
      break
    }
  }
  return data
}

function malformed(detail: string): Gs1Result {
  return {
    ok: false,
    error: scanError('malformed', `This barcode could not be read as a GS1 label: ${detail}. Scan again.`)
  }
}

/** Parses a GS1 element string (raw with GS separators, or bracketed). */
export function parseGs1(input: string, opts: Gs1Options = {}): Gs1Result {
  const referenceYear = opts.referenceYear ?? new Date().getFullYear()
  let s = input
  if (s.startsWith(']')) {
    const id = s.slice(0, 3)
    if (!GS1_SYMBOLOGY_IDS.includes(id))
      return malformed(`the scanner reports a non-GS1 barcode type (${id})`)
    s = s.slice(3)
  }
  const elements = s.trimStart().startsWith('(') ? splitBracketed(s.trim()) : splitRaw(s)
  if (!Array.isArray(elements)) return { ok: false, error: elements }
  if (elements.length === 0) return malformed('it holds no data')

  const ais: Record<string, string> = {}
  for (const [ai, value] of elements) {
    const spec = GS1_AIS[ai]
    if (spec === undefined) return { ok: false, error: unknownAi(ai) }
    const problem = checkValue(ai, spec, value, referenceYear)
    if (problem !== undefined) return { ok: false, error: problem }
    const seen = ais[ai]
    if (seen !== undefined && seen !== value) {
      return {
        ok: false,
        error: scanError(
          'conflicting-ai',
          `This barcode gives two different values for the ${spec.title} (${seen} and ${value}). Check the label.`,
          ai
        )
      }
    }
    ais[ai] = value
  }
  return { ok: true, value: toData(ais, referenceYear) }
}

type Element = [ai: string, value: string]

function splitRaw(s: string): Element[] | ScanError {
  const out: Element[] = []
  let pos = 0
  while (pos < s.length) {
    // A GS after a fixed-length field is redundant but common; a leading GS is FNC1
    // in first position, which some scanners pass on.
    if (s[pos] === GS) {
      pos++
      continue
    }
    const ai = matchAi(s, pos)
    if (ai === undefined) {
      const two = s.slice(pos, pos + 2)
      if (!/^[0-9]{2}$/.test(two)) {
        return scanError(
          'malformed',
          `This barcode could not be read as a GS1 label: expected a field number at "${s.slice(pos, pos + 8)}". Scan again.`
        )
      }
      const guess = s.slice(pos, pos + aiLengthGuess(two))
      return unknownAi(/^[0-9]+$/.test(guess) ? guess : two)
    }
    pos += ai.length
    const spec = GS1_AIS[ai] as AiSpec
    const fixed = fixedLength(spec)
    let end: number
    if (fixed !== undefined) {
      end = Math.min(pos + fixed, s.length)
      // A GS inside a fixed field means the field was cut short; report it as such.
      const gs = s.indexOf(GS, pos)
      if (gs !== -1 && gs < end) end = gs
    } else {
      end = s.indexOf(GS, pos)
      if (end === -1) end = s.length
    }
    out.push([ai, s.slice(pos, end)])
    pos = end
  }
  return out
}

const BRACKETED_AI = /\(([0-9]{2,4})\)/g

function splitBracketed(s: string): Element[] | ScanError {
  const out: Element[] = []
  const matches = [...s.matchAll(BRACKETED_AI)]
  const first = matches[0]
  if (first === undefined || first.index !== 0) {
    return scanError('malformed', 'This code could not be read as a GS1 label: it should start with "(AI)".')
  }
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as RegExpExecArray
    const ai = m[1] as string
    const start = m.index + m[0].length
    const end = matches[i + 1]?.index ?? s.length
    // Spaces between elements are how people write these by hand; GS may be left in
    // by a program that produced both forms.
    out.push([ai, s.slice(start, end).replaceAll(GS, '').trim()])
  }
  return out
}

/**
 * Builds the raw element string for `elements` (in the order given), with a GS after
 * each variable-length field that is not last. For labels we print and for tests.
 *
 * @throws RangeError for an AI not in {@link GS1_AIS}.
 */
export function formatGs1(
  elements: ReadonlyArray<readonly [ai: string, value: string]>,
  opts: { brackets?: boolean } = {}
): string {
  let out = ''
  elements.forEach(([ai, value], i) => {
    if (GS1_AIS[ai] === undefined) throw new RangeError(`unknown GS1 AI ${ai}`)
    if (opts.brackets === true) {
      out += `(${ai})${value}`
      return
    }
    out += ai + value
    if (i < elements.length - 1 && !isPredefinedLength(ai)) out += GS
  })
  return out
}
