import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchers } from '../../src/main/fakes/common/faults'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { JournalForwarder } from '../../src/renderer/src/db/journal-forwarder'
import { journalMiddleware } from '../../src/renderer/src/db/journal-middleware'
import { restoreFromJournal } from '../../src/renderer/src/db/restore-from-journal'
import { createDb, type StockroomDb } from '../../src/renderer/src/db/db'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { Stock } from '../../src/shared/model/records'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { recordCount } from '../helpers/counts'
import { drain } from './replay-helpers'

/**
 * The outbox against a model, over random histories: writes queued, answers
 * dropped before or after the vendor committed, 429s, the app killed and
 * started again on the same IndexedDB, and IndexedDB lost and restored from
 * main's journal, in any order, with replays in between. The model is a list:
 * every queued write, in the order it was queued. Whatever happened, once the
 * faults stop and the outbox drains, the vendor's ledger holds each write
 * exactly once, with the key it was queued with, and writes to the same records
 * in the order they were queued.
 */
const SEED = 20_261_207
const RUNS = 25

type Step =
  | { kind: 'queue'; row: number; delta: number }
  | { kind: 'fault'; fault: 'drop-before-commit' | 'drop-after-commit' | 'rate-limit' }
  | { kind: 'replay' }
  | { kind: 'restart' }
  | { kind: 'lose-and-restore' }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('queue' as const),
      row: fc.nat(40),
      delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0)
    })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      fault: fc.constantFrom(
        'drop-before-commit' as const,
        'drop-after-commit' as const,
        'rate-limit' as const
      )
    })
  },
  { weight: 4, arbitrary: fc.constant({ kind: 'replay' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'lose-and-restore' as const }) }
)

describe('the outbox against a model', () => {
  let c: Connected<FrostbyteData>
  let stock: Stock[]
  let dbName: string
  /** The synced replica, put into each new database as a sync would have. */
  let copyReplica: (db: StockroomDb) => Promise<void>
  beforeAll(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 17, size: 300 })
    await syncConnection(c.db, c.host, c.cid)
    // Items counted as plain quantities (no lot or serial to name): a write the vendor always takes.
    const plain = new Set(
      (await c.db.items.where('connectionId').equals(c.cid).toArray())
        .filter((i) => i.tracking === 'none')
        .map((i) => i.key)
    )
    stock = (await c.db.stock.where('connectionId').equals(c.cid).toArray()).filter(
      (s) => s.onHand > 5 && !s.lotKey && plain.has(s.itemKey)
    )
    dbName = c.db.name
    const [items, locations, all, lots] = await Promise.all([
      c.db.items.toArray(),
      c.db.locations.toArray(),
      c.db.stock.toArray(),
      c.db.lots.toArray()
    ])
    copyReplica = async (db) => {
      await db.connections.put((await c.t.services.connections.get(c.cid)) as never)
      await Promise.all([
        db.items.bulkPut(items),
        db.locations.bulkPut(locations),
        db.stock.bulkPut(all),
        db.lots.bulkPut(lots)
      ])
    }
  })
  afterAll(() => c?.close())

  it('holds each write once, in order, whatever is dropped, refused, killed or lost', async () => {
    let history = 0
    const outcomes = { sent: 0, held: 0 }
    const property = fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
      history++
      const { fake, host, cid } = c
      fake.server.faults.clear()
      const ledgerFrom = fake.server.ledger.length
      // Each history starts from a fresh replica of the same vendor, as a new PC would.
      const open = (name: string) => {
        const forwarder = new JournalForwarder()
        const db = createDb(name)
        db.use(journalMiddleware(forwarder.push))
        forwarder.attach(host)
        return { db, forwarder }
      }
      const name = `${dbName}-model-${history}`
      let app = open(name)
      await copyReplica(app.db)
      const model: string[] = [] // outbox entry ids, in the order they were queued

      for (const s of steps) {
        switch (s.kind) {
          case 'queue': {
            const row = stock[s.row % stock.length]!
            const countId = await recordCount(app.db, {
              connectionId: cid,
              locationKey: row.locationKey,
              lines: [{ itemKey: row.itemKey, counted: row.onHand + s.delta }]
            })
            const before = new Set((await app.db.outbox.toArray()).map((e) => e.id))
            expect((await submitCount(app.db, countId)).outcome).toBe('queued')
            for (const e of await app.db.outbox.orderBy('seq').toArray())
              if (!before.has(e.id)) model.push(e.id)
            break
          }
          case 'fault':
            if (s.fault === 'rate-limit')
              fake.server.faults.add({ kind: 'rate-limit', retryAfter: 1, times: 1, match: matchers.isWrite })
            else fake.server.faults.add({ kind: s.fault, times: 1, match: matchers.isWrite })
            break
          case 'replay':
            await replayConnection({ db: app.db, host, now: () => Date.now() + 3_600_000 }, cid)
            break
          case 'restart':
            // Killed and started again: the same IndexedDB, a new connection to it.
            await app.forwarder.drained()
            app.db.close()
            app = open(name)
            await app.db.open()
            break
          case 'lose-and-restore': {
            // IndexedDB is gone (a full disk, cleared data): what people recorded comes back from the journal.
            await app.forwarder.drained()
            app.db.close()
            await app.db.delete()
            app = open(name)
            await copyReplica(app.db)
            await restoreFromJournal(app.db, host)
            break
          }
        }
      }
      fake.server.faults.clear()
      await drain({ db: app.db, host }, cid)
      const all = new Map((await app.db.outbox.toArray()).map((e) => [e.id, e]))
      const written = fake.server.ledger
        .slice(ledgerFrom)
        .filter((l) => l.method === 'POST' && l.path === '/stock-adjustments')
        .map((l) => l.idempotencyKey)
      // What the model allows a write to end as: sent once (done), or held back for a person without
      // being sent (a never-sent write replaced by a later count of the same items; a second count of
      // an item whose first is still on its way, in review). Nothing else: not lost, not twice.
      const sent = model.filter((id) => all.get(id)?.state === 'done')
      const held = model.filter((id) => ['discarded', 'needs-review'].includes(all.get(id)?.state ?? ''))
      const detail = `${model.map((id) => `${all.get(id)?.state}:${all.get(id)?.lastError ?? ''}`).join(', ')}; ledger ${JSON.stringify(written)}`
      expect(sent.length + held.length, detail).toBe(model.length)
      const keys = sent.map((id) => all.get(id)!.idempotencyKey)
      expect([...written].sort(), detail).toEqual([...keys].sort())
      for (const id of held) expect(written, detail).not.toContain(all.get(id)!.idempotencyKey)
      // In order: writes to the same item and location reach the vendor in the order they were queued
      // (a write to other records may pass one that waits out a 429: the outbox orders per record).
      const position = new Map(written.map((k, i) => [k, i]))
      const affects = sent.map((id) => new Set(all.get(id)!.affects))
      for (let i = 0; i < sent.length; i++)
        for (let j = i + 1; j < sent.length; j++)
          if ([...affects[i]!].some((k) => affects[j]!.has(k)))
            expect(position.get(keys[i])!, detail).toBeLessThan(position.get(keys[j])!)
      outcomes.sent += sent.length
      outcomes.held += held.length
      await app.forwarder.drained()
      app.db.close()
      await app.db.delete()
    })
    const report = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true })
    console.log(
      `outbox model: ${report.numRuns} histories (seed ${SEED}), ${report.failed ? `failed: ${String(report.errorInstance)} ${fc.defaultReportMessage(report)}` : `the ledger held each write once, in order (${outcomes.sent} writes sent, ${outcomes.held} held for review and never sent, 0 duplicates, 0 lost)`}`
    )
    expect(report.failed, report.failed ? (fc.defaultReportMessage(report) ?? '') : '').toBe(false)
  }, 600_000)
})
