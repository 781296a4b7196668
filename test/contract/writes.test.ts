import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchers, type FaultRule } from '../../src/main/fakes/common/faults'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import { recordBatch } from '../../src/renderer/src/outbox/record-batch'
import { replayConnection, type ReplayStop } from '../../src/renderer/src/outbox/replayer'
import { submitCount } from '../../src/renderer/src/outbox/submit-count'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { HostClient } from '../../src/shared/host-api/client'
import type { OutboxEntry } from '../../src/shared/model/records'
import { vendorId } from '../../src/shared/model/vendor'
import { vendorProfiles } from '../../src/shared/vendors/profiles'
import { connectVendor, type Connected } from '../helpers/connected'
import { recordCount } from '../helpers/counts'
import {
  auditEntries,
  isLost,
  keyedEntry,
  tapWrites,
  WriteTotals,
  type EntryAudit,
  type WireWrite
} from './write-conformance'
import { writeHarnesses } from './write-harnesses'
import { flowKinds, queueFlow } from './flow-queue'
import type { FlowKind } from '../../src/shared/vendors/workflow'

type WriteKind = 'stock' | 'batch' | FlowKind

/**
 * One write conformance suite, run for every vendor whose profile has writes,
 * over real HTTP: the renderer's outbox and replayer on a real Dexie replica,
 * main's gateway and connector, the vendor's fake. Each fault hits the first
 * write request of a fresh set of queued writes; the verdict is read from the
 * fake's ledger and from what reached it on the wire.
 */

interface InjectedFault {
  name: string
  rule: FaultRule
  /** What the outbox must make of it. */
  expect: 'retried' | 'ambiguous' | 'rejected'
  /** Retry-After the fault announces, seconds. */
  waitS?: number
}

const REJECTION = 'quantity: Must be a whole number for this unit of measure'
const DETAILS = [{ path: 'quantity', message: 'Must be a whole number for this unit of measure' }]

const FAULTS: InjectedFault[] = [
  { name: 'dropped after commit', rule: { kind: 'drop-after-commit' }, expect: 'ambiguous' },
  { name: 'dropped before commit', rule: { kind: 'drop-before-commit' }, expect: 'ambiguous' },
  // A gateway error may come after the vendor committed: as unanswered as a dropped connection.
  { name: '502 Bad Gateway', rule: { kind: 'status', status: 502 }, expect: 'ambiguous' },
  { name: '429 Retry-After: 7', rule: { kind: 'rate-limit', retryAfter: 7 }, expect: 'retried', waitS: 7 },
  {
    name: '503 Retry-After: 3',
    rule: { kind: 'status', status: 503, retryAfter: 3 },
    expect: 'retried',
    waitS: 3
  },
  {
    name: '422 with field details',
    rule: { kind: 'status', status: 422, message: REJECTION, details: DETAILS },
    expect: 'rejected'
  }
]

for (const vendor of vendorId.options) {
  const profile = vendorProfiles[vendor]
  const kinds: WriteKind[] = [
    ...(profile.stockWrites ? ['stock' as const] : []),
    ...(profile.batchWrites ? ['batch' as const] : []),
    ...flowKinds(profile)
  ]
  if (kinds.length === 0) continue
  const harness = writeHarnesses[vendor]

  describe(`${profile.name} write conformance`, () => {
    if (!harness) {
      it('has a write harness', () => expect.fail(`${profile.name} has writes but no write harness`))
      return
    }
    const keyed = profile.idempotencyKeys
    let c: Connected<unknown>
    let db: StockroomDb
    let host: HostClient
    let wire: WireWrite[]
    let key: string
    /** One ledger line per kind of write. */
    const totals = new Map(kinds.map((k) => [k, new WriteTotals()]))
    const usedRecords = new Set<string>()
    const usedItems = new Set<string>()
    let clock = Date.now()
    /** When each `outbox:send` left, on the replay's clock, by idempotency key. */
    const sends: { key: string; at: number }[] = []

    beforeAll(async () => {
      c = await connectVendor(harness, { seed: 31, size: 300 }, (fake) => harness.prepareFlows?.(fake, 8))
      ;({ db } = c)
      host = {
        on: c.host.on,
        call: (async (name: string, req: unknown) => {
          if (name === 'outbox:send')
            sends.push({ key: (req as { idempotencyKey: string }).idempotencyKey, at: clock })
          return c.host.call(name as never, req as never)
        }) as HostClient['call']
      }
      key = c.fake.apiKey
      await syncConnection(db, c.host, c.cid)
      wire = tapWrites(c.fake.server.faults)
    }, 60_000)

    afterAll(async () => {
      for (const [kind, t] of totals) console.log(t.line(`${profile.name} ${kind}`))
      await c?.close()
    })

    /** Replays on a virtual clock (backoff and Retry-After pass at once) until drained or paused. */
    async function replay(): Promise<ReplayStop> {
      for (let round = 0; round < 500; round++) {
        const stop = await replayConnection({ db, host, now: () => clock, random: () => 0.5 }, c.cid)
        if (stop.state === 'drained' || stop.state === 'paused' || stop.state === 'cancelled') return stop
        clock = stop.state === 'waiting' ? stop.until : clock + 1_000
      }
      throw new Error('the outbox did not settle')
    }

    /** Queues fresh writes of one kind through the real count and batch paths; returns their entries. */
    async function queue(kind: WriteKind): Promise<OutboxEntry[]> {
      const last = (await db.outbox.orderBy('seq').last())?.seq ?? 0
      if (kind !== 'stock' && kind !== 'batch') {
        // A task with a batch in the outbox is left alone: a batch in review would hold its undo back.
        for (const e of await db.outbox.toArray()) if (e.batch) usedRecords.add(e.batch.taskKey)
        await queueFlow(db, kind, usedRecords)
      } else if (kind === 'stock') {
        const { locationKey, itemKeys } = harness!.countable(c.fake, c.cid)
        const picked = itemKeys.filter((k) => !usedItems.has(k)).slice(0, 3)
        expect(picked).toHaveLength(3)
        const lines = []
        for (const [i, itemKey] of picked.entries()) {
          usedItems.add(itemKey)
          const rows = await db.stock.where('itemKey').equals(itemKey).toArray()
          const onHand = rows.filter((r) => r.locationKey === locationKey).reduce((s, r) => s + r.onHand, 0)
          lines.push({ itemKey, counted: onHand + i + 2 })
        }
        const countId = await recordCount(db, { connectionId: c.cid, locationKey, lines })
        expect(await submitCount(db, countId)).toMatchObject({ outcome: 'queued', variances: 3 })
      } else {
        let queued = 0
        for (const line of harness!.taskLines!(c.fake, c.cid)) {
          if (queued === 2) break
          const task = await db.tasks.get(line.taskKey)
          const itemKey = task?.lines.find((l) => l.lineId === line.lineId)?.itemKey
          // A line of its own: writes to the same records would wait on each other.
          if (!itemKey || usedItems.has(itemKey)) continue
          usedItems.add(itemKey)
          const r = await recordBatch(db, { ...line, quantity: 2 + queued })
          expect(r.ok).toBe(true)
          queued++
        }
        expect(queued).toBe(2)
      }
      return db.outbox.where('seq').above(last).toArray()
    }

    /** The attempts and applications of entries queued at `from`, with the checks every outcome shares. */
    async function audit(kind: WriteKind, queued: OutboxEntry[], wireFrom: number): Promise<EntryAudit[]> {
      const entries = await db.outbox.bulkGet(queued.map((e) => e.seq!))
      const audits = auditEntries(entries as OutboxEntry[], keyed, wire.slice(wireFrom), c.fake.server.ledger)
      totals.get(kind)!.add(audits) // counted before the verdict, so a failing run prints what went wrong
      for (const a of audits) {
        const before = queued.find((e) => e.seq === a.entry.seq)!
        // Frozen at enqueue: the same request and key, whatever happened on the way.
        expect(a.entry.request).toEqual(before.request)
        expect(a.entry.idempotencyKey).toBe(before.idempotencyKey)
        // Every attempt on the wire is byte for byte the frozen body, with the same key (or none, without keys).
        for (const sent of a.sent) {
          expect(sent.body).toBe(a.entry.request?.body)
          expect(sent.idempotencyKey).toBe(keyedEntry(a.entry, keyed) ? a.entry.idempotencyKey : undefined)
        }
      }
      const duplicates = audits.filter((a) => a.applied > 1).length
      const lost = audits.filter(isLost).length
      expect({ duplicates, lost }).toEqual({ duplicates: 0, lost: 0 })
      return audits
    }

    /** What the vendor holds now for an entry, as review should show it. */
    const vendorNow = (e: OutboxEntry) =>
      e.flow
        ? undefined // a workflow write's review names no levels: the vendor's message says what stands
        : e.batch
          ? [harness.madeOnLine!(c.fake, e.batch.taskVendorId, e.batch.lineId)]
          : (e.lines ?? []).map((l) => harness.levelAt(c.fake, l.itemVendorId, l.locationVendorId))

    for (const kind of kinds) {
      for (const fault of FAULTS) {
        it(`${kind} writes, ${fault.name}: 0 duplicates, 0 lost, retries byte-identical`, async () => {
          const queued = await queue(kind)
          const wireFrom = wire.length
          const handle = c.fake.server.faults.add({ ...fault.rule, times: 1, match: matchers.isWrite })
          expect(await replay()).toEqual({ state: 'drained' })
          expect(handle.fired).toBe(1)
          totals.get(kind)!.fault(fault.name)
          const audits = await audit(kind, queued, wireFrom)
          const hit = audits.find((a) => a.sent.includes(wire[wireFrom]!))!
          const others = audits.filter((a) => a !== hit)
          for (const a of others) expect([a.entry.state, a.applied, a.sent.length]).toEqual(['done', 1, 1])

          // Without a key on its endpoint, and not harmless to repeat, an unanswered write is never resent.
          const resendable = keyedEntry(hit.entry, keyed) || hit.entry.flow?.repeatable === true
          const ambiguousWithoutKeys = fault.expect === 'ambiguous' && !resendable
          if (fault.expect === 'rejected') {
            expect(hit.entry).toMatchObject({ state: 'needs-review', review: { reason: 'rejected' } })
            expect(hit.entry.lastError).toContain(REJECTION)
            if (harness.fieldDetails) expect(hit.entry.errorDetails).toEqual(DETAILS)
            expect([hit.applied, hit.sent.length]).toEqual([0, 1])
          } else if (ambiguousWithoutKeys) {
            // Never a blind resend: a person sees what the vendor holds now and decides.
            expect(hit.entry).toMatchObject({ state: 'needs-review', review: { reason: 'ambiguous' } })
            expect(hit.sent).toHaveLength(1)
            expect(hit.applied).toBe(fault.rule.kind === 'drop-after-commit' ? 1 : 0)
            expect(hit.entry.review?.vendorLevels?.map((l) => l.onHand)).toEqual(vendorNow(hit.entry))
          } else {
            // Retried with the same key and bytes until the vendor answered; applied once.
            expect([hit.entry.state, hit.applied, hit.sent.length]).toEqual(['done', 1, 2])
            if (fault.rule.kind === 'drop-after-commit') expect(hit.entry.replayed).toBe(true)
            const times = sends.filter((s) => s.key === hit.entry.idempotencyKey).map((s) => s.at)
            expect(times).toHaveLength(2)
            if (fault.waitS) expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(fault.waitS * 1000)
          }
        })
      }

      it(`${kind} writes, 401: the connection pauses, a new key is entered, the same writes resume`, async () => {
        const queued = await queue(kind)
        const wireFrom = wire.length
        harness.revokeKey(c.fake, key)
        expect(await replay()).toMatchObject({
          state: 'paused',
          message: expect.stringMatching(/refused the key.*Connections/)
        })
        totals.get(kind)!.fault('401 (key revoked)')
        const status = async () => {
          const r = await c.host.call('connections:list', {})
          return r.ok ? r.value.find((x) => x.id === c.cid)?.status : undefined
        }
        expect(await status()).toBe('paused')
        const waiting = await db.outbox.bulkGet(queued.map((e) => e.seq!))
        expect(waiting.map((e) => e?.state)).toEqual(queued.map(() => 'pending'))

        key = harness.issueKey(c.fake)
        expect((await c.host.call('connections:updateSecret', { id: c.cid, apiKey: key })).ok).toBe(true)
        expect(await replay()).toEqual({ state: 'drained' })
        const audits = await audit(kind, queued, wireFrom)
        for (const a of audits) expect([a.entry.state, a.applied]).toEqual(['done', 1])
        expect(audits.filter((a) => a.sent.length === 2)).toHaveLength(1) // the refused one, sent again unchanged
        expect(await status()).toBe('ok')
      })
    }
  })
}
