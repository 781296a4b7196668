import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InventoraData } from '../../src/main/fakes/inventora/server'
import { flowConnection } from '../../src/renderer/src/outbox/flows'
import { recordBatch } from '../../src/renderer/src/outbox/record-batch'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { undoBatch } from '../../src/renderer/src/outbox/task-flow'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { inventoraHarness } from '../contract/inventora-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { drain } from './replay-helpers'

describe('undoing a production batch (Inventora: DELETE /task-batches/:id)', () => {
  let c: Connected<InventoraData>
  beforeEach(async () => {
    c = await connectVendor(inventoraHarness, { seed: 12, size: 200 })
    await syncConnection(c.db, c.host, c.cid)
  })
  afterEach(() => c.close())

  const openLine = (n: number) => {
    const lines = [...c.fake.server.data.tasks.values()]
      .filter((t) => !t.deleted && t.status !== 'done' && t.items.length > 0)
      .map((t) => ({ taskKey: `${c.cid}:task:${t.id}`, taskId: t.id, lineId: String(t.items[0]!.id) }))
    return lines[n]!
  }
  const batchWrites = () =>
    c.fake.server.ledger.filter((l) => l.path.includes('batches')).map((l) => `${l.method} ${l.path}`)

  it('an undo of a batch never sent cancels both here and sends nothing', async () => {
    const line = openLine(0)
    const recorded = await recordBatch(c.db, { ...line, quantity: 3 })
    expect(recorded.ok).toBe(true)
    const undo = await undoBatch(c.db, { entryId: recorded.ok ? recorded.value.id : '' })
    expect(undo).toMatchObject({ ok: true, value: { cancelled: true } })
    await drain({ db: c.db, host: c.host, random: () => 0.5 }, c.cid)
    expect(batchWrites()).toEqual([])
    expect((await c.db.outbox.toArray()).map((e) => e.state)).toEqual(['discarded'])
  })

  it('an undo of a batch that left but is still queued (429) goes after it, addressed by the id its answer gives', async () => {
    const line = openLine(1)
    const recorded = await recordBatch(c.db, { ...line, quantity: 2 })
    const entryId = recorded.ok ? recorded.value.id : ''
    // The batch's first attempt is refused with 429: it stays queued, having been sent once.
    c.fake.server.faults.add({ kind: 'rate-limit', retryAfter: 1, times: 1 })
    const clock = Date.now()
    expect((await replayConnection({ db: c.db, host: c.host, now: () => clock }, c.cid)).state).toBe(
      'waiting'
    )
    const undo = await undoBatch(c.db, { entryId })
    expect(undo).toMatchObject({ ok: true, value: { cancelled: false } })
    expect(undo.ok && undo.value.entry?.request).toBeUndefined() // frozen once the batch's id is known
    await drain({ db: c.db, host: c.host, random: () => 0.5 }, c.cid)
    const writes = batchWrites()
    expect(writes).toHaveLength(2)
    expect(writes[0]).toBe(`POST /tasks/${line.taskId}/items/${line.lineId}/batches`)
    const created = c.fake.server.ledger.find((l) => l.method === 'POST')!.resourceId
    expect(writes[1]).toBe(`DELETE /task-batches/${created}`)
    expect((await c.db.outbox.toArray()).map((e) => e.state)).toEqual(['done', 'done'])
    // The vendor holds neither now: the delete reversed the batch.
    const task = c.fake.server.data.tasks.get(line.taskId)!
    expect(task.items[0]!.batches.some((b) => String(b.id) === created)).toBe(false)
  })

  it('a vendor without receipts says so in its own name, and nothing is queued', async () => {
    const r = await flowConnection(c.db, c.cid, 'receipt')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.message).toMatch(/^Inventora’s API does not take goods receipts/)
  })
})
