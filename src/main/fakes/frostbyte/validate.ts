/**
 * Body validation that collects every failing field (the vendor reports all of them,
 * capped at 20), with dotted paths like `lines.0.quantityChange`.
 */
import { fbError, NUMBER_MESSAGE, type FieldIssue } from './errors'

export type Json = Record<string, unknown>

export class Checker {
  readonly issues: FieldIssue[] = []

  add(path: string, message: string): void {
    this.issues.push({ path, message })
  }

  /** Throws 400 validation_error when anything failed. */
  done(): void {
    if (this.issues.length > 0) throw fbError.validation(this.issues)
  }

  object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json
    this.add(path || '(body)', 'Expected an object')
    return undefined
  }

  /** Optional unless `required`; null is rejected like the vendor does. */
  number(
    obj: Json,
    key: string,
    path: string,
    opts: { required?: boolean; min?: number; positive?: boolean; nonZero?: boolean; integer?: boolean } = {}
  ): number | undefined {
    const p = join(path, key)
    if (!(key in obj)) {
      if (opts.required) this.add(p, 'Required')
      return undefined
    }
    const v = obj[key]
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(p, NUMBER_MESSAGE)
      return undefined
    }
    if (opts.integer && !Number.isInteger(v)) this.add(p, 'Must be a whole number')
    else if (opts.positive && v <= 0) this.add(p, 'Must be greater than 0')
    else if (opts.min !== undefined && v < opts.min) this.add(p, `Must be at least ${opts.min}`)
    else if (opts.nonZero && v === 0) this.add(p, 'Must not be zero')
    else return v
    return undefined
  }

  string(
    obj: Json,
    key: string,
    path: string,
    opts: {
      required?: boolean
      max?: number
      nullable?: boolean
      pattern?: RegExp
      patternMessage?: string
    } = {}
  ): string | null | undefined {
    const p = join(path, key)
    if (!(key in obj)) {
      if (opts.required) this.add(p, 'Required')
      return undefined
    }
    const v = obj[key]
    if (v === null && opts.nullable) return null
    if (typeof v !== 'string') {
      this.add(p, 'Must be a string')
      return undefined
    }
    if (v.trim().length === 0) this.add(p, 'Must not be empty')
    else if (opts.max !== undefined && v.length > opts.max)
      this.add(p, `Must be at most ${opts.max} characters`)
    else if (opts.pattern && !opts.pattern.test(v)) this.add(p, opts.patternMessage ?? 'Invalid format')
    else return v
    return undefined
  }

  boolean(obj: Json, key: string, path: string): boolean | undefined {
    if (!(key in obj)) return undefined
    const v = obj[key]
    if (typeof v === 'boolean') return v
    this.add(join(path, key), 'Must be a boolean')
    return undefined
  }

  enumValue<T extends string>(
    obj: Json,
    key: string,
    path: string,
    values: readonly T[],
    required = false
  ): T | undefined {
    const p = join(path, key)
    if (!(key in obj)) {
      if (required) this.add(p, 'Required')
      return undefined
    }
    const v = obj[key]
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T
    this.add(p, `Must be one of: ${values.join(', ')}`)
    return undefined
  }

  /** ISO 8601 instant → epoch ms. */
  instant(obj: Json, key: string, path: string, required = false): number | undefined {
    const s = this.string(obj, key, path, { required })
    if (typeof s !== 'string') return undefined
    const ms = parseInstant(s)
    if (ms === undefined) this.add(join(path, key), 'Must be an ISO 8601 date-time')
    return ms
  }

  array(
    obj: Json,
    key: string,
    path: string,
    opts: { required?: boolean; min?: number; max?: number } = {}
  ): unknown[] | undefined {
    const p = join(path, key)
    if (!(key in obj)) {
      if (opts.required) this.add(p, 'Required')
      return undefined
    }
    const v = obj[key]
    if (!Array.isArray(v)) {
      this.add(p, 'Must be an array')
      return undefined
    }
    if (opts.min !== undefined && v.length < opts.min)
      this.add(p, `Must contain at least ${opts.min} item(s)`)
    else if (opts.max !== undefined && v.length > opts.max)
      this.add(p, `Must contain at most ${opts.max} items`)
    else return v
    return undefined
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/

/** Parses an ISO 8601 date or date-time (a date alone is midnight UTC). */
export function parseInstant(s: string): number | undefined {
  if (!ISO.test(s)) return undefined
  const ms = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)
  return Number.isNaN(ms) ? undefined : ms
}
