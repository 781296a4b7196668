import type { Dexie, Transaction } from 'dexie'
import { searchGrams, searchWords } from '../../../shared/vendors/common'
import { locationLabels } from './location-index'

/**
 * The replica's schema, one entry per version. Versions are only ever added:
 * a shipped version is never edited, so every PC upgrades in place without
 * losing a count, a queued write or a replicated record.
 */
export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      connections: 'id, vendor',
      items: 'key, connectionId, sku, name, *codes, syncId',
      locations: 'key, connectionId, parentKey, kind, syncId',
      stock: 'key, connectionId, itemKey, locationKey, syncId',
      lots: 'key, connectionId, itemKey, expiry, syncId',
      tasks: 'key, connectionId, status, due, syncId',
      orders: 'key, connectionId, status, syncId',
      checkpoints: '[connectionId+resource], connectionId',
      outbox: '++seq, &id, connectionId, state, [connectionId+state]',
      counts: 'id, connectionId, locationKey, state',
      countLines: 'id, countId, itemKey, [countId+itemKey]',
      alerts: 'itemKey',
      activity: '++id, at, connectionId'
    }
  },
  {
    // Word-prefix search as you type: "bolt" finds "Hex Bolt M8".
    version: 2,
    stores: { items: 'key, connectionId, sku, name, *codes, *words, syncId' },
    async upgrade(tx) {
      await tx
        .table('items')
        .toCollection()
        .modify((item: { name?: string; sku?: string; words?: string[] }) => {
          item.words = searchWords(item.name, item.sku)
        })
    }
  },
  {
    // Count sessions keep every scan in order (undo), and the outbox is replayed per connection in order.
    version: 3,
    stores: {
      countEvents: '++id, countId, [countId+id]',
      countLines: 'id, countId, itemKey, [countId+itemKey], [countId+itemKey+lotKey]',
      outbox: '++seq, &id, connectionId, state, [connectionId+state], [connectionId+seq]',
      overlays: 'key, itemKey, entryId'
    }
  },
  {
    // The deletion sweep reads only what a full pass did not stamp, by key range, instead of every record.
    version: 4,
    stores: {
      items: 'key, connectionId, sku, name, *codes, *words, syncId, [connectionId+resource+syncId]',
      locations: 'key, connectionId, parentKey, kind, syncId, [connectionId+resource+syncId]',
      stock: 'key, connectionId, itemKey, locationKey, syncId, [connectionId+resource+syncId]',
      lots: 'key, connectionId, itemKey, expiry, syncId, [connectionId+resource+syncId]',
      tasks: 'key, connectionId, status, due, syncId, [connectionId+resource+syncId]',
      orders: 'key, connectionId, status, syncId, [connectionId+resource+syncId]'
    }
  },
  {
    // Low-stock notices muted per item or per connection; the Activity log filtered by kind.
    version: 5,
    stores: { mutes: 'key', activity: '++id, at, connectionId, kind' }
  },
  {
    // Search inside words and past a typo ("wildflowr" finds "Wildflower Honey") by three-letter pieces.
    version: 6,
    stores: {
      items: 'key, connectionId, sku, name, *codes, *words, *grams, syncId, [connectionId+resource+syncId]'
    },
    async upgrade(tx) {
      await tx
        .table('items')
        .toCollection()
        .modify((item: { words?: string[]; grams?: string[] }) => {
          item.grams = searchGrams(item.words ?? [])
        })
    }
  },
  {
    // Codes linked by hand to an item: looked up by key (connection + code) on every scan, by code across
    // connections, and by item for its detail.
    version: 7,
    stores: { barcodeLinks: 'key, code, connectionId, itemKey' }
  },
  {
    // A scanned location label (warehouse, zone or bin code, or its name) is found by one indexed lookup.
    version: 8,
    stores: {
      locations: 'key, connectionId, parentKey, kind, syncId, [connectionId+resource+syncId], *labels'
    },
    async upgrade(tx) {
      await tx
        .table('locations')
        .toCollection()
        .modify((l: { code?: string; name: string; vendorId: string; labels?: string[] }) => {
          l.labels = locationLabels(l)
        })
    }
  },
  {
    // A lean replica: the three-letter pieces leave the items store for one of their own, which a sync
    // fills after its pass (sync/item-pieces.ts) instead of in the transactions a scan waits behind.
    // The plain syncId indexes go too (nothing reads them: the sweep reads the compound one): one index
    // entry fewer for every record a sync writes.
    version: 9,
    stores: {
      items: 'key, connectionId, sku, name, *codes, *words, [connectionId+resource+syncId]',
      itemPieces: 'key, *grams',
      locations: 'key, connectionId, parentKey, kind, [connectionId+resource+syncId], *labels',
      stock: 'key, connectionId, itemKey, locationKey, [connectionId+resource+syncId]',
      lots: 'key, connectionId, itemKey, expiry, [connectionId+resource+syncId]',
      tasks: 'key, connectionId, status, due, [connectionId+resource+syncId]',
      orders: 'key, connectionId, status, [connectionId+resource+syncId]'
    },
    async upgrade(tx) {
      const pieces: { key: string; grams: string[] }[] = []
      await tx
        .table('items')
        .toCollection()
        .modify((item: { key: string; grams?: string[] }) => {
          if (item.grams?.length) pieces.push({ key: item.key, grams: item.grams })
          delete item.grams
        })
      await tx.table('itemPieces').bulkPut(pieces)
    }
  },
  {
    // The dock: purchase orders and shipments are found by the number on their paperwork, and a
    // receiving or a shipment check in progress is kept scan by scan (dockSessions).
    version: 10,
    stores: {
      orders: 'key, connectionId, status, number, [connectionId+resource+syncId]',
      dockSessions: 'id, orderKey, state'
    }
  },
  {
    // What a count cannot settle by itself (unknown codes, quantities waiting, refused scans, missing lots).
    version: 11,
    stores: { countIssues: 'id, countId' }
  }
]

export const LATEST_VERSION = Math.max(...schemaVersions.map((v) => v.version))

export function applySchema(db: Dexie, upTo = LATEST_VERSION): void {
  for (const v of schemaVersions) {
    if (v.version > upTo) break
    const declared = db.version(v.version).stores(v.stores)
    if (v.upgrade) declared.upgrade(v.upgrade)
  }
}
