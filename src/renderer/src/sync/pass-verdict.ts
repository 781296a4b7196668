import type { ResourceProgress } from './progress'

/**
 * What a pass over one resource means, judged from its progress: read in full,
 * read with some records unreadable (never "up to date"), or failed — the vendor
 * refused or kept failing it, or most of what it sent could not be read (a
 * replica missing most of a resource is not a synced one).
 */
export type ResourceVerdict =
  | { kind: 'read' }
  | { kind: 'partly-unreadable'; rejected: number; records: number; words: string }
  | { kind: 'failed'; words: string; unreadable: boolean }
  | { kind: 'other' }

type Judged = Pick<ResourceProgress, 'label' | 'state' | 'rejected' | 'recordsDone' | 'message'> & {
  rejectedReason?: string
}

const n = (x: number) => x.toLocaleString('en')

/** More than half of what the vendor sent could not be read: the resource failed. */
export const mostlyUnreadable = (p: Pick<ResourceProgress, 'rejected' | 'recordsDone'>) =>
  p.rejected > 0 && p.rejected * 2 > Math.max(p.recordsDone, p.rejected)

/**
 * Words a supervisor can forward to the vendor as they are (after the data's
 * label): how many
 * of how many records, what Stockroom found missing and which fields the records
 * carried (names only, never values).
 */
export function unreadableWords(p: Judged, vendorName?: string): string {
  const records = Math.max(p.recordsDone, p.rejected)
  const all = p.rejected >= records
  const reason = p.rejectedReason ? ` (${p.rejectedReason})` : ''
  return (
    `${all ? `All ${n(records)}` : `${n(p.rejected)} of ${n(records)}`} records ` +
    `${vendorName ?? 'the vendor'} sent could not be read${reason}. Stockroom keeps a record only when it ` +
    `carries an id; ${all ? 'none of them was' : 'those were not'} stored.`
  )
}

export function judgeResource(p: Judged, vendorName?: string): ResourceVerdict {
  if (p.state === 'error')
    return { kind: 'failed', words: `${p.label}: ${p.message ?? 'failed'}`, unreadable: false }
  if (p.state !== 'done') return { kind: 'other' }
  if (mostlyUnreadable(p))
    return { kind: 'failed', words: `${p.label}: ${lower(unreadableWords(p, vendorName))}`, unreadable: true }
  if (p.rejected > 0)
    return {
      kind: 'partly-unreadable',
      rejected: p.rejected,
      records: p.recordsDone,
      words: `${p.label}: ${lower(unreadableWords(p, vendorName))}`
    }
  return { kind: 'read' }
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

/**
 * The resources of a pass that failed — refused, kept failing, or mostly
 * unreadable — each with the words for people in `message` (without the
 * resource's label, as a failed request's message is).
 */
export function failedResources<T extends Judged>(results: T[], vendorName?: string): T[] {
  const failed: T[] = []
  for (const r of results) {
    const v = judgeResource(r, vendorName)
    if (v.kind === 'failed')
      failed.push({ ...r, message: v.unreadable ? unreadableWords(r, vendorName) : (r.message ?? 'failed') })
  }
  return failed
}

/**
 * Every resource the pass tried failed (those skipped because the key may not
 * read them count as failed too): the sync failed, whatever the connection's
 * other state says.
 */
export function everyResourceFailed(results: Judged[], vendorName?: string): boolean {
  const tried = results.filter((r) => r.state !== 'cancelled')
  if (tried.length === 0 || tried.length < results.length) return false
  return tried.every((r) => r.state === 'skipped' || judgeResource(r, vendorName).kind === 'failed')
}
