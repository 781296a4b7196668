import type { OutboxEntry } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'

/**
 * A person says the vendor holds a count sheet ("keyed into FractionERP"): the
 * entry is done, and Activity says who said so when. Marking it back "to key in"
 * (a slip) is allowed until then.
 */
export async function markKeyedIn(
  db: StockroomDb,
  entry: OutboxEntry,
  note: string,
  now: () => Date = () => new Date()
): Promise<void> {
  if (!entry.sheet) throw new Error('Only a count sheet is keyed in by hand.')
  const at = now().toISOString()
  await db.transaction('rw', [db.outbox, db.activity], async () => {
    await db.outbox.update(entry.seq!, {
      state: 'done',
      doneAt: at,
      sheet: { ...entry.sheet!, keyedInAt: at, keyedInNote: note }
    })
    await db.activity.add({
      at,
      connectionId: entry.connectionId,
      kind: 'write',
      level: 'info',
      message: `Count sheet of ${entry.sheet!.location} marked ${note}.`,
      link: { kind: 'write', entryId: entry.id }
    })
  })
}

/** Back to "to key in", where the mark was a slip. */
export async function markNotKeyedIn(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  if (!entry.sheet) return
  const { keyedInAt: _at, keyedInNote: _note, ...sheet } = entry.sheet
  await db.outbox.update(entry.seq!, { state: 'to-key-in', doneAt: undefined, sheet })
}
