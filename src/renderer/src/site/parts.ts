import {
  relativeKey,
  SESSION_FILE_FORMAT,
  SESSION_FILE_VERSION,
  type SessionFile
} from '../../../shared/count/session-file'
import type { HostClient } from '../../../shared/host-api/client'
import type { SitePart } from '../../../shared/host-api/site'
import type { StockroomDb } from '../db/db'
import { bringInCount } from '../count/bring-in'
import { lineIdOf, roundQty } from '../count/lines'
import { CountError, locationLabel } from '../count/sessions'

/** Other PCs' parts of a count, as the review shows them beside this PC's own. */
export type SiteParts =
  | { state: 'off' }
  | { state: 'unreachable' }
  | {
      state: 'ok'
      parts: SitePart[]
      /** Per line of this count (its line id): what each other PC counted, summed. */
      byLine: Map<string, { pc: string; counter: string; quantity: number }[]>
      pcs: string[]
    }

/** Each other PC's counted quantity per line, in scan order: an `add` adds, a `set` replaces that PC's own part. */
export function sumParts(
  countId: string,
  parts: readonly SitePart[]
): Map<string, { pc: string; counter: string; quantity: number }[]> {
  const bySession = new Map<string, Map<string, { pc: string; counter: string; quantity: number }>>()
  for (const p of parts) {
    const line = lineIdOf(countId, p.itemKey, p.lotKey)
    let lines = bySession.get(line)
    if (!lines) bySession.set(line, (lines = new Map()))
    const mine = lines.get(p.session) ?? { pc: p.pc, counter: p.counter, quantity: 0 }
    mine.quantity = roundQty(p.kind === 'set' ? p.quantity : mine.quantity + p.quantity)
    lines.set(p.session, mine)
  }
  return new Map([...bySession].map(([line, s]) => [line, [...s.values()].filter((x) => x.quantity !== 0)]))
}

/** What the other PCs counted at this count's location and no PC has sent yet (live: ask again on `site:changed`). */
export async function siteParts(db: StockroomDb, host: HostClient, countId: string): Promise<SiteParts> {
  const count = await db.counts.get(countId)
  if (!count) throw new CountError('This count no longer exists.')
  const reply = await host.call('site:parts', {
    connectionId: count.connectionId,
    locationKey: count.locationKey,
    countId
  })
  if (!reply.ok) return { state: 'unreachable' }
  if (!reply.value.ok) return { state: reply.value.reason }
  const parts = reply.value.parts
  return { state: 'ok', parts, byLine: sumParts(countId, parts), pcs: [...new Set(parts.map((p) => p.pc))] }
}

/**
 * Takes the other PCs' parts at this count's location into this count before it
 * is submitted: claims them (and this count's own) in the site database (a part another PC claimed first
 * is not taken), then sums them in as brought-in counts, one per other PC's count.
 * The claimed PCs see their counts as included and send nothing themselves.
 */
export async function includeSiteParts(
  db: StockroomDb,
  host: HostClient,
  countId: string
): Promise<{ state: 'off' | 'unreachable' } | { state: 'included'; pcs: string[]; scans: number }> {
  const seen = await siteParts(db, host, countId)
  if (seen.state !== 'ok') return seen
  const count = (await db.counts.get(countId))!
  // This count's own scans are claimed with the others': once sent, no other PC sums them in again.
  const sessions = [...new Set([...seen.parts.map((p) => p.session), countId])]
  const reply = await host.call('site:claimParts', {
    connectionId: count.connectionId,
    locationKey: count.locationKey,
    countId,
    sessions
  })
  if (!reply.ok) return { state: 'unreachable' }
  if (!reply.value.ok) return { state: reply.value.reason }
  const connection = await db.connections.get(count.connectionId)
  if (!connection) throw new CountError('The connection of this count was removed.')
  const location = {
    key: relativeKey(count.connectionId, count.locationKey),
    name: await locationLabel(db, count.locationKey)
  }
  const claimed = reply.value.parts.filter((p) => p.session !== countId)
  for (const session of new Set(claimed.map((p) => p.session))) {
    const mine = claimed.filter((p) => p.session === session)
    const file: SessionFile = {
      format: SESSION_FILE_FORMAT,
      version: SESSION_FILE_VERSION,
      session,
      connection: { vendor: connection.vendor, baseUrl: connection.baseUrl, label: connection.label },
      location,
      counter: mine[0]!.counter,
      pc: mine[0]!.pc,
      exportedAt: new Date().toISOString(),
      events: mine.map((p) => ({
        item: relativeKey(count.connectionId, p.itemKey),
        ...(p.lotKey !== undefined && { lot: relativeKey(count.connectionId, p.lotKey) }),
        kind: p.kind,
        quantity: p.quantity,
        ...(p.code !== undefined && { code: p.code }),
        counter: p.counter,
        at: p.at
      }))
    }
    await bringInCount(db, JSON.stringify(file))
  }
  return { state: 'included', pcs: [...new Set(claimed.map((p) => p.pc))], scans: claimed.length }
}
