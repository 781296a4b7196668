import { z } from 'zod'

/**
 * Reading records whose shape a vendor's page leaves open. Where the page names
 * no fields (or only some), Stockroom's field names are guesses: a record is read
 * by any of the plausible names of a field, in any casing (`poNumber`,
 * `po_number`, `PoNumber` are one name), ids may come as strings or numbers, and
 * a field that is missing or of an unexpected type is simply not known. Only what
 * Stockroom cannot do without — the record's id — makes a record unreadable.
 */

/** A field name without case or separators: `quantityOnHand` = `quantity_on_hand` = `QuantityOnHand`. */
export const normalName = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '')

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The names of each field Stockroom reads, the first its own: `{ number: ['po_number', 'poNumber'] }`. */
export type Aliases = Record<string, readonly string[]>

/**
 * A copy of `record` where each field of `aliases` the record lacks (under any
 * casing) is filled from the first alternative name it carries. The record
 * itself (the raw payload) is not changed.
 */
export function withAliases(record: unknown, aliases: Aliases): unknown {
  if (!isObject(record)) return record
  const byNormal = new Map<string, string>()
  for (const k of Object.keys(record)) if (!byNormal.has(normalName(k))) byNormal.set(normalName(k), k)
  const out: Record<string, unknown> = { ...record }
  for (const [name, alternatives] of Object.entries(aliases)) {
    if (out[name] != null) continue
    for (const alt of [name, ...alternatives]) {
      const key = byNormal.get(normalName(alt))
      if (key !== undefined && record[key] != null) {
        out[name] = record[key]
        break
      }
    }
  }
  return out
}

/** A loose object (unknown fields kept) read through {@link withAliases}. */
export function tolerantObject<S extends z.ZodRawShape>(shape: S, aliases: Aliases = {}) {
  // Every field of the shape is read in any casing, whether or not it has other names.
  const names: Aliases = { ...Object.fromEntries(Object.keys(shape).map((k) => [k, []])), ...aliases }
  return z.preprocess((v) => withAliases(v, names), z.looseObject(shape))
}

/** An id: a non-empty string or a number, always read as a string (`100007` and `"100007"` are one id). */
export const anyId = z
  .union([z.string().trim().min(1), z.number().finite()])
  .transform((v) => String(v).trim())

/** An id that may be absent (or unreadable, then absent). */
export const maybeId = anyId.nullish().catch(undefined)

/** Text that may be absent; a number is read as its digits, anything else as absent. */
export const maybeText = z
  .union([z.string(), z.number().finite()])
  .transform(String)
  .nullish()
  .catch(undefined)

/** A quantity as a number or a decimal string (`"10.50000"`); anything else is absent (unknown, never 0). */
export const maybeNumber = z
  .union([
    z.number().finite(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number)
  ])
  .nullish()
  .catch(undefined)

/** A yes/no that may come as a boolean, "true"/"false" or 1/0; anything else is absent. */
export const maybeFlag = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true'), z.literal([0, 1])])
  .transform(Boolean)
  .nullish()
  .catch(undefined)

/** A list of sub-records that may be absent; an entry that cannot be read is left out, not the record. */
export function maybeList<T extends z.ZodType>(entry: T) {
  return z
    .array(z.unknown())
    .nullish()
    .catch(undefined)
    .transform((rows) => {
      const out: z.output<T>[] = []
      for (const r of rows ?? []) {
        const parsed = entry.safeParse(r)
        if (parsed.success) out.push(parsed.data)
      }
      return out
    })
}

/**
 * Why a record could not be read, for people and for the vendor: the reason and
 * the names of the fields it did carry (never their values, which may be private).
 */
export function unreadableReason(raw: unknown, reason: string): string {
  if (!isObject(raw))
    return `${reason} — the record is ${Array.isArray(raw) ? 'a list' : typeof raw}, not an object`
  const keys = Object.keys(raw)
  const shown = keys.slice(0, 12).join(', ')
  return `${reason} — the record's fields: ${shown || 'none'}${keys.length > 12 ? `, … (${keys.length})` : ''}`
}
