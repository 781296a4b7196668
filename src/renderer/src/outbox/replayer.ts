import type { HostClient } from '../../../shared/host-api/client'
import type { SendOutcome } from '../../../shared/host-api/outbox'
import type { OutboxEntry } from '../../../shared/model/records'
import { vendorNames, type VendorId } from '../../../shared/model/vendor'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import type { StockroomDb } from '../db/db'
import { applyVendorAnswer, revertOverlays } from './overlay'
import { backoffMs, type BackoffPolicy } from '../../../shared/backoff'
import { describeVendorError } from '../../../shared/vendors/errors'
import { checkBeforeSend, needsCheck } from './vendor-check'

export interface ReplayDeps {
  db: StockroomDb
  host: HostClient
  now?: () => number
  random?: () => number
}

/** Why a connection's replay stopped. */
export type ReplayStop =
  | { state: 'drained' }
  | { state: 'waiting'; until: number } // the next entry is backing off (Retry-After or backoff)
  | { state: 'offline'; message: string } // vendor unreachable: probe before trying again
  | { state: 'paused'; message: string } // key refused: a person must enter a new one
  | { state: 'cancelled' }

/** Writes: 1 s doubling to 5 min, half jitter, Retry-After as the floor. */
const WRITE_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000, jitter: 0.5 }

/**
 * Replays one connection's outbox, oldest first.
 *
 *   pending ──▶ sending ──▶ done            (applied; or replayed by the vendor's idempotency store)
 *      ▲           │ ├────▶ needs-review    (rejected 4xx; or unanswered on a vendor without keys)
 *      └───────────┘ └────▶ pending + wait  (429, 503, network, in-progress: same key, same bytes)
 *
 * What must stay true: an entry is marked `sending` (and its attempt counted)
 * in IndexedDB before the request leaves, so after a crash we know it may have
 * reached the vendor; it leaves the queue only once the vendor's answer is
 * recorded; the request and idempotency key never change between attempts; a
 * write waits while an earlier unresolved write touches the same records.
 */
export async function replayConnection(
  d: ReplayDeps,
  connectionId: string,
  signal?: AbortSignal
): Promise<ReplayStop> {
  const now = d.now ?? Date.now
  const connection = await d.db.connections.get(connectionId)
  if (!connection) return { state: 'drained' }
  const idempotent = vendorProfiles[connection.vendor].idempotencyKeys
  const vendor = vendorNames[connection.vendor]
  // What the vendor calls a write it made (its movement log names it so): this PC's own change, later.
  const referenceOf = vendorProfiles[connection.vendor].stockWrites?.referenceOf
  const ref = (entry: OutboxEntry, body: unknown) => (entry.lines ? referenceOf?.(body) : undefined)

  for (;;) {
    if (signal?.aborted) return { state: 'cancelled' }
    const queue = await d.db.outbox
      .where('[connectionId+seq]')
      .between([connectionId, 0], [connectionId, Infinity])
      .toArray()
    const blocked = new Set<string>()
    let next: OutboxEntry | undefined
    let earliestWait = Infinity
    for (const e of queue) {
      if (e.state === 'done' || e.state === 'discarded') continue
      const waitsOnEarlier = e.affects.some((k) => blocked.has(k))
      if (e.state === 'needs-review' || waitsOnEarlier) {
        e.affects.forEach((k) => blocked.add(k))
        continue
      }
      const due = e.nextAttemptAt ? Date.parse(e.nextAttemptAt) : 0
      if (due > now()) {
        earliestWait = Math.min(earliestWait, due)
        e.affects.forEach((k) => blocked.add(k)) // order: later writes to the same records wait too
        continue
      }
      next = e
      break
    }
    if (!next)
      return earliestWait === Infinity ? { state: 'drained' } : { state: 'waiting', until: earliestWait }

    if (!next.request) {
      // An undo of a batch queued before it: its request is frozen from that batch's answer.
      await resolveUndo(d, next, queue)
      continue
    }
    // A key where the vendor takes one on this endpoint; or a write a resend cannot harm.
    const safe = (idempotent && !next.request.noKey) || next.flow?.repeatable === true
    if (next.state === 'sending' && !safe) {
      // A previous attempt left without its answer being recorded (crash, reload): the vendor
      // may have applied it and cannot tell us. Never resend blindly.
      await toReview(
        d,
        next,
        'ambiguous',
        `Stockroom stopped while this write was on its way, and ${vendor} cannot tell whether it arrived.`
      )
      continue
    }

    if (needsCheck(next)) {
      // A count's write that never left: what changed at the vendor since its baseline decides.
      const verdict = await checkBeforeSend(d, next, vendor)
      if (verdict.state === 'changed') {
        await toReview(d, next, 'changed-at-vendor', verdict.message, undefined, verdict.changes)
        continue
      }
      if (verdict.state === 'unreachable') {
        const failed: SendOutcome = {
          outcome: 'failed',
          error: { kind: verdict.kind, message: verdict.message },
          applied: 'no'
        }
        const stop = await settle(d, next, failed, safe, vendor, connection.label, now, ref)
        if (stop) return stop
        continue
      }
    }

    const attemptAt = new Date(now()).toISOString()
    await d.db.outbox.update(next.seq!, {
      state: 'sending',
      attempts: next.attempts + 1,
      lastAttemptAt: attemptAt
    })
    const reply = await d.host.call('outbox:send', {
      connectionId,
      idempotencyKey: next.idempotencyKey,
      // Only entries with a frozen request are ever pending (a count sheet is keyed in by a person).
      request: next.request!
    })
    if (!reply.ok) {
      // The host itself did not answer (transport down): nothing was sent by us for sure only if
      // the host says so; treat like an unanswered request.
      const outcome: SendOutcome = {
        outcome: 'failed',
        error: { kind: 'network', message: reply.error.message },
        applied: 'maybe'
      }
      const stop = await settle(d, next, outcome, safe, vendor, connection.label, now, ref)
      if (stop) return stop
      continue
    }
    const stop = await settle(
      d,
      next,
      alreadyApplied(connection.vendor, next, reply.value),
      safe,
      vendor,
      connection.label,
      now,
      ref
    )
    if (stop) return stop
  }
}

/** Records the vendor's answer; returns a stop when the connection should not continue now. */
async function settle(
  d: ReplayDeps,
  entry: OutboxEntry,
  outcome: SendOutcome,
  /** A resend cannot apply it twice (the vendor's key, or a repeatable write). */
  idempotent: boolean,
  vendor: string,
  label: string,
  now: () => number,
  ref: (entry: OutboxEntry, body: unknown) => string | undefined
): Promise<ReplayStop | undefined> {
  const at = new Date(now()).toISOString()
  if (outcome.outcome === 'applied') {
    await d.db.transaction(
      'rw',
      [
        d.db.outbox,
        d.db.overlays,
        d.db.items,
        d.db.stock,
        d.db.tasks,
        d.db.orders,
        d.db.dockSessions,
        d.db.connections,
        d.db.activity
      ],
      async () => {
        const vendorRef = ref(entry, outcome.body)
        await d.db.outbox.update(entry.seq!, {
          state: 'done',
          doneAt: at,
          ...(vendorRef && { vendorRef }),
          replayed: outcome.replayed,
          lastError: undefined,
          nextAttemptAt: undefined
        })
        await applyVendorAnswer(d.db, entry, outcome.body)
        await d.db.activity.add({
          at,
          connectionId: entry.connectionId,
          kind: 'write',
          link: { kind: 'write', entryId: entry.id },
          level: 'info',
          message: `Sent: ${entry.description}${outcome.replayed ? ' (already applied; confirmed by the vendor)' : ''}`
        })
      }
    )
    return undefined
  }
  const e = outcome.error
  switch (e.kind) {
    case 'unauthorized':
    case 'forbidden':
      await d.db.outbox.update(entry.seq!, { state: 'pending', lastError: e.message })
      return {
        state: 'paused',
        message: `${vendor} refused the key: enter a new one under Connections; queued writes wait for it.`
      }
    case 'network':
    case 'timeout':
    case 'rate-limited':
    case 'unavailable':
    case 'in-progress': {
      if (outcome.applied === 'maybe' && !idempotent) {
        await toReview(
          d,
          entry,
          'ambiguous',
          `${vendor} did not answer (${e.message}); it may or may not have applied this write.`
        )
        return undefined
      }
      const wait = backoffMs(entry.attempts, WRITE_BACKOFF, d.random ?? Math.random, e.retryAfterMs ?? 0)
      const until = now() + wait
      await d.db.outbox.update(entry.seq!, {
        state: 'pending',
        lastError: describeVendorError(e, vendor, label),
        nextAttemptAt: new Date(until).toISOString()
      })
      return e.kind === 'network' || e.kind === 'timeout' || e.kind === 'unavailable'
        ? { state: 'offline', message: describeVendorError(e, vendor, label) }
        : undefined
    }
    default:
      await toReview(d, entry, 'rejected', `${vendor} rejected this write: ${e.message}`, e.details)
      return undefined
  }
}

/**
 * A repeatable write resent after its answer was lost, which the vendor refuses
 * because it is already so (packed already, the batch already gone): the first
 * attempt was applied. Anything else is the vendor's answer as it came.
 */
function alreadyApplied(vendor: VendorId, entry: OutboxEntry, outcome: SendOutcome): SendOutcome {
  if (outcome.outcome !== 'failed' || !entry.flow?.repeatable || entry.attempts < 1) return outcome
  const judge = vendorProfiles[vendor].workflow?.alreadyApplied
  return judge?.(entry.flow.kind, outcome.error)
    ? { outcome: 'applied', status: outcome.error.status ?? 200, body: null, replayed: true }
    : outcome
}

/**
 * An undo waits behind the batch it undoes (same records). Once that batch is
 * applied its id is known and the undo's request is frozen; a batch dropped
 * before it was sent takes its undo with it.
 */
async function resolveUndo(d: ReplayDeps, undo: OutboxEntry, queue: OutboxEntry[]): Promise<void> {
  const target = queue.find((e) => e.id === undo.flow?.undoOf)
  const connection = await d.db.connections.get(undo.connectionId)
  const build = connection && vendorProfiles[connection.vendor].workflow?.batchUndo?.build
  if (!target || target.state === 'discarded') {
    await d.db.outbox.update(undo.seq!, {
      state: 'discarded',
      lastError: 'The batch it undoes was never sent.'
    })
    return
  }
  const createdId = target.batch?.createdId
  const planned =
    createdId !== undefined && build ? build({ batchId: createdId, label: target.batch!.label }) : undefined
  if (planned?.ok) {
    await d.db.outbox.update(undo.seq!, {
      request: planned.value.request,
      flow: { ...undo.flow!, batchId: createdId! }
    })
    return
  }
  await toReview(
    d,
    undo,
    'rejected',
    planned && !planned.ok
      ? planned.error.message
      : 'The vendor’s answer to the batch did not name it, so this undo cannot address it: delete the batch in the vendor’s app.'
  )
}

/** Needs-review: the vendor's message, and what the vendor holds now, for a person to decide. */
async function toReview(
  d: ReplayDeps,
  entry: OutboxEntry,
  reason: 'rejected' | 'ambiguous' | 'changed-at-vendor',
  message: string,
  details?: { path: string; message: string }[],
  changes?: string[]
) {
  const vendorLevels: { label: string; onHand: number | null }[] = []
  if (entry.batch) {
    // What the vendor has recorded on the task line now: a person compares it with what was made.
    const reply = await d.host.call('outbox:taskLine', {
      connectionId: entry.connectionId,
      taskVendorId: entry.batch.taskVendorId,
      lineId: entry.batch.lineId
    })
    if (reply.ok)
      vendorLevels.push({
        label: `${entry.batch.label}: made so far on this task line${reply.value ? ` (${reply.value.batches} batches)` : ' (task gone)'}`,
        onHand: reply.value?.made ?? null
      })
  }
  for (const line of entry.lines ?? []) {
    const reply = await d.host.call('outbox:currentLevel', {
      connectionId: entry.connectionId,
      itemVendorId: line.itemVendorId,
      locationVendorId: line.locationVendorId
    })
    if (reply.ok) vendorLevels.push({ label: line.label, onHand: reply.value.onHand })
    else break // unreachable now: the review shows what we could not check
  }
  const at = new Date().toISOString()
  await d.db.transaction('rw', [d.db.outbox, d.db.overlays, d.db.activity], async () => {
    await d.db.outbox.update(entry.seq!, {
      state: 'needs-review',
      lastError: message,
      ...(details && { errorDetails: details }),
      review: {
        reason,
        ...(vendorLevels.length > 0 && { vendorLevels, checkedAt: at }),
        ...(changes && changes.length > 0 && { changes })
      }
    })
    if (reason === 'rejected') await revertOverlays(d.db, entry)
    await d.db.activity.add({
      at,
      connectionId: entry.connectionId,
      kind: 'write',
      link: { kind: 'write', entryId: entry.id },
      level: 'error',
      message: `Needs review: ${entry.description} — ${message}`
    })
  })
}
