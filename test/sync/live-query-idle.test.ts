import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Dexie, liveQuery, type EntityTable } from 'dexie'
import { afterEach, expect, it } from 'vitest'

/**
 * Dexie's live queries keep every change they are told of until they next read. A query that
 * a long sync never touches (the count screen's location while another connection syncs
 * 100,000 products) kept them all: every key and index value the sync wrote, merged into a
 * tree on each commit and held in memory for the whole pass. patches/dexie+4.4.7.patch lets
 * an idle query forget a change that does not touch what it read; one that is still reading
 * keeps them, to be checked against what it ends up reading.
 */
interface Row {
  id: string
  group: string
  tags: string[]
}
type Db = Dexie & { rows: EntityTable<Row, 'id'> }

let n = 0
const open: Db[] = []
function freshDb(): Db {
  const db = new Dexie(`live-query-idle-${process.pid}-${++n}`) as Db
  db.version(1).stores({ rows: 'id, group, *tags' })
  open.push(db)
  return db
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete()
})

const row = (id: string, group: string): Row => ({ id, group, tags: [`${group}-a`, `${group}-b`, id] })
/** Every query has had its turn: no new run for a while. */
const settle = () => new Promise((r) => setTimeout(r, 150))

it('the installed Dexie carries the idle live-query fix of patches/dexie+4.4.7.patch', () => {
  const require = createRequire(import.meta.url)
  const source = readFileSync(require.resolve('dexie'), 'utf8')
  expect(source).toContain('else if (!querying) {')
})

it('a query reads again for a change to what it read, after thousands of changes elsewhere', async () => {
  const db = freshDb()
  await db.rows.bulkPut([row('here-1', 'here'), row('here-2', 'here')])
  let runs = 0
  let last: Row[] = []
  const subscription = liveQuery(async () => {
    runs++
    return db.rows.where('group').equals('here').toArray()
  }).subscribe((rows) => (last = rows))
  try {
    await expect.poll(() => last.length).toBe(2)
    const before = runs
    // Another connection's sync: many small commits, none of them here.
    for (let page = 0; page < 40; page++)
      await db.transaction('rw', db.rows, async () => {
        for (let i = 0; i < 49; i += 7)
          await db.rows.bulkPut(
            Array.from({ length: 7 }, (_, k) => row(`there-${page}-${i + k}`, `there-${page % 5}`))
          )
      })
    await settle()
    expect(runs - before).toBe(0)

    // What it read changes: it reads again, and sees the change.
    await db.rows.put({ ...row('here-2', 'here'), tags: ['moved'] })
    await expect.poll(() => last.find((r) => r.id === 'here-2')?.tags).toEqual(['moved'])
    // A new row of its range (no key it read before) is caught by the index range it read.
    await db.rows.put(row('here-3', 'here'))
    await expect.poll(() => last.length).toBe(3)
  } finally {
    subscription.unsubscribe()
  }
})

it('a change that commits while the query is still reading is caught once the query knows what it read', async () => {
  const db = freshDb()
  await db.rows.bulkPut([row('here-1', 'here'), row('there-1', 'there')])
  let release!: () => void
  let gate = new Promise<void>((r) => (release = r))
  let last: Row[] = []
  const subscription = liveQuery(async () => {
    const rows = await db.rows.where('group').equals('here').toArray()
    await gate
    return rows
  }).subscribe((rows) => (last = rows))
  try {
    await new Promise((r) => setTimeout(r, 50))
    // The query has read and waits: a change elsewhere, then one to what it read, commit meanwhile.
    await db.rows.put(row('there-2', 'there'))
    await db.rows.put({ ...row('here-1', 'here'), tags: ['changed'] })
    gate = Promise.resolve()
    release()
    await expect.poll(() => last[0]?.tags).toEqual(['changed'])
  } finally {
    subscription.unsubscribe()
  }
})
