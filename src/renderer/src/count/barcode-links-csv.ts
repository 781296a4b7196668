import { z } from 'zod'
import { readCsv, writeCsv, type CsvCell } from '../../../shared/csv/csv'
import { barcodeLinkKey, recordKey, type ConnectionRow, type Item } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { linkCodeOf, linkLabel } from './barcode-links'
import { isoNow, type Clock } from './sessions'

/**
 * The barcode links file a site's PCs share. Connections and items are named as
 * another PC can find them (connection ids are made per PC): the connection by
 * its address and name, the item by its id at the vendor and its SKU.
 */
export const LINK_COLUMNS = [
  'code',
  'connection',
  'base_url',
  'item_sku',
  'item_vendor_id',
  'item_name',
  'linked_at',
  'linked_on'
] as const

const text = (max: number) => z.string().trim().max(max)
/** One row of the file; `item_name`, `linked_at` and `linked_on` are for people and may be left out. */
const linkRow = z
  .object({
    code: text(64).min(1, 'the code is empty'),
    connection: text(200),
    base_url: text(500).default(''),
    item_sku: text(200),
    item_vendor_id: text(200),
    item_name: text(500).default(''),
    linked_at: z.iso.datetime({ offset: true }).or(z.literal('')).default(''),
    linked_on: text(200).default('')
  })
  .refine((r) => r.connection !== '' || r.base_url !== '', 'it names no connection')
  .refine((r) => r.item_sku !== '' || r.item_vendor_id !== '', 'it names no item (no SKU, no vendor id)')
type LinkRow = z.infer<typeof linkRow>

/** Every link in the replica, as CSV text. */
export async function exportLinksCsv(db: StockroomDb): Promise<string> {
  const [links, connections] = await Promise.all([
    db.barcodeLinks.orderBy('code').toArray(),
    db.connections.toArray()
  ])
  const items = await db.items.bulkGet(links.map((l) => l.itemKey))
  const byId = new Map(connections.map((c) => [c.id, c]))
  const rows: CsvCell[][] = [[...LINK_COLUMNS]]
  links.forEach((l, i) => {
    const item = items[i]
    if (!item) return // its item left the replica: nothing another PC could match it to
    const c = byId.get(l.connectionId)
    rows.push([
      linkLabel(l),
      c?.label ?? l.connectionId,
      c?.baseUrl ?? '',
      item.sku,
      item.vendorId,
      item.name,
      l.linkedAt,
      l.linkedOn ?? ''
    ])
  })
  return writeCsv(rows)
}

export interface LinkImportReport {
  added: number
  /** Rows already in the replica as they are in the file. */
  unchanged: number
  /** Rows not taken, each in plain words with its line number. */
  problems: string[]
}

const sameUrl = (a: string, b: string) =>
  a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase()

/** The connection a row names: by address (and name, when two share it), else by name alone. */
function connectionOf(row: LinkRow, connections: ConnectionRow[]): ConnectionRow | undefined {
  const byName = (cs: ConnectionRow[]) =>
    cs.filter((c) => c.label.trim().toLowerCase() === row.connection.toLowerCase())
  const byUrl = row.base_url === '' ? [] : connections.filter((c) => sameUrl(c.baseUrl, row.base_url))
  if (byUrl.length === 1) return byUrl[0]
  const named = byName(byUrl.length > 1 ? byUrl : connections)
  return named.length === 1 ? named[0] : undefined
}

/** The row's item in that connection: by its id at the vendor, else by a SKU only one item has. */
async function itemOf(db: StockroomDb, row: LinkRow, connectionId: string): Promise<Item | undefined> {
  if (row.item_vendor_id !== '') {
    const item = await db.items.get(recordKey(connectionId, 'item', row.item_vendor_id))
    if (item) return item
  }
  if (row.item_sku === '') return undefined
  const same = await db.items
    .where('sku')
    .equals(row.item_sku)
    .filter((i) => i.connectionId === connectionId)
    .toArray()
  return same.length === 1 ? same[0] : undefined
}

/**
 * Takes the links of a file into the replica. Importing the same file twice
 * changes nothing; a code this PC already links to another item keeps this
 * PC's link (remove it first to take the file's). Nothing is written when the
 * file itself cannot be read.
 */
export async function importLinksCsv(db: StockroomDb, csv: string, o: Clock = {}): Promise<LinkImportReport> {
  const parsed = readCsv(csv)
  if (!parsed.ok) return { added: 0, unchanged: 0, problems: [`The file could not be read: ${parsed.error}`] }
  const [header, ...body] = parsed.rows
  const columns = (header ?? []).map((h) => h.trim().toLowerCase())
  const missing = ['code', 'connection', 'item_sku', 'item_vendor_id'].filter((c) => !columns.includes(c))
  if (missing.length > 0)
    return {
      added: 0,
      unchanged: 0,
      problems: [
        `This is not a barcode links file: its first line lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}. Export links from Stockroom to see the expected columns.`
      ]
    }
  const report: LinkImportReport = { added: 0, unchanged: 0, problems: [] }
  const now = isoNow(o)
  await db.transaction('rw', [db.connections, db.items, db.barcodeLinks], async () => {
    const connections = await db.connections.toArray()
    for (const [i, cells] of body.entries()) {
      const line = i + 2
      const check = linkRow.safeParse(Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])))
      if (!check.success) {
        report.problems.push(
          `Line ${line}: not taken, ${check.error.issues.map((e) => e.message).join('; ')}.`
        )
        continue
      }
      const row = check.data
      const code = linkCodeOf(row.code)!
      const connection = connectionOf(row, connections)
      if (!connection) {
        report.problems.push(
          `Line ${line}: code ${row.code} is for connection “${row.connection || row.base_url}”, which this PC does not have (or has twice under that name).`
        )
        continue
      }
      const item = await itemOf(db, row, connection.id)
      if (!item) {
        report.problems.push(
          `Line ${line}: no item with ${row.item_vendor_id ? `vendor id ${row.item_vendor_id}` : ''}${row.item_vendor_id && row.item_sku ? ' or ' : ''}${row.item_sku ? `SKU ${row.item_sku}` : ''} in ${connection.label}; sync it, then import again.`
        )
        continue
      }
      const key = barcodeLinkKey(connection.id, code)
      const existing = await db.barcodeLinks.get(key)
      if (existing?.itemKey === item.key) {
        report.unchanged++
        continue
      }
      if (existing) {
        const here = await db.items.get(existing.itemKey)
        report.problems.push(
          `Line ${line}: code ${row.code} is already linked to ${here?.name ?? 'another item'} on this PC; that link is kept (remove it to take ${item.name} from the file).`
        )
        continue
      }
      await db.barcodeLinks.put({
        key,
        connectionId: connection.id,
        code,
        itemKey: item.key,
        linkedAt: row.linked_at || now,
        ...(row.linked_on !== '' && { linkedOn: row.linked_on })
      })
      report.added++
    }
  })
  return report
}
