import type { HostClient } from '../../../shared/host-api/client'
import type { VendorChange } from '../../../shared/host-api/outbox'
import type { OutboxEntry } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'

/**
 * Before a count's write first leaves this PC: did stock change at the vendor, at one of
 * its items and places, since the count's baseline, by anyone but this PC?
 * - `clear`: nothing changed (or only by this PC's own writes): send it.
 * - `changed`: it goes to review with each change in words and three choices.
 * - `unreachable`: the check could not be made now; the write waits like an unanswered one.
 */
export type CheckVerdict =
  | { state: 'clear' }
  | { state: 'changed'; message: string; changes: string[] }
  | { state: 'unreachable'; message: string; kind: 'network' | 'unauthorized' | 'rate-limited' }

const DAY = 86_400_000
const roundQty = (n: number) => Math.round(n * 1e6) / 1e6
const MAX_SHOWN = 3

/** Whether an entry is checked before it is sent: a count's write that never left, not overruled by a person. */
export const needsCheck = (e: OutboxEntry): boolean =>
  e.since !== undefined && !e.sendAnyway && e.attempts === 0 && (e.lines?.length ?? 0) > 0

export async function checkBeforeSend(
  d: { db: StockroomDb; host: HostClient },
  entry: OutboxEntry,
  vendor: string
): Promise<CheckVerdict> {
  const since = entry.since!
  const own = await ownReferences(d.db, entry.connectionId, since)
  const changes: string[] = []
  const lines = entry.lines ?? []
  // One request per place (Frostbyte's log of the warehouse), whatever the count's lines there.
  for (const locationVendorId of new Set(lines.map((l) => l.locationVendorId))) {
    const here = lines.filter((l) => l.locationVendorId === locationVendorId)
    const reply = await d.host.call('outbox:changesSince', {
      connectionId: entry.connectionId,
      locationVendorId,
      itemVendorIds: [...new Set(here.map((l) => l.itemVendorId))],
      since,
      own
    })
    if (!reply.ok) {
      const message = `Stockroom could not ask ${vendor} what changed since this count before sending it: ${reply.error.message}`
      // Down or busy: ask again later. Refused (e.g. a key without the reports scope): a person decides.
      if (reply.error.code === 'unauthorized') return { state: 'unreachable', message, kind: 'unauthorized' }
      if (reply.error.code === 'unavailable' || reply.error.code === 'internal')
        return {
          state: 'unreachable',
          message,
          kind: reply.error.cause?.kind === 'rate-limited' ? 'rate-limited' : 'network'
        }
      return { state: 'changed', message: `${message} ${choices(here[0]!.change)}`, changes: [] }
    }
    const where = (await d.db.locations.get(here[0]!.locationKey))?.name ?? locationVendorId
    const answer = reply.value
    for (const line of here) {
      if (answer.kind === 'log') {
        for (const c of answer.changes.filter((c) => c.itemVendorId === line.itemVendorId))
          changes.push(changeWords(line.label, where, c, line.change))
        continue
      }
      const level = answer.levels.find((l) => l.itemVendorId === line.itemVendorId)?.onHand
      if (line.lotKey || level === null || level === undefined || roundQty(level) === roundQty(line.expected))
        continue
      changes.push(
        `Stock of ${line.label} at ${where} is ${level} at ${vendor} now, not the ${line.expected} this count expected: it changed by ${signed(level - line.expected)} since. ${choices(line.change)}`
      )
    }
  }
  if (changes.length === 0) return { state: 'clear' }
  const shown = changes.slice(0, MAX_SHOWN)
  const more = changes.length - shown.length
  return {
    state: 'changed',
    changes,
    message: `${shown.join(' ')}${more > 0 ? ` And ${more} more change${more === 1 ? '' : 's'}.` : ''}`
  }
}

/** "Stock of X at Y changed by −3 at the vendor at 10:42 (stock adjustment 'Count — PC-2'). Send …" */
function changeWords(label: string, where: string, c: VendorChange, ours: number): string {
  const what = c.note ? `${c.kind} '${c.note}'` : `${c.kind} ${c.reference}`
  return `Stock of ${label} at ${where} changed by ${signed(c.change)} at the vendor at ${clock(c.at)} (${what}). ${choices(ours)}`
}

const choices = (ours: number) => `Send your ${signed(ours)} anyway / send the difference against now / drop.`

/** A change as people read it: "+3", "−3" (a true minus sign), "0". */
export const signed = (n: number): string => {
  const r = roundQty(n)
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : '0'
}

const clock = (at: string) =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false })

/**
 * The vendor's references of this PC's writes on the connection that may fall after the
 * baseline (a day's margin for a wrong PC clock): their movements are this PC's own.
 */
async function ownReferences(db: StockroomDb, connectionId: string, since: string): Promise<string[]> {
  const from = new Date(Date.parse(since) - DAY).toISOString()
  const done = await db.outbox
    .where('[connectionId+state]')
    .equals([connectionId, 'done'])
    .filter((e) => e.vendorRef !== undefined && (e.doneAt ?? '') >= from)
    .limit(5000)
    .toArray()
  return done.map((e) => e.vendorRef!)
}
