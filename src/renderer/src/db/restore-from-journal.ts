import type { HostClient } from '../../../shared/host-api/client'
import { journaledTables, type JournaledTable } from '../../../shared/host-api/journal'
import type { OutboxEntry } from '../../../shared/model/records'
import type { StockroomDb } from './db'

export type RestoreReport = Record<JournaledTable, number>

const OPEN_STATES = new Set(['pending', 'sending', 'needs-review'])

/**
 * Puts back what people recorded when IndexedDB lost it: every record main's
 * journal holds that the replica does not (a wiped database, a new origin) is
 * restored as it was last committed — an outbox entry with its idempotency key,
 * frozen body and state, so a write that may have left is still never sent
 * twice. Records the replica still has are left alone: it is the primary copy.
 */
export async function restoreFromJournal(
  db: StockroomDb,
  host: HostClient,
  now: () => Date = () => new Date()
): Promise<RestoreReport> {
  const report: RestoreReport = { counts: 0, countLines: 0, countEvents: 0, outbox: 0, barcodeLinks: 0 }
  const reply = await host.call('journal:snapshot', {})
  if (!reply.ok) return report
  const { tables } = reply.value
  await db.transaction(
    'rw',
    [db.counts, db.countLines, db.countEvents, db.outbox, db.barcodeLinks, db.overlays, db.activity],
    async () => {
      for (const name of journaledTables) {
        const table = db.table(name)
        const records = tables[name]
        if (records.length === 0) continue
        const keyPath = table.schema.primKey.keyPath as string
        const present = await table.bulkGet(records.map((r) => r[keyPath] as never))
        const missing = records.filter((_, i) => present[i] === undefined)
        if (missing.length === 0) continue
        await table.bulkPut(missing)
        report[name] = missing.length
        if (name === 'outbox') {
          // Counted quantities show over the replica again until the vendor confirms them.
          const open = (missing as unknown as OutboxEntry[]).filter((e) => OPEN_STATES.has(e.state))
          await db.overlays.bulkPut(
            open.flatMap((e) =>
              (e.lines ?? []).map((l) => ({
                key: `${l.itemKey}@${l.locationKey}`,
                itemKey: l.itemKey,
                locationKey: l.locationKey,
                onHand: l.counted,
                entryId: e.id,
                at: e.createdAt
              }))
            )
          )
        }
      }
      if (restoredAnything(report))
        await db.activity.add({
          at: now().toISOString(),
          kind: 'write',
          level: 'warning',
          message: restoreMessage(report)
        })
    }
  )
  return report
}

export const restoredAnything = (r: RestoreReport) => Object.values(r).some((n) => n > 0)

/** What happened and that nothing is lost, in words for the person at the PC. */
export function restoreMessage(r: RestoreReport): string {
  const parts = [
    r.outbox > 0 && `${r.outbox} queued write${r.outbox === 1 ? '' : 's'}`,
    r.counts > 0 && `${r.counts} count${r.counts === 1 ? '' : 's'}`,
    r.countLines > 0 && `${r.countLines} counted line${r.countLines === 1 ? '' : 's'}`,
    r.barcodeLinks > 0 && `${r.barcodeLinks} barcode link${r.barcodeLinks === 1 ? '' : 's'}`
  ].filter(Boolean)
  return `This PC's local database had been lost (a full disk, or its browser data cleared). Stockroom restored ${parts.join(', ') || 'what was recorded'} from its journal: nothing you counted is lost, and every write is still sent once.`
}
