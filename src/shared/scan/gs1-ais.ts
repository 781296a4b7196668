/** The GS1 Application Identifiers Stockroom understands, and the lengths GS1 predefines. */

export type AiFormat =
  | { kind: 'digits'; length: number; check?: boolean }
  | { kind: 'digits-var'; max: number }
  | { kind: 'text'; max: number }
  /** YYMMDD. `dayZero` is the day that DD=00 ("month only") stands for. */
  | { kind: 'date'; dayZero: 'first' | 'last' }

export interface AiSpec {
  /** Plain words, used in messages. */
  title: string
  format: AiFormat
  /** Implied decimal places (310n and the like). */
  decimals?: number
}

const date = (title: string, dayZero: 'first' | 'last'): AiSpec => ({
  title,
  format: { kind: 'date', dayZero }
})

function measures(base: string, title: string): Record<string, AiSpec> {
  const out: Record<string, AiSpec> = {}
  for (let n = 0; n <= 5; n++) out[base + n] = { title, format: { kind: 'digits', length: 6 }, decimals: n }
  return out
}

/**
 * The Application Identifiers we understand.
 *
 * DD=00 means "only the month is known": an expiry or best-before then counts to the
 * last day of the month (GS1's rule), while a production or packaging date takes the
 * first day so that shelf life computed from it errs on the safe side.
 */
export const GS1_AIS: Readonly<Record<string, AiSpec>> = {
  '00': { title: 'pallet or carton code (SSCC)', format: { kind: 'digits', length: 18, check: true } },
  '01': { title: 'product number (GTIN)', format: { kind: 'digits', length: 14, check: true } },
  '02': { title: 'product number of the contents', format: { kind: 'digits', length: 14, check: true } },
  '10': { title: 'batch or lot number', format: { kind: 'text', max: 20 } },
  '11': date('production date', 'first'),
  '12': date('due date', 'last'),
  '13': date('packing date', 'first'),
  '15': date('best-before date', 'last'),
  '16': date('sell-by date', 'last'),
  '17': date('expiry date', 'last'),
  '20': { title: 'product variant', format: { kind: 'digits', length: 2 } },
  '21': { title: 'serial number', format: { kind: 'text', max: 20 } },
  '240': { title: 'additional product code', format: { kind: 'text', max: 30 } },
  '241': { title: 'customer part number', format: { kind: 'text', max: 30 } },
  '30': { title: 'quantity', format: { kind: 'digits-var', max: 8 } },
  '37': { title: 'number of units', format: { kind: 'digits-var', max: 8 } },
  ...measures('310', 'net weight (kg)'),
  ...measures('330', 'gross weight (kg)'),
  '400': { title: "customer's order number", format: { kind: 'text', max: 30 } },
  '410': { title: 'ship-to location number (GLN)', format: { kind: 'digits', length: 13, check: true } },
  '411': { title: 'bill-to location number (GLN)', format: { kind: 'digits', length: 13, check: true } },
  '412': { title: 'supplier location number (GLN)', format: { kind: 'digits', length: 13, check: true } },
  '413': { title: 'ship-for location number (GLN)', format: { kind: 'digits', length: 13, check: true } },
  '414': { title: 'location number (GLN)', format: { kind: 'digits', length: 13, check: true } },
  '415': {
    title: 'invoicing party location number (GLN)',
    format: { kind: 'digits', length: 13, check: true }
  }
}

/**
 * Total length (AI + data) of the element strings GS1 predefines as fixed length,
 * by the AI's first two digits. Only these may be followed by the next AI without a
 * separator (GS1 General Specifications, figure 7.8.5-2).
 */
export const GS1_PREDEFINED_LENGTHS: Readonly<Record<string, number>> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16
}

/** Length of the AI itself, by its first two digits — only used to name an unknown AI. */
export function aiLengthGuess(two: string): number {
  const n = Number(two)
  if (n <= 22 || n === 30 || n === 37 || n >= 90) return 2
  if ((n >= 23 && n <= 25) || (n >= 40 && n <= 42) || n === 71) return 3
  return 4
}

/** Fixed data length of an AI, if it has one. */
export function fixedLength(spec: AiSpec): number | undefined {
  const f = spec.format
  if (f.kind === 'digits') return f.length
  if (f.kind === 'date') return 6
  return undefined
}

/** True when the element needs no GS after it (see {@link GS1_PREDEFINED_LENGTHS}). */
export function isPredefinedLength(ai: string): boolean {
  return GS1_PREDEFINED_LENGTHS[ai.slice(0, 2)] !== undefined
}
