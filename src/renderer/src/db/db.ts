import { Dexie, type EntityTable } from 'dexie'
import type {
  ActivityEntry,
  AlertState,
  Checkpoint,
  ConnectionRow,
  CountEvent,
  CountLine,
  CountSession,
  Item,
  Location,
  Mute,
  Lot,
  Order,
  OutboxEntry,
  Overlay,
  Stock,
  Task
} from '../../../shared/model/records'
import { applySchema, LATEST_VERSION } from './schema'

export type StockroomDb = Dexie & {
  connections: EntityTable<ConnectionRow, 'id'>
  items: EntityTable<Item, 'key'>
  locations: EntityTable<Location, 'key'>
  stock: EntityTable<Stock, 'key'>
  lots: EntityTable<Lot, 'key'>
  tasks: EntityTable<Task, 'key'>
  orders: EntityTable<Order, 'key'>
  checkpoints: Dexie.Table<Checkpoint, [string, string]>
  outbox: EntityTable<OutboxEntry, 'seq'>
  counts: EntityTable<CountSession, 'id'>
  countLines: EntityTable<CountLine, 'id'>
  countEvents: EntityTable<CountEvent, 'id'>
  alerts: EntityTable<AlertState, 'itemKey'>
  overlays: EntityTable<Overlay, 'key'>
  activity: EntityTable<ActivityEntry, 'id'>
  mutes: EntityTable<Mute, 'key'>
}

export const DB_NAME = 'stockroom'

/** Opens the replica; `upTo` exists for upgrade tests that start from an older schema. */
export function createDb(name = DB_NAME, upTo = LATEST_VERSION): StockroomDb {
  const db = new Dexie(name) as StockroomDb
  applySchema(db, upTo)
  return db
}

let shared: StockroomDb | undefined
/** The renderer's one database connection. */
export function getDb(): StockroomDb {
  shared ??= createDb()
  return shared
}
