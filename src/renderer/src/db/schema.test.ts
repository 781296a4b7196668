import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createDb } from './db'
import { searchWords } from '../../../shared/vendors/common'
import { LATEST_VERSION, schemaVersions } from './schema'

describe('replica schema', () => {
  it('declares every table of the common model', async () => {
    const db = createDb(`schema-${Math.random()}`)
    await db.open()
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'activity',
        'alerts',
        'barcodeLinks',
        'checkpoints',
        'connections',
        'countEvents',
        'countIssues',
        'countLines',
        'dockSessions',
        'overlays',
        'counts',
        'items',
        'itemPieces',
        'locations',
        'lots',
        'mutes',
        'orders',
        'outbox',
        'stock',
        'tasks'
      ].sort()
    )
    expect(db.verno).toBe(LATEST_VERSION)
    db.close()
  })

  it('upgrades version by version without losing a record, a queued write or a count', async () => {
    const name = `upgrade-${Math.random()}`
    const v1 = createDb(name, 1)
    await v1.open()
    await v1.items.bulkPut([
      {
        key: 'c:item:1',
        connectionId: 'c',
        vendorId: '1',
        sku: 'HB-M8',
        name: 'Hex Bolt M8',
        codes: ['04006381333931'],
        tracking: 'none',
        raw: { id: 1 }
      } as never,
      {
        key: 'c:item:2',
        connectionId: 'c',
        vendorId: '2',
        sku: 'WS-10',
        name: 'Washer, steel',
        codes: [],
        tracking: 'lot',
        raw: {}
      } as never
    ])
    await v1.outbox.add({
      id: 'w1',
      connectionId: 'c',
      idempotencyKey: 'k1',
      state: 'pending',
      createdAt: '2026-01-01T00:00:00Z',
      description: 'Count HB-M8',
      request: { method: 'POST', path: '/stock-adjustments', body: '{"a":1}' },
      attempts: 0,
      affects: ['c:item:1']
    })
    await v1.countLines.put({
      id: 'l1',
      countId: 's1',
      itemKey: 'c:item:1',
      counted: 5,
      expected: 4,
      countedAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z'
    })
    v1.close()

    for (const step of schemaVersions.slice(1)) {
      const db = createDb(name, step.version)
      await db.open()
      expect(db.verno).toBe(step.version)
      db.close()
    }
    const latest = createDb(name)
    await latest.open()
    expect(await latest.items.count()).toBe(2)
    expect((await latest.outbox.get(1))?.request?.body).toBe('{"a":1}')
    expect(await latest.countLines.get('l1')).toMatchObject({ counted: 5 })
    // v2 filled the word index for records written before it existed.
    expect((await latest.items.where('words').startsWith('bol').first())?.sku).toBe('HB-M8')
    expect(await latest.items.where('words').equals('steel').primaryKeys()).toEqual(['c:item:2'])
    // v6 filled the piece index the same way: "olt" sits inside "bolt" (v9 moved the pieces to a store of their own).
    expect(await latest.itemPieces.where('grams').equals('olt').primaryKeys()).toEqual(['c:item:1'])
    latest.close()
  })

  it('splits names and SKUs into lower-case search words', () => {
    expect(searchWords('Hex Bolt M8', 'HB-M8')).toEqual(['hex', 'bolt', 'm8', 'hb'])
  })
})
