import { plural } from '../../../shared/plural'
import { defaultVarianceLimits, type VarianceLimits } from '../../../shared/count/quantity'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import { pendingConfirmationWords, pendingConfirmations } from '../count/issues'
import { needsApproval } from '../count/review'
import { countBaselines } from './count-baselines'
import type { StockroomDb } from '../db/db'
import { countSheetEntry } from './count-sheet-entry'
import { countTarget, round, SubmitError, toVariances } from './count-variances'
import { queueCountWrites } from './queue-count-writes'
import { settleEarlierCounts } from './settle-earlier-counts'

export { SubmitError } from './count-variances'

export interface SubmitResult {
  outcome: 'queued' | 'exported' | 'nothing-to-send'
  /** Vendor writes queued in the outbox. */
  entries: number
  /** Lines whose counted quantity differs from the expected one. */
  variances: number
  /** For a connection that cannot write stock: the count as CSV, and why. */
  csv?: { filename: string; text: string; reason: string }
}

export interface SubmitOptions {
  now?: () => Date
  newId?: () => string
  /** This PC's variance limits: a line outside them is sent only once a supervisor approved it. */
  limits?: VarianceLimits
  /** This PC's name, in the note the vendor keeps with the write ("Stockroom count — PC-2 at …"). */
  pc?: string
}

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
      const note = `Stockroom count${o.pc ? ` — ${o.pc}` : ''} at ${location.name}, ${session.startedAt.slice(0, 16).replace('T', ' ')} UTC`
      const held = await settleEarlierCounts(db, connection.id, variances, writer, newId)
      const written = await queueCountWrites(db, {
        connectionId: connection.id,
        variances,
        held,
        writer,
        note,
        place: location.name,
        now,
        newId,
        since: countBaselines(lines, session, connection.clockSkewMs)
      })
      await finish('queued')
      await db.activity.add({
        at: now,
        connectionId: connection.id,
        kind: 'write',
        level: 'info',
        message: `Count at ${location.name}: ${plural(variances.length, 'difference')} queued as ${plural(written, 'write')}.`
      })
      return { outcome: 'queued', entries: written, variances: variances.length }
    }
  )
}
