import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InventoraData } from '../../src/main/fakes/inventora/server'
import { resendBatch } from '../../src/renderer/src/outbox/actions'
import { recordBatch } from '../../src/renderer/src/outbox/record-batch'
import { replayConnection } from '../../src/renderer/src/outbox/replayer'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { inventoraHarness } from '../contract/inventora-harness'
import { connectVendor, type Connected } from '../helpers/connected'
import { crashAfterSend, drain, faultEveryOtherRequest } from './replay-helpers'

describe('production batches through the outbox (Inventora: no idempotency keys)', () => {
  let c: Connected<InventoraData>
  beforeEach(async () => {
    c = await connectVendor(inventoraHarness, { seed: 8, size: 400 })
    await syncConnection(c.db, c.host, c.cid)
  })
  afterEach(() => c.close())

  /** Open task lines at the vendor, as (task, item) pairs. */
  const openLines = () =>
    [...c.fake.server.data.tasks.values()]
      .filter((t) => !t.deleted && t.status !== 'done')
      .flatMap((t) => t.items.map((i) => ({ task: t.id, item: i.id })))
  const madeAtVendor = (task: string, item: number) =>
    c.fake.server.data.tasks
      .get(task)!
      .items.find((i) => i.id === item)!
      .batches.reduce((n, b) => n + b.quantity, 0)
  const applied = (task: string, item: number) =>
    c.fake.server.ledger.filter(
      (e) => e.method === 'POST' && e.path === `/tasks/${task}/items/${item}/batches`
    ).length
  const taskKey = (id: string) => `${c.cid}:task:${id}`

  it('under faults on every other request: each batch is applied once or waits in review with what the vendor recorded — never twice', async () => {
    const lines = openLines().slice(0, 60)
    expect(lines.length).toBeGreaterThan(30)
    const before = new Map(lines.map((l) => [`${l.task}/${l.item}`, madeAtVendor(l.task, l.item)]))
    for (const [n, l] of lines.entries()) {
      const r = await recordBatch(c.db, {
        taskKey: taskKey(l.task),
        lineId: String(l.item),
        quantity: 1 + (n % 5)
      })
      expect(r.ok).toBe(true)
    }

    faultEveryOtherRequest(c.fake.server.faults)
    await drain({ db: c.db, host: c.host, random: () => 0.5 }, c.cid)
    c.fake.server.faults.clear()

    const entries = await c.db.outbox.toArray()
    expect(entries).toHaveLength(lines.length)
    let done = 0
    let review = 0
    for (const e of entries) {
      const { taskVendorId, lineId, quantity } = e.batch!
      const item = Number(lineId)
      const times = applied(taskVendorId, item)
      expect(times).toBeLessThanOrEqual(1) // never twice
      const made = madeAtVendor(taskVendorId, item)
      expect(made).toBe(before.get(`${taskVendorId}/${item}`)! + times * quantity)
      if (e.state === 'done') {
        done++
        expect(times).toBe(1)
        // The replica's task shows the batch the vendor created, made so far included.
        const task = (await c.db.tasks.get(taskKey(taskVendorId)))!
        expect(task.lines.find((l) => l.lineId === lineId)!.done).toBe(made)
      } else {
        review++
        expect(e.state).toBe('needs-review')
        expect(e.review?.reason).toBe('ambiguous')
        // What the vendor has recorded on that line, checked after the fault: a person decides.
        expect(e.review?.vendorLevels?.[0]?.onHand).toBe(made)
      }
    }
    expect(done).toBeGreaterThan(0)
    expect(review).toBeGreaterThan(0) // responses dropped after the commit: possibly applied
  })

  it('a crash between sending and recording the answer goes to review, not a second send', async () => {
    const [l] = openLines()
    await recordBatch(c.db, { taskKey: taskKey(l!.task), lineId: String(l!.item), quantity: 2 })
    await expect(replayConnection({ db: c.db, host: crashAfterSend(c.host) }, c.cid)).rejects.toThrow(
      'renderer crashed'
    )
    expect(applied(l!.task, l!.item)).toBe(1)
    expect((await replayConnection({ db: c.db, host: c.host }, c.cid)).state).toBe('drained')
    expect(applied(l!.task, l!.item)).toBe(1)
    const [entry] = await c.db.outbox.toArray()
    expect(entry!.state).toBe('needs-review')
    expect(entry!.review?.vendorLevels?.[0]?.onHand).toBe(madeAtVendor(l!.task, l!.item))

    // A person decides a further 3 were made: a new write with its own key; the original is kept, discarded.
    const id = await resendBatch(c.db, entry!, 3)
    expect((await replayConnection({ db: c.db, host: c.host }, c.cid)).state).toBe('drained')
    const sent = c.fake.server.ledger.filter((e) => e.path === `/tasks/${l!.task}/items/${l!.item}/batches`)
    expect(sent.map((e) => e.body)).toEqual([{ quantity: 2 }, { quantity: 3 }])
    const after = await c.db.outbox.toArray()
    expect(after.map((e) => [e.state, e.supersededBy])).toEqual([
      ['discarded', id],
      ['done', undefined]
    ])
  })

  it('refuses what cannot be a batch before queueing it, and sends a batch of a task deleted at the vendor to review', async () => {
    const [l, m] = openLines()
    for (const quantity of [0, -3, Number.NaN, 5_000_000]) {
      const r = await recordBatch(c.db, { taskKey: taskKey(l!.task), lineId: String(l!.item), quantity })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toMatch(/quantity|how many/i)
    }
    const noLine = await recordBatch(c.db, { taskKey: taskKey(l!.task), lineId: '999999', quantity: 1 })
    expect(noLine.ok || noLine.error.message).toMatch(/no such line/)
    expect(await c.db.outbox.count()).toBe(0)

    // Deleted in the vendor's app after the last sync.
    const other = m!.task === l!.task ? openLines().find((x) => x.task !== l!.task)! : m!
    await recordBatch(c.db, { taskKey: taskKey(other.task), lineId: String(other.item), quantity: 1 })
    c.fake.server.data.tasks.update(other.task, (t) => Object.assign(t, { deleted: true }))
    await replayConnection({ db: c.db, host: c.host }, c.cid)
    const [entry] = await c.db.outbox.toArray()
    expect(entry!.state).toBe('needs-review')
    expect(entry!.review?.reason).toBe('rejected')
    expect(entry!.lastError).toMatch(/Inventora rejected this write/)
    expect(applied(other.task, other.item)).toBe(0)
  })
})
