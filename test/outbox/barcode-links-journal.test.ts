import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { linkCode, removeLink } from '../../src/renderer/src/count/barcode-links'
import { resolveCode } from '../../src/renderer/src/count/resolve'
import { fx, seedReplica } from '../../src/renderer/src/count/testing'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { JournalForwarder } from '../../src/renderer/src/db/journal-forwarder'
import { journalMiddleware } from '../../src/renderer/src/db/journal-middleware'
import { restoreFromJournal, restoreMessage } from '../../src/renderer/src/db/restore-from-journal'
import { createTestServices, type TestServices } from '../helpers/main-services'
import { freshDb, inProcessHost } from '../helpers/replica'

function journaledDb(): { db: StockroomDb; forwarder: JournalForwarder } {
  const forwarder = new JournalForwarder()
  const db = freshDb()
  db.use(journalMiddleware(forwarder.push))
  return { db, forwarder }
}

describe('barcode links outlive the loss of IndexedDB', () => {
  let t: TestServices | undefined
  afterEach(() => t?.cleanup())

  it("a wiped replica gets the site's links back from main's journal, without a removed one", async () => {
    t = await createTestServices()
    const host = inProcessHost(t.services)
    const first = journaledDb()
    first.forwarder.attach(host)
    await seedReplica(first.db)
    await linkCode(first.db, { connectionId: fx.c1, code: 'SHELF-1', itemKey: fx.bolt.key })
    await linkCode(first.db, { connectionId: fx.c1, code: 'SHELF-2', itemKey: fx.milk.key })
    await removeLink(first.db, 'c1:link:SHELF-2')
    await first.forwarder.drained()
    first.db.close()
    await first.db.delete()

    const second = journaledDb()
    second.forwarder.attach(host)
    await seedReplica(second.db) // the vendor data a sync brings back
    const report = await restoreFromJournal(second.db, host)
    expect(report).toMatchObject({ barcodeLinks: 1 })
    expect(restoreMessage(report)).toMatch(/restored 1 barcode link from its journal/)
    expect(await resolveCode(second.db, ['SHELF-1'], fx.c1)).toMatchObject({
      status: 'found',
      item: { key: fx.bolt.key }
    })
    expect(await resolveCode(second.db, ['SHELF-2'], fx.c1)).toEqual({ status: 'unknown' })
    second.db.close()
  })
})
