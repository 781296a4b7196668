import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { ConnectionRow } from '../../../shared/model/records'
import { createDb } from '../db/db'
import { defaultCountConnection } from './default-connection'

const connection = (id: string, label: string): ConnectionRow =>
  ({
    id,
    label,
    vendor: 'frostbyte',
    baseUrl: 'http://127.0.0.1',
    capabilities: [],
    status: 'ok',
    demo: false
  }) as ConnectionRow

describe('the connection a new count starts on', () => {
  it('is the one with locations when the first by id has none, then the one last counted', async () => {
    const db = createDb(`default-connection-${Math.random()}`)
    expect(await defaultCountConnection(db)).toBeNull()
    await db.connections.bulkPut([connection('a-empty', 'Archive'), connection('b-shop', 'Shop')])
    await db.locations.put({
      key: 'b-shop:location:wh/1',
      connectionId: 'b-shop',
      vendorId: '1',
      resource: 'warehouses',
      raw: {},
      name: 'Main',
      kind: 'warehouse'
    })
    expect(await defaultCountConnection(db)).toBe('b-shop')
    await db.counts.bulkPut([
      {
        id: 's1',
        connectionId: 'b-shop',
        locationKey: 'x',
        state: 'submitted',
        blind: false,
        startedAt: '2026-01-01T00:00:00Z'
      },
      {
        id: 's2',
        connectionId: 'a-empty',
        locationKey: 'y',
        state: 'submitted',
        blind: false,
        startedAt: '2026-02-01T00:00:00Z'
      }
    ])
    expect(await defaultCountConnection(db)).toBe('a-empty')
    // A count of a connection since removed does not count.
    await db.connections.delete('a-empty')
    expect(await defaultCountConnection(db)).toBe('b-shop')
    db.close()
  })
})
