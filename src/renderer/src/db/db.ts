import { Dexie, type EntityTable } from 'dexie'
import type { HostClient } from '../../../shared/host-api/client'
import type {
  ActivityEntry,
  AlertState,
  BarcodeLink,
  Checkpoint,
  ConnectionRow,
  CountEvent,
  CountIssue,
  CountLine,
  CountSession,
  DockSession,
  Location,
  Mute,
  Lot,
  Order,
  OutboxEntry,
  Overlay,
  Stock,
  Task
} from '../../../shared/model/records'
import type { IndexedItem, ItemPieces } from './item-index'
import { applySchema, LATEST_VERSION } from './schema'
import { JournalForwarder } from './journal-forwarder'
import { journalMiddleware } from './journal-middleware'

export type StockroomDb = Dexie & {
  connections: EntityTable<ConnectionRow, 'id'>
  items: EntityTable<IndexedItem, 'key'>
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
  barcodeLinks: EntityTable<BarcodeLink, 'key'>
  itemPieces: EntityTable<ItemPieces, 'key'>
  dockSessions: EntityTable<DockSession, 'id'>
  countIssues: EntityTable<CountIssue, 'id'>
}

export const DB_NAME = 'stockroom'

/** Opens the replica; `upTo` exists for upgrade tests that start from an older schema. */
export function createDb(name = DB_NAME, upTo = LATEST_VERSION): StockroomDb {
  const db = new Dexie(name) as StockroomDb
  applySchema(db, upTo)
  return db
}

/**
 * Opens the renderer's one replica connection. What people record in it (counts,
 * the outbox) is journaled by main too: the forwarder hands each commit to `host`.
 */
export async function openReplica(host: HostClient, name = DB_NAME): Promise<StockroomDb> {
  const forwarder = new JournalForwarder()
  const db = createDb(name)
  db.use(journalMiddleware(forwarder.push))
  await db.open()
  forwarder.attach(host)
  return db
}
