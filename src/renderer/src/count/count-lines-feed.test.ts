import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type StockroomDb } from '../db/db'
import { countScan } from './count-scan'
import { watchCountLines, type CountLinesSnapshot } from './count-lines-feed'
import { markForRecount, recountedLineIds, recountLine, undoLast } from './lines'
import { discardCount, startCount } from './sessions'
import { fx, seedReplica } from './testing'

let db: StockroomDb
let n = 0
let clock = Date.parse('2026-03-02T09:00:00.000Z')
const now = () => new Date((clock += 1000))

beforeEach(async () => {
  db = createDb(`feed-${Math.random()}-${++n}`)
  await seedReplica(db)
})
afterEach(() => db.close())

/** What a full read of the count gives, in the order the screen lists it. */
async function readWhole(countId: string) {
  const lines = await db.countLines.where('countId').equals(countId).toArray()
  lines.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
  return {
    lines: await Promise.all(
      lines.map(async (line) => ({
        line,
        item: await db.items.get(line.itemKey),
        lot: line.lotKey ? await db.lots.get(line.lotKey) : undefined
      }))
    ),
    events: await db.countEvents.where('countId').equals(countId).count(),
    recounted: await recountedLineIds(db, countId)
  }
}

/** Follows a count; `settled()` waits for the snapshot that answers every change so far. */
function follow(countId: string) {
  const seen: CountLinesSnapshot[] = []
  let wake = () => {}
  const stop = watchCountLines(db, countId, (s) => {
    seen.push(s)
    wake()
  })
  return {
    stop,
    reads: () => seen.length,
    async settled() {
      const whole = await readWhole(countId)
      for (let i = 0; i < 50; i++) {
        const last = seen.at(-1)
        if (last && JSON.stringify(last) === JSON.stringify(whole)) return last
        await new Promise<void>((r) => {
          wake = r
          setTimeout(r, 20)
        })
      }
      expect(seen.at(-1)).toEqual(whole)
      return seen.at(-1)!
    }
  }
}

describe('a count followed change by change', () => {
  it('shows what a full read shows after scans, a recount, a mark, an undo and another count’s scans', async () => {
    const s = await startCount(db, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false }, { now })
    const feed = follow(s.id)
    await feed.settled()

    await countScan(db, s.id, fx.bolt.ean, { now })
    await countScan(db, s.id, fx.bolt.ean, { now })
    await countScan(db, s.id, fx.glue.sku, { now })
    let shown = await feed.settled()
    expect(shown.lines.map((v) => [v.item?.name, v.line.counted])).toEqual([
      ['Wood glue', 1],
      ['Hex bolt M8', 2]
    ])
    expect(shown.events).toBe(3)

    const boltLine = shown.lines[1]!.line.id
    await recountLine(db, boltLine, 5, { now })
    await markForRecount(db, boltLine, true)
    shown = await feed.settled()
    expect(shown.recounted).toEqual(new Set([boltLine]))
    expect(shown.lines[0]!.line).toMatchObject({ counted: 5, recount: true })

    await undoLast(db, s.id, { now })
    await undoLast(db, s.id, { now })
    shown = await feed.settled()
    expect(shown.lines.map((v) => [v.item?.name, v.line.counted])).toEqual([['Hex bolt M8', 2]])
    expect(shown.events).toBe(2)

    // The item is renamed by a sync: the line shows the new name.
    await db.items.update(fx.bolt.key, { name: 'Hex bolt M8 zinc' })
    shown = await feed.settled()
    expect(shown.lines[0]!.item?.name).toBe('Hex bolt M8 zinc')

    await discardCount(db, s.id)
    shown = await feed.settled()
    expect(shown).toEqual({ lines: [], events: 0, recounted: new Set() })
    feed.stop()
  })

  it('is not read again for changes that are not its own', async () => {
    const s = await startCount(db, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false }, { now })
    const feed = follow(s.id)
    await feed.settled()
    const before = feed.reads()
    await db.items.update(fx.tape.key, { name: 'Packing tape 48 mm' })
    await db.stock.update((await db.stock.toCollection().first())!.key, { onHand: 99 })
    await countScan(db, s.id, fx.bolt.ean, { now })
    await feed.settled()
    expect(feed.reads()).toBe(before + 1)
    feed.stop()
  })
})
