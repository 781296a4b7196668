import type { PageResult } from '../../shared/host-api/sync'
import type { ReplicaTable } from '../../shared/model/schemas'

/**
 * Tables whose records keep the vendor's own payload (`raw`) in the replica: items
 * and tasks, whose drawers show it ("Vendor record"). Stock rows, lots, locations
 * and orders are most of a first sync, and no screen reads their payload; it would
 * be more than half of what each page costs to carry, check and store, on the same
 * PC where people scan.
 */
const KEEPS_RAW: ReadonlySet<ReplicaTable> = new Set<ReplicaTable>(['items', 'tasks'])

/** The page as the replica keeps it: every mapped field, the vendor payload only where a screen shows it. */
export function leanPage(page: PageResult): PageResult {
  const batch: PageResult['batch'] = {}
  for (const [table, rows] of Object.entries(page.batch) as [ReplicaTable, object[] | undefined][]) {
    if (!rows) continue
    ;(batch as Record<string, object[]>)[table] = KEEPS_RAW.has(table)
      ? rows
      : rows.map((row) => {
          const { raw: _raw, ...lean } = row as { raw?: unknown }
          return lean
        })
  }
  return { ...page, batch }
}
