import { countSheetCsv, sheetFilename, type SheetRow } from '../../../shared/count/count-sheet'
import { itemDetail, itemRef } from '../../../shared/model/item-identity'
import type { CountLine, CountSession, Location, OutboxEntry } from '../../../shared/model/records'
import { counterParts, UNNAMED_COUNTER } from '../count/counters'
import type { StockroomDb } from '../db/db'

const round = (n: number) => Math.round(n * 1e6) / 1e6

/**
 * The Outbox entry of a count for a vendor that takes no stock writes: its
 * count sheet, to key into the vendor, kept to download again; the person marks
 * it keyed in. Read inside the submit's transaction (items, lots, count events),
 * so the sheet is the count as it was closed.
 */
export async function countSheetEntry(
  db: StockroomDb,
  o: {
    session: CountSession
    location: Location
    lines: CountLine[]
    vendorName: string
    differences: number
    now: string
    newId: () => string
  }
): Promise<OutboxEntry> {
  const { session, location, lines } = o
  const [items, lots, events] = await Promise.all([
    db.items.bulkGet(lines.map((l) => l.itemKey)),
    db.lots.bulkGet(lines.map((l) => l.lotKey ?? '')),
    db.countEvents.where('[countId+id]').between([session.id, -Infinity], [session.id, Infinity]).toArray()
  ])
  const parts = counterParts(events)
  const rows: SheetRow[] = lines.map((line, i) => {
    const item = items[i]
    const who = (parts.get(line.id) ?? []).map((p) => p.counter)
    return {
      vendorId: item?.vendorId ?? line.itemKey.split(':').slice(2).join(':'),
      ref: item ? itemRef(item) : '',
      name: item?.name ?? '(no longer in the replica)',
      detail: (item && itemDetail(item)) ?? '',
      lot: (line.lotKey && lots[i]?.lotNumber) || '',
      locationCode: location.code ?? location.vendorId,
      locationName: location.name,
      unit: item?.unit ?? '',
      expected: line.expected,
      counted: line.counted,
      difference: round(line.counted - line.expected),
      countedBy: who.length > 0 ? who.join(', ') : UNNAMED_COUNTER,
      countedAt: line.countedAt
    }
  })
  const filename = sheetFilename(location.code ?? location.name, o.now)
  return {
    id: o.newId(),
    connectionId: session.connectionId,
    idempotencyKey: o.newId(),
    state: 'to-key-in',
    createdAt: o.now,
    description: `Count sheet, ${location.name}: ${rows.length} record${rows.length === 1 ? '' : 's'}, ${o.differences} difference${o.differences === 1 ? '' : 's'} — to key into ${o.vendorName}`,
    attempts: 0,
    affects: [],
    sheet: {
      filename,
      csv: countSheetCsv(rows),
      rows: rows.length,
      countId: session.id,
      location: location.name
    }
  }
}
