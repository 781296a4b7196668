import type { ResourceProgress } from './progress'

/** When a resource's pass started being watched, and how many pages it had done then. */
export interface PassStart {
  at: number
  pages: number
}

/**
 * Time left for the running pass of one resource, from the pace of the pages
 * read since it started; undefined until a page has been read or while the
 * number of pages is unknown.
 */
export function timeLeftMs(
  p: Pick<ResourceProgress, 'state' | 'pagesDone' | 'totalPages'>,
  start: PassStart | undefined,
  now: number
): number | undefined {
  if (p.state !== 'running' || !start || p.totalPages === undefined) return undefined
  const read = p.pagesDone - start.pages
  if (read <= 0) return undefined
  return Math.max(0, p.totalPages - p.pagesDone) * ((now - start.at) / read)
}

/** "about 40 s left", "about 3 min left", "about 1 h 20 min left". */
export function timeLeftWords(ms: number): string {
  const s = Math.ceil(ms / 1000)
  if (s < 60) return `about ${Math.max(1, Math.ceil(s / 5) * 5)} s left`
  const min = Math.round(s / 60)
  if (min < 60) return `about ${min} min left`
  return `about ${Math.floor(min / 60)} h ${min % 60} min left`
}
