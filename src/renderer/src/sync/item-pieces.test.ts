import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Item } from '../../../shared/model/records'
import { itemCodes, searchWords } from '../../../shared/vendors/common'
import { createDb, type StockroomDb } from '../db/db'
import { holdFloor } from '../db/floor'
import { searchItems } from '../features/items/search'
import { indexItemPieces } from './item-pieces'

const item = (cid: string, n: number, name: string): Item => ({
  key: `${cid}:item:${String(n).padStart(5, '0')}`,
  connectionId: cid,
  vendorId: String(n),
  resource: 'products',
  raw: {},
  sku: `SKU-${n}`,
  name,
  codes: itemCodes(`SKU-${n}`),
  words: searchWords(name, `SKU-${n}`),
  tracking: 'none'
})

let db: StockroomDb
afterEach(() => db?.close())

const addConnection = (into: StockroomDb, id: string) =>
  into.connections.put({
    id,
    vendor: 'frostbyte',
    label: id.toUpperCase(),
    baseUrl: '',
    capabilities: [],
    status: 'ok',
    demo: false
  })

describe('search pieces after a sync', () => {
  it('are built for every item of the connection, follow renames and removals, and leave others alone', async () => {
    db = createDb(`pieces-${Math.random()}`)
    await addConnection(db, 'a')
    const many = Array.from({ length: 620 }, (_, n) =>
      item('a', n, n === 7 ? 'Wildflower Honey' : `Hex Bolt M${n}`)
    )
    await db.items.bulkPut([...many, item('b', 1, 'Wildflower Wax')])
    // Before the walk, "flower" inside "wildflower" is not found; the word itself is.
    expect(await searchItems(db, 'flower')).toEqual([])
    expect((await searchItems(db, 'wildflower')).map((i) => i.name)).toContain('Wildflower Honey')

    expect(await indexItemPieces(db, 'a')).toEqual({ written: 620, removed: 0 })
    expect((await searchItems(db, 'flower')).map((i) => i.name)).toEqual(['Wildflower Honey'])
    expect((await db.connections.get('a'))?.piecesAt).toBeDefined()

    // Nothing changed: nothing written.
    expect(await indexItemPieces(db, 'a')).toEqual({ written: 0, removed: 0 })
    // A rename and a removal (the last item of the connection too) are followed.
    await db.items.put(item('a', 7, 'Clover Honey'))
    await db.items.bulkDelete([many[3]!.key, many.at(-1)!.key])
    expect(await indexItemPieces(db, 'a')).toEqual({ written: 1, removed: 2 })
    expect(await searchItems(db, 'flower')).toEqual([])
    expect((await searchItems(db, 'lover')).map((i) => i.name)).toEqual(['Clover Honey'])
    // Connection b's item was never walked.
    expect(await db.itemPieces.get('b:item:00001')).toBeUndefined()
  })

  it('waits while a person holds the floor', async () => {
    db = createDb(`pieces-${Math.random()}`)
    await addConnection(db, 'a')
    await db.items.bulkPut([item('a', 1, 'Wildflower Honey')])
    const release = holdFloor()
    let done = false
    const walk = indexItemPieces(db, 'a').then(() => (done = true))
    await new Promise((r) => setTimeout(r, 50))
    expect(done).toBe(false)
    expect(await db.itemPieces.count()).toBe(0)
    release()
    await walk
    expect(await db.itemPieces.count()).toBe(1)
  })
})
