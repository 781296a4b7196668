import type { StockroomDb } from '../../src/renderer/src/db/db'

let n = 0
/**
 * A count session as the Count screen leaves it: lines with what the replica
 * expected at the instant of counting. Written straight to the replica so
 * outbox tests do not depend on the UI.
 */
export async function recordCount(
  db: StockroomDb,
  o: { connectionId: string; locationKey: string; lines: { itemKey: string; counted: number }[]; at?: string }
): Promise<string> {
  const at = o.at ?? new Date().toISOString()
  const countId = `count-${++n}-${Math.random().toString(36).slice(2, 8)}`
  await db.transaction('rw', [db.counts, db.countLines, db.stock], async () => {
    await db.counts.add({
      id: countId,
      connectionId: o.connectionId,
      locationKey: o.locationKey,
      state: 'review',
      blind: false,
      startedAt: at
    })
    for (const [i, line] of o.lines.entries()) {
      const rows = await db.stock.where('itemKey').equals(line.itemKey).toArray()
      const expected = rows.filter((r) => r.locationKey === o.locationKey).reduce((s, r) => s + r.onHand, 0)
      await db.countLines.add({
        id: `${countId}-${i}`,
        countId,
        itemKey: line.itemKey,
        counted: line.counted,
        expected,
        countedAt: at,
        updatedAt: at
      })
    }
  })
  return countId
}
