import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JournalChange } from '../../../shared/host-api/journal'
import { createDb, type StockroomDb } from '../db/db'
import { journalMiddleware } from '../db/journal-middleware'
import { searchItems } from '../features/items/search'
import { itemsForCode, linkCode, linkLabel, removeLink } from './barcode-links'
import { exportLinksCsv, importLinksCsv } from './barcode-links-csv'
import { countScan } from './count-scan'
import { resolveCode } from './resolve'
import { startCount } from './sessions'
import { fx, seedReplica } from './testing'

let db: StockroomDb
let journal: JournalChange[]
let n = 0
const now = () => new Date('2026-03-02T09:00:00.000Z')

beforeEach(async () => {
  journal = []
  db = createDb(`links-${Math.random()}-${++n}`)
  db.use(journalMiddleware((changes) => journal.push(...changes)))
  await seedReplica(db)
})
afterEach(() => db.close())

const LABEL = 'SHELF-0042'

async function scanInto(countId: string, raw: string) {
  return countScan(db, countId, raw, { now })
}

describe('barcode links', () => {
  it('a code linked on a case counts the case’s units on every scan, and says it was a case', async () => {
    const count = await startCount(
      db,
      { connectionId: fx.c1, locationKey: fx.warehouse, blind: false },
      { now }
    )
    await linkCode(
      db,
      { connectionId: fx.c1, code: 'CASE-BOLT', itemKey: fx.bolt.key, pack: { units: 12, name: 'case' } },
      { now }
    )
    const first = await scanInto(count.id, 'CASE-BOLT')
    const second = await scanInto(count.id, 'CASE-BOLT')
    if (first.status !== 'counted' || second.status !== 'counted') throw new Error('not counted')
    expect([first.quantity, second.quantity, second.line.counted]).toEqual([12, 12, 24])
    expect(second.context.packName).toBe('case')
    // The item's own barcode still counts one.
    const own = await scanInto(count.id, fx.bolt.ean)
    expect(own.status === 'counted' && [own.quantity, own.context.packName]).toEqual([1, undefined])
    await expect(
      linkCode(db, {
        connectionId: fx.c1,
        code: 'CASE-2',
        itemKey: fx.bolt.key,
        pack: { units: 1.5, name: 'case' }
      })
    ).rejects.toThrow(/whole number/)
  })

  it('a code linked after an unknown scan counts its item on the next scan, and is journaled', async () => {
    const count = await startCount(
      db,
      { connectionId: fx.c1, locationKey: fx.warehouse, blind: false },
      { now }
    )
    expect((await scanInto(count.id, LABEL)).status).toBe('unknown')

    const link = await linkCode(
      db,
      { connectionId: fx.c1, code: 'shelf-0042 ', itemKey: fx.bolt.key },
      { now }
    )
    expect(link).toMatchObject({ key: 'c1:link:SHELF-0042', code: 'SHELF-0042', itemKey: fx.bolt.key })

    const next = await scanInto(count.id, LABEL)
    expect(next).toMatchObject({
      status: 'counted',
      item: { key: fx.bolt.key },
      line: { counted: 1 },
      viaLink: true
    })
    // Lower case, as a scanner with Caps Lock sends it, finds the same link.
    expect(await scanInto(count.id, 'shelf-0042')).toMatchObject({ status: 'counted', line: { counted: 2 } })
    // The link went to main's journal with the count, so a lost IndexedDB does not lose it.
    await new Promise((r) => setTimeout(r, 0))
    expect(journal.filter((c) => c.table === 'barcodeLinks')).toEqual([
      { op: 'put', table: 'barcodeLinks', key: 'c1:link:SHELF-0042', value: link }
    ])
  })

  it('is used by every lookup: search, the scan outside a count, and across connections', async () => {
    await linkCode(db, { connectionId: fx.c1, code: LABEL, itemKey: fx.bolt.key })
    expect((await searchItems(db, LABEL)).map((i) => i.key)).toEqual([fx.bolt.key])
    expect(await resolveCode(db, [LABEL])).toMatchObject({ status: 'found', item: { key: fx.bolt.key } })
    // In the second connection the code is still unknown: a link belongs to one connection.
    expect(await resolveCode(db, [LABEL], fx.c2)).toMatchObject({ status: 'elsewhere' })
  })

  it("takes its connection's item even where the vendor's codes name another; other connections keep theirs", async () => {
    const glue = fx.glue.ean.padStart(14, '0')
    await linkCode(db, { connectionId: fx.c1, code: fx.glue.ean, itemKey: fx.bolt.key })
    expect(await resolveCode(db, [glue], fx.c1)).toMatchObject({
      status: 'found',
      item: { key: fx.bolt.key }
    })
    expect((await itemsForCode(db, [glue])).map((i) => i.key)).toEqual([fx.bolt.key, fx.glue.c2])
    // Removed, the vendor's code counts again.
    await removeLink(db, `c1:link:${glue}`)
    expect(await resolveCode(db, [glue], fx.c1)).toEqual({
      status: 'found',
      item: expect.objectContaining({ key: fx.glue.c1 })
    })
  })

  it('never links to an item of another connection, and ignores a link whose item left the replica', async () => {
    await expect(linkCode(db, { connectionId: fx.c1, code: LABEL, itemKey: fx.tape.key })).rejects.toThrow(
      /belongs to another connection/
    )
    expect(await db.barcodeLinks.count()).toBe(0)
    await linkCode(db, { connectionId: fx.c1, code: LABEL, itemKey: fx.bolt.key })
    await db.items.delete(fx.bolt.key)
    expect(await resolveCode(db, [LABEL], fx.c1)).toEqual({ status: 'unknown' })
  })
})

describe('a link as its label reads', () => {
  it('shows and exports 4006381333931 as printed, and finds it scanned as EAN-13 or GTIN-14', async () => {
    const link = await linkCode(
      db,
      { connectionId: fx.c1, code: ' 4006381333931 ', itemKey: fx.bolt.key },
      { now }
    )
    expect(link.code).toBe('04006381333931')
    expect(linkLabel(link)).toBe('4006381333931')
    for (const scanned of ['4006381333931', '04006381333931'])
      expect((await searchItems(db, scanned)).map((i) => i.key)).toContain(fx.bolt.key)
    const csv = await exportLinksCsv(db)
    expect(csv).toContain('"4006381333931"')
    expect(csv).not.toContain('04006381333931')
    // A code that is not a GTIN is its own label: nothing more is stored.
    expect(
      (await linkCode(db, { connectionId: fx.c1, code: LABEL, itemKey: fx.bolt.key }, { now })).label
    ).toBe(undefined)
  })
})

describe('barcode links as CSV', () => {
  it('survive an export, a removal and an import; importing the same file twice changes nothing', async () => {
    const count = await startCount(
      db,
      { connectionId: fx.c1, locationKey: fx.warehouse, blind: false },
      { now }
    )
    await linkCode(db, { connectionId: fx.c1, code: LABEL, itemKey: fx.bolt.key, linkedOn: 'PC-7' }, { now })
    await linkCode(db, { connectionId: fx.c2, code: 'TAPE-ROLL', itemKey: fx.tape.key }, { now })
    const csv = await exportLinksCsv(db)
    expect(csv.split('\r\n')[0]).toBe(
      '"code","connection","base_url","item_sku","item_vendor_id","item_name","linked_at","linked_on"'
    )
    expect(csv).toContain(
      '"SHELF-0042","Main","http://x","BOLT-M8","bolt","Hex bolt M8","2026-03-02T09:00:00.000Z","PC-7"'
    )

    await db.barcodeLinks.clear()
    expect((await scanInto(count.id, LABEL)).status).toBe('unknown')

    expect(await importLinksCsv(db, csv)).toEqual({ added: 2, unchanged: 0, problems: [] })
    expect(await scanInto(count.id, LABEL)).toMatchObject({ status: 'counted', item: { key: fx.bolt.key } })
    expect(await db.barcodeLinks.get('c1:link:SHELF-0042')).toMatchObject({
      linkedAt: '2026-03-02T09:00:00.000Z',
      linkedOn: 'PC-7'
    })
    expect(await importLinksCsv(db, csv)).toEqual({ added: 0, unchanged: 2, problems: [] })
    expect(await exportLinksCsv(db)).toBe(csv)
  })

  it('matches rows on another PC by address and vendor id or SKU, and says which rows it could not take', async () => {
    // Another PC: its connection id differs, its address and items are the same.
    const file = [
      'code,connection,base_url,item_sku,item_vendor_id',
      'A-1,Elsewhere,http://x/,,bolt',
      'A-2,Main,,MILK-1L,',
      'A-3,Nowhere,http://z,BOLT-M8,bolt',
      'A-4,Main,http://x,NO-SUCH,999',
      ',Main,http://x,BOLT-M8,bolt',
      'A-5,Main,http://x,,',
      'A-1,Main,http://x,MILK-1L,milk'
    ].join('\n')
    const report = await importLinksCsv(db, file)
    expect(report.added).toBe(2)
    expect(report.problems).toEqual([
      'Line 4: code A-3 is for connection “Nowhere”, which this PC does not have (or has twice under that name).',
      'Line 5: no item with vendor id 999 or SKU NO-SUCH in Main; sync it, then import again.',
      'Line 6: not taken, the code is empty.',
      'Line 7: not taken, it names no item (no SKU, no vendor id).',
      'Line 8: code A-1 is already linked to Hex bolt M8 on this PC; that link is kept (remove it to take Milk 1 L from the file).'
    ])
    expect((await db.barcodeLinks.toArray()).map((l) => [l.key, l.itemKey])).toEqual([
      ['c1:link:A-1', fx.bolt.key],
      ['c1:link:A-2', fx.milk.key]
    ])
  })

  it('refuses a file that is not a links file, or is cut short, and writes nothing', async () => {
    expect(await importLinksCsv(db, 'location,item,expected\r\n"Main DC","x",1\r\n')).toMatchObject({
      added: 0,
      problems: [
        expect.stringMatching(
          /not a barcode links file: its first line lacks the columns code, connection, item_sku, item_vendor_id/
        )
      ]
    })
    expect(
      await importLinksCsv(db, 'code,connection,item_sku,item_vendor_id\r\n"A-1,Main,,bolt\r\n')
    ).toEqual({
      added: 0,
      unchanged: 0,
      problems: ['The file could not be read: A quote opened on line 2 is never closed.']
    })
    expect(await db.barcodeLinks.count()).toBe(0)
  })
})
