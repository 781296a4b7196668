import type { ConnectionRow, Item, Location, Lot, Stock } from '../../../shared/model/records'
import { withCheckDigit } from '../../../shared/scan'
import { itemCodes, searchWords } from '../../../shared/vendors/common'
import type { StockroomDb } from '../db/db'
import { indexLocation } from '../db/location-index'

/** A small replica for count tests: two connections, a warehouse with a zone and a bin, items with and without lots. */
export const fx = {
  c1: 'c1',
  c2: 'c2',
  warehouse: 'c1:location:wh/W1',
  zone: 'c1:location:zone/Z1',
  bin: 'c1:location:bin/B1',
  otherWarehouse: 'c2:location:wh/X',
  /** Plain item: 7 on hand at the warehouse, 5 elsewhere. */
  bolt: { key: 'c1:item:bolt', ean: withCheckDigit('940123400001'), sku: 'BOLT-M8' },
  /** Lot-tracked: lot L1 = 10, lot L2 = 4, and 1 outside lots, at the warehouse. */
  milk: { key: 'c1:item:milk', ean: withCheckDigit('940123400002'), sku: 'MILK-1L' },
  /** Only in the second connection. */
  tape: { key: 'c2:item:tape', ean: withCheckDigit('940123400003'), sku: 'TAPE-50' },
  /** The same barcode in both connections. */
  glue: { c1: 'c1:item:glue', c2: 'c2:item:glue', ean: withCheckDigit('940123400004'), sku: 'GLUE' },
  lotL1: 'c1:lot:L1',
  lotL2: 'c1:lot:L2'
}

const item = (key: string, connectionId: string, name: string, sku: string, ean: string): Item => ({
  key,
  connectionId,
  vendorId: key.split(':').pop() ?? key,
  resource: 'products',
  raw: {},
  sku,
  name,
  codes: itemCodes(sku, ean),
  words: searchWords(name, sku),
  tracking: 'none'
})

export const location = (
  key: string,
  name: string,
  kind: Location['kind'],
  parentKey?: string
): Location => ({
  key,
  connectionId: key.split(':')[0] ?? '',
  vendorId: key.split(':').pop() ?? key,
  resource: 'warehouses',
  raw: {},
  name,
  kind,
  ...(parentKey && { parentKey })
})

let stockN = 0
const stock = (itemKey: string, locationKey: string, onHand: number, lotKey?: string): Stock => ({
  key: `${locationKey.split(':')[0]}:stock:${++stockN}`,
  connectionId: locationKey.split(':')[0] ?? '',
  vendorId: String(stockN),
  resource: 'stock-on-hand',
  raw: {},
  itemKey,
  locationKey,
  onHand,
  ...(lotKey && { lotKey })
})

const lot = (key: string, itemKey: string, lotNumber: string): Lot => ({
  key,
  connectionId: 'c1',
  vendorId: lotNumber,
  resource: 'batches',
  raw: {},
  itemKey,
  lotNumber
})

export async function seedReplica(db: StockroomDb): Promise<void> {
  const connections: ConnectionRow[] = [
    {
      id: fx.c1,
      vendor: 'frostbyte',
      label: 'Main',
      baseUrl: 'http://x',
      capabilities: [],
      status: 'ok',
      demo: false,
      lastSyncAt: '2026-03-01T08:00:00.000Z'
    },
    {
      id: fx.c2,
      vendor: 'inventora',
      label: 'Second',
      baseUrl: 'http://y',
      capabilities: [],
      status: 'ok',
      demo: false
    }
  ]
  await db.connections.bulkPut(connections)
  await db.locations.bulkPut(
    [
      { ...location(fx.warehouse, 'Main DC', 'warehouse'), code: 'MDC' },
      location(fx.zone, 'Ambient', 'zone', fx.warehouse),
      location(fx.bin, 'A-01-01', 'bin', fx.zone),
      location(fx.otherWarehouse, 'Other DC', 'warehouse')
    ].map(indexLocation)
  )
  const milk = { ...item(fx.milk.key, 'c1', 'Milk 1 L', fx.milk.sku, fx.milk.ean), tracking: 'lot' as const }
  await db.items.bulkPut([
    item(fx.bolt.key, 'c1', 'Hex bolt M8', fx.bolt.sku, fx.bolt.ean),
    milk,
    item(fx.tape.key, 'c2', 'Packing tape 50 mm', fx.tape.sku, fx.tape.ean),
    item(fx.glue.c1, 'c1', 'Wood glue', fx.glue.sku, fx.glue.ean),
    item(fx.glue.c2, 'c2', 'Wood glue', fx.glue.sku, fx.glue.ean)
  ])
  await db.lots.bulkPut([lot(fx.lotL1, fx.milk.key, 'L1'), lot(fx.lotL2, fx.milk.key, 'L2')])
  await db.stock.bulkPut([
    stock(fx.bolt.key, fx.warehouse, 7),
    stock(fx.bolt.key, fx.otherWarehouse.replace('c2', 'c1'), 5),
    stock(fx.milk.key, fx.warehouse, 10, fx.lotL1),
    stock(fx.milk.key, fx.warehouse, 4, fx.lotL2),
    stock(fx.milk.key, fx.warehouse, 1),
    stock(fx.glue.c1, fx.warehouse, 3)
  ])
}
