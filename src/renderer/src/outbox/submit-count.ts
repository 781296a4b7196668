import { defaultVarianceLimits, type VarianceLimits } from '../../../shared/count/quantity'
import type { CountLine, Location, OutboxEntry } from '../../../shared/model/records'
import type { PlannedWrite, StockWrites, Variance } from '../../../shared/vendors/profile'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import { pendingConfirmationWords, pendingConfirmations } from '../count/issues'
import { needsApproval } from '../count/review'
import type { StockroomDb } from '../db/db'
import { countSheetEntry } from './count-sheet-entry'

export interface SubmitResult {
  outcome: 'queued' | 'exported' | 'nothing-to-send'
  /** Vendor writes queued in the outbox. */
  entries: number
  /** Lines whose counted quantity differs from the expected one. */
  variances: number
  /** For a connection that cannot write stock: the count as CSV, and why. */
  csv?: { filename: string; text: string; reason: string }
}

export class SubmitError extends Error {}

export interface SubmitOptions {
  now?: () => Date
  newId?: () => string
  /** This PC's variance limits: a line outside them is sent only once a supervisor approved it. */
  limits?: VarianceLimits
}

const round = (n: number) => Math.round(n * 1e6) / 1e6

/**
 * Turns a count session's variances into vendor writes in the outbox, in the
 * same transaction that marks the session submitted and lays the counted
 * quantities over the replica as pending: all of it lands, or none of it.
 */
export async function submitCount(
  db: StockroomDb,
  countId: string,
  o: SubmitOptions = {}
): Promise<SubmitResult> {
  const now = (o.now ?? (() => new Date()))().toISOString()
  const newId = o.newId ?? (() => crypto.randomUUID())
  return db.transaction(
    'rw',
    [
      db.counts,
      db.countLines,
      db.outbox,
      db.overlays,
      db.items,
      db.locations,
      db.lots,
      db.connections,
      db.activity,
      db.countEvents,
      db.countIssues
    ],
    async () => {
      const session = await db.counts.get(countId)
      if (!session) throw new SubmitError('This count no longer exists.')
      if (session.state === 'submitted')
        throw new SubmitError('This count was already submitted; its writes are in the Outbox.')
      const connection = await db.connections.get(session.connectionId)
      if (!connection)
        throw new SubmitError('The connection of this count was removed; the count cannot be sent.')
      const location = await db.locations.get(session.locationKey)
      if (!location)
        throw new SubmitError('The counted location is no longer in the replica. Sync, then try again.')
      const profile = vendorProfiles[connection.vendor]
      const refused = profile.counts.refuse(location)
      if (refused) throw new SubmitError(refused)
      const waiting = pendingConfirmationWords(await pendingConfirmations(db, countId))
      if (waiting) throw new SubmitError(waiting)
      const lines = await db.countLines.where('countId').equals(countId).toArray()
      const unapproved = lines.filter((l) => needsApproval(l, o.limits ?? defaultVarianceLimits)).length
      if (unapproved > 0) {
        throw new SubmitError(
          `${unapproved} line${unapproved === 1 ? ' is' : 's are'} far from what was expected and wait for a supervisor's approval. Approve or recount ${unapproved === 1 ? 'it' : 'them'} first.`
        )
      }
      const variances = await toVariances(
        db,
        lines.filter((l) => round(l.counted - l.expected) !== 0),
        location,
        await countTarget(db, location, profile.counts.target)
      )
      // What is left unresolved (unknown codes, refused scans) ends with the count: nothing of it is sent.
      const finish = async (outcome: SubmitResult['outcome']) => {
        await db.countIssues.where('countId').equals(countId).delete()
        await db.counts.update(countId, { state: 'submitted', submittedAt: now, outcome })
      }

      const writer = profile.stockWrites
      if (!writer || !connection.capabilities.includes('stock-write')) {
        await finish('exported')
        const reason =
          profile.counts.exportReason ??
          `${profile.name} takes no stock writes from this connection, so Stockroom cannot send this count. Import the CSV in ${profile.name} or enter the differences there.`
        // The count sheet is a write like any other: an Outbox entry made with the count's close.
        const entry = await countSheetEntry(db, {
          session,
          location,
          lines,
          vendorName: profile.name,
          differences: variances.length,
          now,
          newId
        })
        await db.outbox.add(entry)
        await db.activity.add({
          at: now,
          connectionId: connection.id,
          kind: 'write',
          level: 'warning',
          message: `Count at ${location.name}: its count sheet (${entry.sheet!.rows} records, ${variances.length} differences) is in the Outbox to key into ${profile.name}. ${reason}`,
          link: { kind: 'write', entryId: entry.id }
        })
        return {
          outcome: 'exported',
          entries: 1,
          variances: variances.length,
          csv: { filename: entry.sheet!.filename, text: entry.sheet!.csv, reason }
        }
      }
      if (variances.length === 0) {
        await finish('nothing-to-send')
        return { outcome: 'nothing-to-send', entries: 0, variances: 0 }
      }
      const note = `Stockroom count at ${location.name}, ${session.startedAt.slice(0, 16).replace('T', ' ')} UTC`
      const build = writer.build
      const held = await settleEarlierCounts(db, connection.id, variances, writer, newId)
      const writes: { w: PlannedWrite; hold: boolean }[] = [
        ...build(
          variances.filter((v) => !held.has(keyOf(v))),
          note
        ).map((w) => ({ w, hold: false })),
        ...build(
          variances.filter((v) => held.has(keyOf(v))),
          note
        ).map((w) => ({ w, hold: true }))
      ]
      for (const { w, hold } of writes) {
        const entry: OutboxEntry = {
          id: newId(),
          connectionId: connection.id,
          idempotencyKey: newId(),
          state: hold ? 'needs-review' : 'pending',
          ...(hold && {
            lastError:
              'An earlier count of the same item here is still on its way to the vendor; sending this one as well could correct the same difference twice. Once the earlier write is sent, compare with the vendor, then resend this one edited, or discard it.',
            review: { reason: 'overtaken' as const }
          }),
          createdAt: now,
          description: w.description,
          request: w.request,
          attempts: 0,
          affects: w.lines.map((l) => `${l.itemKey}@${l.locationKey}`),
          lines: w.lines.map((l) => ({
            itemKey: l.itemKey,
            itemVendorId: l.itemVendorId,
            locationKey: l.locationKey,
            locationVendorId: l.locationVendorId,
            ...(l.lotKey && { lotKey: l.lotKey }),
            expected: l.expected,
            counted: l.counted,
            change: l.change,
            label: l.label
          }))
        }
        await db.outbox.add(entry)
        await db.overlays.bulkPut(
          w.lines.map((l) => ({
            key: `${l.itemKey}@${l.locationKey}`,
            itemKey: l.itemKey,
            locationKey: l.locationKey,
            onHand: l.counted,
            entryId: entry.id,
            at: now
          }))
        )
      }
      await finish('queued')
      await db.activity.add({
        at: now,
        connectionId: connection.id,
        kind: 'write',
        level: 'info',
        message: `Count at ${location.name}: ${variances.length} difference(s) queued as ${writes.length} write(s).`
      })
      return { outcome: 'queued', entries: writes.length, variances: variances.length }
    }
  )
}

const keyOf = (v: { itemKey: string; locationKey: string }) => `${v.itemKey}@${v.locationKey}`

/**
 * Two counts of the same item at the same place must not both correct the same
 * difference. An earlier write that never left this PC loses those lines (the
 * later count stands); one that may have reached the vendor keeps them, and the
 * later count's lines are held for review. Returns the held keys.
 */
async function settleEarlierCounts(
  db: StockroomDb,
  connectionId: string,
  variances: Variance[],
  writer: StockWrites,
  newId: () => string
): Promise<Set<string>> {
  const keys = new Set(variances.map(keyOf))
  const held = new Set<string>()
  const open = await db.outbox
    .where('[connectionId+state]')
    .anyOf([connectionId, 'pending'], [connectionId, 'sending'], [connectionId, 'needs-review'])
    .toArray()
  for (const e of open) {
    const overlapping = e.affects.filter((k) => keys.has(k))
    if (overlapping.length === 0) continue
    if (e.state !== 'pending' || e.attempts > 0) {
      overlapping.forEach((k) => held.add(k))
      continue
    }
    const remaining = (e.lines ?? []).filter((l) => !keys.has(keyOf(l)))
    await db.overlays.bulkDelete(overlapping.filter((k) => keys.has(k)))
    if (remaining.length === 0) {
      await db.outbox.update(e.seq!, {
        state: 'discarded',
        lastError: 'Replaced by a later count of the same items.'
      })
      continue
    }
    const note = writer.noteOf?.(e.request?.body ?? '') ?? ''
    const [rebuilt] = writer.build(
      remaining.map((l) => ({ ...l, ...(l.lotKey && { lotVendorId: l.lotKey.split(':').pop()! }) })),
      note
    )
    // Never sent, so the vendor has not seen its key: a new body gets a new key all the same.
    await db.outbox.update(e.seq!, {
      request: rebuilt!.request,
      description: rebuilt!.description,
      lines: remaining,
      affects: remaining.map(keyOf),
      idempotencyKey: newId()
    })
  }
  return held
}

/** The place a count's writes name, as the vendor's profile decides from the location and its ancestors. */
async function countTarget(
  db: StockroomDb,
  location: Location,
  target: (l: Location, ancestors: Location[]) => Location
): Promise<Location> {
  const ancestors: Location[] = []
  for (let at = location.parentKey; at; ) {
    const parent = await db.locations.get(at)
    if (!parent || ancestors.some((a) => a.key === parent.key)) break
    ancestors.push(parent)
    at = parent.parentKey
  }
  return target(location, ancestors)
}

async function toVariances(
  db: StockroomDb,
  lines: CountLine[],
  location: Location,
  target: Location
): Promise<Variance[]> {
  const out: Variance[] = []
  for (const line of lines) {
    const item = await db.items.get(line.itemKey)
    if (!item)
      throw new SubmitError(
        `An item of this count is no longer in the replica (${line.itemKey}). Sync, then review the count.`
      )
    const lot = line.lotKey ? await db.lots.get(line.lotKey) : undefined
    out.push({
      itemKey: item.key,
      itemVendorId: item.vendorId,
      locationKey: location.key,
      locationVendorId: target.vendorId,
      ...(lot && { lotKey: lot.key, lotVendorId: lot.vendorId }),
      expected: line.expected,
      counted: line.counted,
      change: round(line.counted - line.expected),
      label: `${item.sku} ${item.name}`.trim()
    })
  }
  return out
}
