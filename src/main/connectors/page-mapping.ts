import type { z } from 'zod'
import { issueSummary } from '../../shared/vendors/common'
import { unreadableReason } from '../../shared/vendors/tolerant'

/**
 * Parses each raw record of a page on its own: one unreadable record is
 * rejected with its reason — and the names of the fields it carried, never
 * their values — while the rest of the page still lands.
 */
export function mapRecords<S extends z.ZodType, R>(
  rows: unknown[],
  schema: S,
  map: (record: z.output<S>, raw: unknown) => R
): { mapped: R[]; rejected: { vendorId: string; reason: string }[] } {
  const mapped: R[] = []
  const rejected: { vendorId: string; reason: string }[] = []
  for (const raw of rows) {
    const parsed = schema.safeParse(raw)
    if (parsed.success) mapped.push(map(parsed.data, raw))
    else {
      const id = (raw as { id?: unknown } | null)?.id
      const idShown = typeof id === 'string' || typeof id === 'number'
      rejected.push({
        vendorId: idShown ? String(id) : '(no id)',
        reason: unreadableReason(raw, whatIsMissing(id, parsed.error.issues))
      })
    }
  }
  return { mapped, rejected }
}

/** "no id" when the id is what is missing (the usual case with tolerant schemas), else zod's words. */
function whatIsMissing(id: unknown, issues: z.core.$ZodIssue[]): string {
  if (!issues.some((i) => i.path.length === 1 && i.path[0] === 'id')) return issueSummary(issues)
  if (id === undefined || id === null) return 'no id'
  if (typeof id === 'string') return 'an empty id'
  return `an id that is ${Array.isArray(id) ? 'a list' : typeof id}, not text or a number`
}
