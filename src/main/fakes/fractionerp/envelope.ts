/**
 * FractionERP's envelopes and list parameters. Success: `{ success, data, meta, errors: null }`
 * with `meta.pagination` on lists; error: `{ success: false, data: null, meta: null, errors:
 * [{ code, message }] }`.
 */
import { compareBy, type SortDir } from '../common/table'

export class FrError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers?: Record<string, string>,
    /** ASSUMPTION (U8): field-level 422 details as `{ code, message, field }`. */
    readonly fields?: { field: string; message: string }[]
  ) {
    super(message)
  }
}

export function errorBody(e: FrError) {
  const errors = e.fields?.length
    ? e.fields.map((f) => ({ code: e.code, message: f.message, field: f.field }))
    : [{ code: e.code, message: e.message }]
  return { success: false, data: null, meta: null, errors }
}

export const ok = (data: unknown) => ({ success: true, data, meta: null, errors: null })

const DEFAULT_PER_PAGE = 25
export const MAX_PER_PAGE = 100

export interface ListSpec<T extends { id: string }> {
  /** Text a `search` matches (ASSUMPTION U6: number, name, description). */
  text: (row: T) => string
  /** Sortable fields (ASSUMPTION U6: id, created_at, updated_at and the record's number). */
  sort: Record<string, (row: T) => string | number>
}

function intParam(q: URLSearchParams, name: string, fallback: number): number {
  const v = q.get(name)
  if (v === null || v === '') return fallback
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new FrError(422, 'VALIDATION_ERROR', `The ${name} must be at least 1.`, undefined, [
      { field: name, message: `The ${name} must be an integer of at least 1.` }
    ])
  return Number(v)
}

/**
 * One page of a list. ASSUMPTIONS: per_page over 100 is clamped to 100; the default order is
 * id ascending; an unknown sort field or order is 422; a page past the end is empty.
 */
export function listPage<T extends { id: string }>(
  rows: () => readonly T[],
  memo: <R>(key: string, compute: () => R) => R,
  name: string,
  spec: ListSpec<T>,
  q: URLSearchParams,
  render: (row: T) => unknown
) {
  const page = intParam(q, 'page', 1)
  const perPage = Math.min(intParam(q, 'per_page', DEFAULT_PER_PAGE), MAX_PER_PAGE)
  const sort = q.get('sort') || 'id'
  const order = (q.get('order') || 'asc').toLowerCase()
  const search = (q.get('search') ?? '').trim().toLowerCase()
  const key = spec.sort[sort]
  if (!key)
    throw new FrError(422, 'VALIDATION_ERROR', `The selected sort is invalid.`, undefined, [
      { field: 'sort', message: `sort must be one of: ${Object.keys(spec.sort).join(', ')}` }
    ])
  if (order !== 'asc' && order !== 'desc')
    throw new FrError(422, 'VALIDATION_ERROR', `The selected order is invalid.`, undefined, [
      { field: 'order', message: 'order must be asc or desc' }
    ])
  const all = memo(`${name}?${sort}&${order}&${search}`, () => {
    const found = search ? rows().filter((r) => spec.text(r).toLowerCase().includes(search)) : [...rows()]
    return found.sort(compareBy(key, order as SortDir))
  })
  const total = all.length
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  const start = (page - 1) * perPage
  const slice = all.slice(start, start + perPage)
  return {
    success: true,
    data: slice.map(render),
    meta: {
      pagination: {
        total,
        per_page: perPage,
        current_page: page,
        last_page: lastPage,
        from: slice.length > 0 ? start + 1 : null,
        to: slice.length > 0 ? start + slice.length : null,
        has_more: start + slice.length < total
      }
    },
    errors: null
  }
}
