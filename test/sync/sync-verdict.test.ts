import { afterEach, describe, expect, it } from 'vitest'
import { matchers } from '../../src/main/fakes/common/faults'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { failedResources } from '../../src/renderer/src/sync/pass-verdict'
import { recordSyncOutcome } from '../../src/renderer/src/sync/sync-outcome'
import { attentionWords } from '../../src/renderer/src/features/shell/status-summary'
import { fractionerpHarness } from '../contract/fractionerp-harness'
import { figgroHarness } from '../contract/figgro-harness'
import { connectVendor, type Connected } from '../helpers/connected'

/**
 * What a sync means when what it read is not what the vendor holds: a resource
 * whose records are all unreadable failed (never "up to date"), and a sync where
 * every resource failed is a failed sync — the connection in error, "last sync"
 * left at the last one that read something, Activity saying so.
 */
describe('the verdict of a sync', () => {
  let c: Connected<unknown> | undefined
  afterEach(() => c?.close())

  /** What the scheduler does with one connection's pass. */
  const run = async (x: Connected<unknown>) => {
    const before = (await x.db.connections.get(x.cid))!
    const results = await syncConnection(x.db, x.host, x.cid)
    await recordSyncOutcome(x.db, x.host, before, results, { firstSync: !before.lastSyncAt })
    const connection = (await x.t.services.connections.get(x.cid))!
    const activity = (await x.db.activity.toArray()).map((a) => a.message)
    return { results, connection, activity, row: (await x.db.connections.get(x.cid))! }
  }

  it('every Figgro product without its id: the resource failed, with the reason and the fields sent', async () => {
    c = (await connectVendor(figgroHarness, { seed: 5, size: 100 })) as Connected<unknown>
    c.fake.server.faults.add({
      kind: 'reshape',
      match: (req) => matchers.isRead(req) && req.path === '/Inventory/getproducts',
      rewrite: ({ id: _id, ...rest }) => rest
    })
    const { results, activity, row } = await run(c)
    const products = results.find((r) => r.resource === 'products')!
    expect(products).toMatchObject({ state: 'done', rejected: 100, recordsDone: 100 })
    const [failed] = failedResources(results, 'Figgro')
    expect(failed?.message).toBe(
      "All 100 records Figgro sent could not be read (no id — the record's fields: sku, name, " +
        'quantityOnHand, unitOfMeasure, updatedAt). Stockroom keeps a record only when it carries an id; none of them was stored.'
    )
    expect(activity.find((m) => m.startsWith('Synced Figgro test'))).toContain(
      'Not synced — Products: all 100 records Figgro sent could not be read (no id'
    )
    const cp = await c.db.checkpoints.get([c.cid, 'products'])
    expect(cp?.failure).toMatchObject({
      kind: 'unreadable',
      message: `Products: a${failed!.message!.slice(1)}`
    })
    // The other resources read: a partial failure, the sync itself happened.
    expect(row.lastSyncAt).toBeDefined()
    const progress = Object.fromEntries(results.map((r) => [r.resource, r]))
    expect(attentionWords([{ id: c.cid, label: 'Kitchen', status: 'ok' }], {}, progress)).toEqual([
      '1 connection failing — Kitchen: Products unreadable (no id)'
    ])
  })

  it('every request answered 500: a failed sync, not "OK" nor "last sync just now"', async () => {
    c = (await connectVendor(fractionerpHarness, { seed: 5, size: 100 })) as Connected<unknown>
    await run(c) // a sync that worked
    const lastGood = (await c.db.connections.get(c.cid))!.lastSyncAt
    c.fake.server.faults.add({ kind: 'status', status: 500, match: matchers.isRead })
    const { results, connection, activity, row } = await run(c)
    expect(results.every((r) => r.state === 'error')).toBe(true)
    expect(connection.status).toBe('error')
    expect(connection.statusMessage).toMatch(
      /^None of the data of FractionERP test could be synced — Bills of materials: FractionERP is having trouble right now \(HTTP 500 GET \/boms\)/
    )
    expect(row.lastSyncAt).toBe(lastGood)
    expect(activity.at(-1)).toMatch(/^Sync of FractionERP test failed: none of its data could be synced — /)
    expect(
      attentionWords([{ id: c.cid, label: 'Plant', status: connection.status, statusMessage: 'x' }], {}, {})
    ).toEqual(['1 connection failing — Plant: x'])
  })
})
