/**
 * Keyset paging: `limit` (ASSUMPTION U6: default 50, at most 100; more is clamped to 100)
 * and an opaque `cursor`, the `next_cursor` of the page before. The cursor names the last
 * record sent (created_at, id), so records removed or added meanwhile never shift a page.
 * `next_cursor` is null exactly on the last page, so n records take ceil(n / limit) pages.
 */
import { FORGE_DEFAULT_LIMIT, FORGE_MAX_LIMIT } from '../../../shared/vendors/forgemrp/assumptions'
import { ForgeError } from './errors'

interface Keyed {
  id: string
  createdAt: number
}

export function encodeCursor(r: Keyed): string {
  return Buffer.from(JSON.stringify([r.createdAt, r.id])).toString('base64url')
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string') return [v[0], v[1]]
  } catch {
    // falls through to the refusal
  }
  throw new ForgeError(400, 'bad_request', 'cursor is not a cursor this API returned')
}

export function parseLimit(q: URLSearchParams): number {
  const v = q.get('limit')
  if (v === null || v === '') return FORGE_DEFAULT_LIMIT
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new ForgeError(400, 'bad_request', 'limit must be a whole number of at least 1')
  return Math.min(Number(v), FORGE_MAX_LIMIT)
}

/** One page of `rows` (already in keyset order) after the cursor in `q`. */
export function keysetPage<T extends Keyed>(
  rows: readonly T[],
  q: URLSearchParams,
  render: (row: T) => unknown
): { data: unknown[]; next_cursor: string | null } {
  const limit = parseLimit(q)
  const cursor = q.get('cursor')
  let start = 0
  if (cursor) {
    const [createdAt, id] = decodeCursor(cursor)
    // First row strictly after (createdAt, id): binary search over the keyset order.
    let lo = 0
    let hi = rows.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const r = rows[mid]!
      if (r.createdAt < createdAt || (r.createdAt === createdAt && r.id <= id)) lo = mid + 1
      else hi = mid
    }
    start = lo
  }
  const slice = rows.slice(start, start + limit)
  const more = start + limit < rows.length
  return { data: slice.map(render), next_cursor: more ? encodeCursor(slice[slice.length - 1]!) : null }
}
