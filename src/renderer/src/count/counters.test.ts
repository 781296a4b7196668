import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JournalChange } from '../../../shared/host-api/journal'
import { createDb, type StockroomDb } from '../db/db'
import { journalMiddleware } from '../db/journal-middleware'
import { bringInCount } from './bring-in'
import { countCounters, counterParts, formatParts } from './counters'
import { handOverCount } from './hand-over'
import { chooseNotCounted, missingFrom } from './not-counted'
import { addToCount, lineIdOf, undoLast } from './lines'
import { activeCount, startCount } from './sessions'
import { fx, seedReplica } from './testing'

let a: StockroomDb
let b: StockroomDb
let n = 0
const now = () => new Date('2026-03-02T09:00:00.000Z')

beforeEach(async () => {
  a = createDb(`counters-a-${Math.random()}-${++n}`)
  b = createDb(`counters-b-${Math.random()}-${n}`)
  await Promise.all([seedReplica(a), seedReplica(b)])
})
afterEach(() => {
  a.close()
  b.close()
})

/** PC B counts the warehouse and hands its count over as a file. */
async function fileFromB(count = 7): Promise<string> {
  const s = await startCount(b, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false }, { now })
  await addToCount(b, s.id, { itemKey: fx.bolt.key, quantity: count, counter: 'Ben', code: fx.bolt.ean })
  await addToCount(b, s.id, { itemKey: fx.milk.key, lotKey: fx.lotL1, quantity: 2, counter: 'Ben' })
  return (await handOverCount(b, s.id, { counter: 'Ben', pc: 'PC-B' }, { now })).text
}

describe('counter parts', () => {
  it('sums each counter’s scans per line, a recount being a part of its own', () => {
    const parts = counterParts([
      {
        countId: 'k',
        lineId: 'x',
        kind: 'add',
        quantity: 5,
        previous: 0,
        createdLine: true,
        at: '',
        counter: 'Ana'
      },
      {
        countId: 'k',
        lineId: 'x',
        kind: 'add',
        quantity: 3,
        previous: 5,
        createdLine: false,
        at: '',
        counter: 'Ben'
      },
      {
        countId: 'k',
        lineId: 'x',
        kind: 'add',
        quantity: 4,
        previous: 8,
        createdLine: false,
        at: '',
        counter: 'Ben'
      },
      {
        countId: 'k',
        lineId: 'x',
        kind: 'set',
        quantity: 10,
        previous: 12,
        createdLine: false,
        at: '',
        counter: 'Sam (recount)'
      },
      { countId: 'k', lineId: 'y', kind: 'add', quantity: 1, previous: 0, createdLine: true, at: '' }
    ])
    expect(formatParts(parts.get('x')!, 10, String)).toBe('Ana 5 + Ben 7 + Sam (recount) −2 = 10')
    expect(formatParts(parts.get('y')!, 1, String)).toBe('This PC 1 = 1')
  })
})

describe('the counters of a count', () => {
  it('are who counted: stock set to zero at review adds no counter of its own', async () => {
    const s = await startCount(a, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false }, { now })
    await addToCount(a, s.id, { itemKey: fx.bolt.key, quantity: 3, counter: 'Ana', code: fx.bolt.ean })
    const stock = await a.stock.where('locationKey').equals(fx.warehouse).toArray()
    const lines = await a.countLines.where('countId').equals(s.id).toArray()
    const [missing] = missingFrom(s.id, stock, lines)
    await chooseNotCounted(a, s.id, missing!, 'zero', { now })
    const { counters, parts } = await countCounters(a, s.id)
    expect(counters).toEqual(['Ana'])
    expect(parts.get(lineIdOf(s.id, fx.bolt.key))).toEqual([{ counter: 'Ana', quantity: 3 }])
  })
})

describe('a count brought in from another PC', () => {
  it('adds its scans to the count open at the same location, summed into one line per item', async () => {
    const mine = await startCount(
      a,
      { connectionId: fx.c1, locationKey: fx.warehouse, blind: false },
      { now }
    )
    await addToCount(a, mine.id, { itemKey: fx.bolt.key, quantity: 5, counter: 'Ana' })
    const brought = await bringInCount(a, await fileFromB())
    expect(brought).toMatchObject({ started: false, scans: 2, lines: 2 })
    const bolt = await a.countLines.get(lineIdOf(mine.id, fx.bolt.key))
    const milk = await a.countLines.get(lineIdOf(mine.id, fx.milk.key, fx.lotL1))
    expect([bolt?.counted, bolt?.expected, milk?.counted, milk?.expected]).toEqual([12, 7, 2, 10])
    const { parts } = await countCounters(a, mine.id)
    expect(parts.get(lineIdOf(mine.id, fx.bolt.key))).toEqual([
      { counter: 'Ana', quantity: 5 },
      { counter: 'Ben', quantity: 7 }
    ])
    // Journaled and undoable like any scan: the last one brought in goes first.
    const undone = await undoLast(a, mine.id)
    expect(undone?.event).toMatchObject({ counter: 'Ben', pc: 'PC-B', quantity: 2 })
    expect(await a.countLines.get(lineIdOf(mine.id, fx.milk.key, fx.lotL1))).toBeUndefined()
  })

  it('journals the scans it brings in, as it does every scan', async () => {
    const journaled: JournalChange[] = []
    const j = createDb(`counters-j-${Math.random()}`)
    j.use(journalMiddleware((changes) => journaled.push(...changes)))
    await seedReplica(j)
    const brought = await bringInCount(j, await fileFromB())
    await expect
      .poll(() =>
        journaled
          .filter((c) => c.op === 'put' && c.table === 'countEvents')
          .map((c) => c.op === 'put' && c.value)
      )
      .toEqual([
        expect.objectContaining({ countId: brought.count.id, counter: 'Ben', pc: 'PC-B', quantity: 7 }),
        expect.objectContaining({ countId: brought.count.id, counter: 'Ben', pc: 'PC-B', quantity: 2 })
      ])
    expect(
      journaled.some((c) => c.op === 'put' && c.table === 'counts' && Array.isArray(c.value.broughtIn))
    ).toBe(true)
    j.close()
  })

  it('starts a count at the file’s location when none is open', async () => {
    const brought = await bringInCount(a, await fileFromB())
    expect(brought.started).toBe(true)
    expect(await activeCount(a)).toMatchObject({
      locationKey: fx.warehouse,
      broughtIn: [brought.count.broughtIn![0]]
    })
  })

  it('refuses the same file twice, a file made here, another system and a damaged file, in plain words', async () => {
    const text = await fileFromB()
    await bringInCount(a, text)
    await expect(bringInCount(a, text)).rejects.toThrow(
      "Ben's count from PC-B (2 scans) was already brought in here. It is not added twice: each difference is sent once."
    )
    await expect(bringInCount(b, text)).rejects.toThrow(/This file was made on this PC/)

    const c = createDb(`counters-c-${Math.random()}`)
    await seedReplica(c)
    // A count open elsewhere is kept aside with its scans; the file's scans go to its own location.
    const elsewhere = await startCount(
      c,
      { connectionId: fx.c2, locationKey: fx.otherWarehouse, blind: false },
      { now }
    )
    await addToCount(c, elsewhere.id, { itemKey: fx.tape.key, quantity: 1 })
    expect(await bringInCount(c, text)).toMatchObject({ started: true, scans: 2 })
    expect((await c.counts.get(elsewhere.id))?.state).toBe('parked')
    expect((await activeCount(c))?.locationKey).toBe(fx.warehouse)
    const other = JSON.parse(text) as { connection: { baseUrl: string } }
    other.connection.baseUrl = 'http://elsewhere'
    await expect(bringInCount(c, JSON.stringify(other))).rejects.toThrow(/which this PC is not connected to/)
    await expect(bringInCount(c, '{"format":"stockroom.count-session","version":1}')).rejects.toThrow(
      /This count file is damaged/
    )
    await expect(bringInCount(c, 'sku,qty\n1,2')).rejects.toThrow(/not a count file from Stockroom/)
    // Nothing of the refused files was added.
    expect(await c.countEvents.count()).toBe(3)
    c.close()
  })
})
