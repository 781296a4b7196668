/**
 * Query-string parsing for Frostbyte lists. Every list takes `page` (default 1) and
 * `pageSize` (default 50, larger than 200 is clamped to 200); a bad value is
 * `400 invalid_parameter`.
 *
 * ASSUMPTION: unknown query parameters are rejected with 400 invalid_parameter — the vendor
 * says its OpenAPI document carries the "parameter whitelists the server actually applies".
 * ASSUMPTION: an empty value (`?search=`) counts as absent.
 */
import { DAY } from '../common/time'
import type { SortDir } from '../common/table'
import { fbError } from './errors'
import { parseInstant } from './validate'

export const MAX_PAGE_SIZE = 200
export const DEFAULT_PAGE_SIZE = 50

export class Query {
  constructor(
    private readonly q: URLSearchParams,
    allowed: readonly string[]
  ) {
    const ok = new Set(['page', 'pageSize', ...allowed])
    for (const name of q.keys()) {
      if (!ok.has(name)) throw fbError.invalidParameter(`Unknown query parameter: ${name}`)
    }
  }

  str(name: string): string | undefined {
    const v = this.q.get(name)
    return v === null || v === '' ? undefined : v
  }

  bool(name: string): boolean | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    if (v === 'true') return true
    if (v === 'false') return false
    throw fbError.invalidParameter(`Invalid value for ${name}: expected true or false`)
  }

  int(name: string, min: number): number | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    if (!/^-?\d+$/.test(v) || Number(v) < min)
      throw fbError.invalidParameter(`Invalid value for ${name}: expected an integer ≥ ${min}`)
    return Number(v)
  }

  /** ISO instant; with `endOfDay`, a date-only value covers the whole UTC day (returns its last ms). */
  instant(name: string, endOfDay = false): number | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    const ms = parseInstant(v)
    if (ms === undefined)
      throw fbError.invalidParameter(`Invalid value for ${name}: expected an ISO 8601 date-time`)
    return endOfDay && v.length === 10 ? ms + DAY - 1 : ms
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    if (!(values as readonly string[]).includes(v))
      throw fbError.invalidParameter(`Invalid value for ${name}: must be one of ${values.join(', ')}`)
    return v as T
  }

  /** Comma list, each validated. */
  listOf<T extends string>(name: string, values: readonly T[]): T[] | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    const parts = v.split(',').map((s) => s.trim())
    for (const p of parts) {
      if (!(values as readonly string[]).includes(p))
        throw fbError.invalidParameter(`Invalid value for ${name}: ${p} is not one of ${values.join(', ')}`)
    }
    return parts as T[]
  }

  paging(): { page: number; pageSize: number } {
    const page = this.int('page', 1) ?? 1
    const pageSize = Math.min(this.int('pageSize', 1) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    return { page, pageSize }
  }

  /** `sortBy` from `allowed` and `sortDir`; `dirWithSortBy` is the direction when only sortBy is sent. */
  sort<T extends string>(
    allowed: readonly T[],
    fallback: { by: T; dir: SortDir },
    dirWithSortBy: SortDir = 'asc'
  ): { by: T; dir: SortDir } {
    const by = this.oneOf('sortBy', allowed)
    const dir = this.oneOf('sortDir', ['asc', 'desc'] as const)
    if (by === undefined) return { by: fallback.by, dir: dir ?? fallback.dir }
    return { by, dir: dir ?? dirWithSortBy }
  }

  /** A cache key for the filters (everything but paging). */
  filterKey(): string {
    return [...this.q.entries()]
      .filter(([k]) => k !== 'page' && k !== 'pageSize')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&')
  }
}

export interface ListEnvelope {
  data: unknown[]
  pagination: { total: number; page: number; pageSize: number; totalPages: number }
}

/**
 * The documented list envelope. ASSUMPTIONS: `pageSize` echoes the effective (clamped) size;
 * `totalPages` is 0 for an empty result.
 */
export function envelope<T>(
  items: readonly T[],
  paging: { page: number; pageSize: number },
  render: (item: T) => unknown
): ListEnvelope {
  const { page, pageSize } = paging
  const start = (page - 1) * pageSize
  return {
    data: items.slice(start, start + pageSize).map(render),
    pagination: { total: items.length, page, pageSize, totalPages: Math.ceil(items.length / pageSize) }
  }
}
