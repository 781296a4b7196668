import type { z } from 'zod'
import { issueSummary } from '../../shared/vendors/common'

/**
 * Parses each raw record of a page on its own: one unreadable record is
 * rejected with its reason, the rest of the page still lands.
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
      rejected.push({
        vendorId: id === undefined ? '(no id)' : String(id),
        reason: issueSummary(parsed.error.issues)
      })
    }
  }
  return { mapped, rejected }
}
