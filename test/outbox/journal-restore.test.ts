import { afterEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { JournalForwarder } from '../../src/renderer/src/db/journal-forwarder'
import { journalMiddleware } from '../../src/renderer/src/db/journal-middleware'
import { restoreFromJournal } from '../../src/renderer/src/db/restore-from-journal'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { recordCount } from '../helpers/counts'
import { freshDb } from '../helpers/replica'

/** A replica as the app opens it: everything it commits to counts and the outbox goes to main's journal. */
function journaledDb(): { db: StockroomDb; forwarder: JournalForwarder } {
  const forwarder = new JournalForwarder()
  const db = freshDb()
  db.use(journalMiddleware(forwarder.push))
  return { db, forwarder }
}

describe('what people recorded survives the loss of IndexedDB', () => {
  let c: Connected<FrostbyteData> | undefined
  afterEach(() => c?.close())

  it('a wiped database is restored from the journal, and a write whose answer was lost is still applied once', async () => {
    const first = journaledDb()
    c = await connectVendor(frostbyteHarness, { seed: 5, size: 200, db: first.db })
    const { host, cid, fake } = c
    first.forwarder.attach(host)
    await syncConnection(first.db, host, cid)

    const rows = (await first.db.stock.where('connectionId').equals(cid).toArray()).filter(
      (s) => s.onHand > 2
    )
    const sent = await recordCount(first.db, {
      connectionId: cid,
      locationKey: rows[0]!.locationKey,
      lines: [{ itemKey: rows[0]!.itemKey, counted: rows[0]!.onHand - 1 }]
    })
    expect((await submitCount(first.db, sent)).outcome).toBe('queued')
    // A second count, still being reviewed when the database goes.
    const open = await recordCount(first.db, {
      connectionId: cid,
      locationKey: rows[1]!.locationKey,
      lines: [
        { itemKey: rows[1]!.itemKey, counted: 4 },
        { itemKey: rows[2]!.itemKey, counted: 9 }
      ]
    })
    // The vendor applies the write but its answer never arrives.
    fake.server.faults.add({ kind: 'drop-after-commit', times: 1, match: (r) => r.method === 'POST' })
    await replayConnection({ db: first.db, host }, cid)
    const [queued] = await first.db.outbox.toArray()
    expect(queued).toMatchObject({ state: 'pending', attempts: 1 })
    expect(fake.server.ledger).toHaveLength(1)
    await first.forwarder.drained()

    // The database is gone (Chromium deleted it after a full disk; or a new origin).
    first.db.close()
    await first.db.delete()

    const second = journaledDb()
    second.forwarder.attach(host)
    await second.db.connections.put((await c.t.services.connections.get(cid)) as never)
    const report = await restoreFromJournal(second.db, host)
    console.log(`journal restore: ${JSON.stringify(report)}`)
    expect(report).toMatchObject({ outbox: 1, counts: 2, countLines: 3 })

    const [restored] = await second.db.outbox.toArray()
    expect(restored).toMatchObject({
      id: queued!.id,
      seq: queued!.seq,
      idempotencyKey: queued!.idempotencyKey,
      request: queued!.request,
      state: 'pending',
      attempts: 1
    })
    expect((await second.db.counts.get(open))?.state).toBe('review')
    expect(await second.db.countLines.where('countId').equals(open).count()).toBe(2)
    expect(await second.db.overlays.where('entryId').equals(queued!.id).count()).toBe(1)
    expect((await second.db.activity.toArray()).map((a) => a.message).join()).toMatch(
      /restored 1 queued write, 2 counts, 3 counted lines from its journal: nothing you counted is lost/
    )

    // Sent again with the same key and bytes once its backoff is over: the vendor replays it
    // instead of applying it twice.
    await replayConnection({ db: second.db, host, now: () => Date.now() + 10 * 60_000 }, cid)
    expect((await second.db.outbox.get(queued!.seq!))?.state).toBe('done')
    expect((await second.db.outbox.get(queued!.seq!))?.replayed).toBe(true)
    expect(fake.server.ledger).toHaveLength(1)
    // A second start finds nothing missing and restores nothing.
    expect(await restoreFromJournal(second.db, host)).toEqual({
      counts: 0,
      countLines: 0,
      countEvents: 0,
      outbox: 0,
      barcodeLinks: 0
    })
    second.db.close()
  })
})
