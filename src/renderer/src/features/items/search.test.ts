import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Item } from '../../../../shared/model/records'
import { itemCodes, searchWords } from '../../../../shared/vendors/common'
import { createDb, type StockroomDb } from '../../db/db'
import { piecesOf } from '../../db/item-index'
import { fuzzyWordMatch } from './fuzzy-match'
import { SEARCH_LIMIT, searchItems } from './search'

const item = (n: number, name: string, sku: string, ean?: string): Item => ({
  key: `c:item:${n}`,
  connectionId: 'c',
  vendorId: String(n),
  resource: 'products',
  raw: {},
  sku,
  name,
  codes: itemCodes(sku, ean),
  words: searchWords(name, sku),
  tracking: 'none'
})

const names = (items: Item[]) => items.map((i) => i.name)

let db: StockroomDb
async function replica(items: Item[]) {
  db = createDb(`search-${Math.random()}`)
  await db.items.bulkPut(items)
  await db.itemPieces.bulkPut(items.flatMap((i) => piecesOf(i) ?? []))
  return db
}
afterEach(() => db?.close())

describe('item search', () => {
  const catalogue = [
    item(1, 'Wildflower Honey 340 g', 'HNY-340', '5012345678900'),
    item(2, 'Clover Honey 500 g', 'HNY-500'),
    item(3, 'Hex Bolt M8', 'HB-M8'),
    item(4, 'Sunflower Seeds', 'SNF-1'),
    item(5, 'Beeswax Pellets', 'BWX-1')
  ]

  it('finds a word with a slip in it', async () => {
    await replica(catalogue)
    expect(names(await searchItems(db, 'wildflowr'))).toEqual(['Wildflower Honey 340 g'])
    expect(names(await searchItems(db, 'beswax'))).toEqual(['Beeswax Pellets'])
  })

  it('finds a word inside another when no word starts with it', async () => {
    await replica(catalogue)
    expect(names(await searchItems(db, 'flower'))).toEqual(['Sunflower Seeds', 'Wildflower Honey 340 g'])
    expect(names(await searchItems(db, 'honey')).sort()).toEqual([
      'Clover Honey 500 g',
      'Wildflower Honey 340 g'
    ])
  })

  it('needs every typed word, and does not guess from a short one', async () => {
    await replica(catalogue)
    expect(names(await searchItems(db, 'clover hony'))).toEqual(['Clover Honey 500 g'])
    expect(await searchItems(db, 'xyz')).toEqual([])
    expect(await searchItems(db, 'bolts pellets')).toEqual([])
  })

  it('takes a valid barcode as that code only', async () => {
    await replica(catalogue)
    expect(names(await searchItems(db, '5012345678900'))).toEqual(['Wildflower Honey 340 g'])
  })

  it('measures slips against the best-matching stretch of a word', () => {
    expect(fuzzyWordMatch('flower', 'wildflower')).toBe(0)
    expect(fuzzyWordMatch('wildflowr', 'wildflower')).toBe(1)
    expect(fuzzyWordMatch('wlidflower', 'wildflower')).toBe(2)
    expect(fuzzyWordMatch('hny', 'honey')).toBe(Infinity)
    expect(fuzzyWordMatch('pellet', 'beeswax')).toBe(Infinity)
  })

  it('finds every typed word among many items, whichever word is rare or common', async () => {
    const many = Array.from({ length: 600 }, (_, n) => item(100 + n, `Hex Bolt M${n}`, `HB-${n}`))
    await replica([...many, item(9, 'Hex Bolt Special', 'HB-SPECIAL'), item(10, 'Special Tape', 'ST-1')])
    expect(names(await searchItems(db, 'hex special'))).toEqual(['Hex Bolt Special'])
    expect(names(await searchItems(db, 'special hex'))).toEqual(['Hex Bolt Special'])
    const common = await searchItems(db, 'bolt hex')
    expect(common).toHaveLength(SEARCH_LIMIT)
    expect(common.every((i) => i.name.startsWith('Hex Bolt'))).toBe(true)
    expect(names(await searchItems(db, 'hex m59'))).toEqual(['Hex Bolt M59', ...names(many.slice(590, 600))])
  })
})

describe('an exact name among many alike', () => {
  it('finds an item by its exact description first, among a thousand sharing its words', async () => {
    const sheets = Array.from({ length: 1_000 }, (_, n) => item(n + 1, `1018 sheet #${n + 1}`, ''))
    sheets.push(item(5_000, '1018 Sheet', ''))
    await replica(sheets)
    expect(names(await searchItems(db, '1018 sheet')).slice(0, 1)).toEqual(['1018 Sheet'])
    // A number typed whole beats the numbers it starts.
    expect(names(await searchItems(db, '1018 sheet #30', 8)).slice(0, 1)).toEqual(['1018 sheet #30'])
  })
})
