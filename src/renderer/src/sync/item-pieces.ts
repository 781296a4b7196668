import type { StockroomDb } from '../db/db'
import { floorClear } from '../db/floor'
import { piecesOf, type ItemPieces } from '../db/item-index'
import { putObserved } from '../db/observed-put'
import { FLOOR_WAIT_MAX_MS, SliceSizer } from './apply-page'
import { takeWriteTurn } from './write-turns'

const sameGrams = (a: string[] | undefined, b: string[] | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((g, i) => g === b[i])

/**
 * Brings the search pieces of one connection's items in step with its items,
 * after a sync has written them: a walk over the items in key order, a slice at
 * a time, writing only the pieces that changed and removing those of items that
 * are gone. Until it has passed an item, that item is found by its code, SKU
 * and words, but not yet inside a word or past a typo.
 *
 * Each slice waits for the floor (a scan goes first) and takes its write turn
 * with the sync's page slices. The walk is idempotent: stopped anywhere (a
 * crash, a new sync), the next walk finishes the job. Returns the pieces rows
 * written and removed.
 */
export async function indexItemPieces(
  db: StockroomDb,
  connectionId: string,
  o: { signal?: AbortSignal; now?: () => Date; sizer?: SliceSizer } = {}
): Promise<{ written: number; removed: number }> {
  // Slices sized by time like the sync's own: a first walk writes every piece, a later one only reads.
  const sizer = o.sizer ?? new SliceSizer()
  const lo = `${connectionId}:`
  const hi = `${connectionId}:\uffff`
  let after = lo
  let written = 0
  let removed = 0
  for (;;) {
    if (o.signal?.aborted) return { written, removed }
    await floorClear(FLOOR_WAIT_MAX_MS)
    const done = await takeWriteTurn(async () => {
      await floorClear(FLOOR_WAIT_MAX_MS)
      const slice = sizer.rows('itemPieces')
      const started = performance.now()
      let read = 0
      // The items are read in a read-only transaction of their own: a scan's lookup (which reads
      // items) runs beside it instead of waiting for a write lock on a store this walk never writes.
      // Items that change between the two are walked again by the next walk, after their sync.
      const items = await db.transaction('r', db.items, () =>
        db.items.where(':id').between(after, hi, false, true).limit(slice).toArray()
      )
      const end = await db.transaction('rw', db.itemPieces, async () => {
        read = items.length
        const last = items.length < slice ? hi : items.at(-1)!.key
        const [existing, present] = await Promise.all([
          db.itemPieces.bulkGet(items.map((i) => i.key)),
          db.itemPieces.where(':id').between(after, last, false, true).primaryKeys()
        ])
        const keep = new Set(items.map((i) => i.key))
        const gone = present.filter((k) => !keep.has(k))
        const changed: ItemPieces[] = []
        const empty: string[] = []
        items.forEach((item, n) => {
          const pieces = piecesOf(item)
          if (!pieces) {
            if (existing[n]) empty.push(item.key)
          } else if (!sameGrams(pieces.grams, existing[n]?.grams)) changed.push(pieces)
        })
        await Promise.all([
          changed.length > 0 && putObserved(db.itemPieces, changed),
          gone.length + empty.length > 0 && db.itemPieces.bulkDelete([...gone, ...empty])
        ])
        written += changed.length
        removed += gone.length + empty.length
        after = last
        return items.length < slice
      })
      sizer.learn('itemPieces', Math.max(1, read), performance.now() - started)
      return end
    })
    if (done) break
  }
  await db.connections.update(connectionId, { piecesAt: (o.now ?? (() => new Date()))().toISOString() })
  return { written, removed }
}
