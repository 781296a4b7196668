import { createHash, randomUUID } from 'node:crypto'
import type { JournalChange, JournaledTable } from '../../shared/host-api/journal'
import { relativeKey } from '../../shared/count/session-file'
import { systemOf, type OutgoingChange } from './port'

type Rec = Record<string, unknown>

export interface JournalView {
  /** A record as the journal holds it now (after the batch was appended). */
  record(table: JournaledTable, key: string | number): Rec | undefined
  /** A connection's vendor and address (undefined: removed). */
  connection(id: string): { vendor: string; baseUrl: string } | undefined
}

/** A UUID made from a name (RFC 4122 version 5 layout over SHA-1): the same scan always has the same id. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`stockroom-site:${name}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

/** A scan's part id: its count (a UUID made on the PC) and its number there. */
export const partIdOf = (countId: string, eventId: number | string): string =>
  nameUuid(`${countId}:${eventId}`)

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * What the site shares of a batch of journaled changes: barcode links made or
 * removed here, and scans of counts made here (a count part). Changes that
 * applied another PC's share (`fromSite`), scans brought in from another PC,
 * and everything else are not shared. `before` holds deleted records as they
 * were before the batch.
 */
export function siteChangesOf(
  changes: readonly JournalChange[],
  before: ReadonlyMap<string, Rec>,
  view: JournalView,
  now: () => string = () => new Date().toISOString()
): OutgoingChange[] {
  const out: OutgoingChange[] = []
  for (const c of changes) {
    if (c.op === 'clear' || c.fromSite) continue
    if (c.table === 'barcodeLinks') {
      const link = c.op === 'put' ? c.value : before.get(`${c.table}:${c.key}`)
      const conn = link && view.connection(String(link.connectionId))
      if (!link || !conn) continue
      const cid = String(link.connectionId)
      const system = systemOf(conn.vendor, conn.baseUrl)
      if (c.op === 'put')
        out.push({
          changeId: randomUUID(),
          kind: 'link',
          system,
          madeAt: now(),
          body: {
            code: link.code,
            item: relativeKey(cid, String(link.itemKey)),
            linkedAt: link.linkedAt,
            ...(link.linkedOn !== undefined && { linkedOn: link.linkedOn }),
            ...(link.pack !== undefined && { pack: link.pack })
          }
        })
      else
        out.push({
          changeId: randomUUID(),
          kind: 'unlink',
          system,
          madeAt: now(),
          body: { code: link.code, removedAt: now() }
        })
    } else if (c.table === 'countEvents') {
      const e = c.op === 'put' ? c.value : before.get(`${c.table}:${c.key}`)
      // A scan brought in from another PC's file is that PC's part, not this one's.
      if (!e || e.pc !== undefined) continue
      const part = partOf(e, view, now)
      if (!part) continue
      out.push(
        c.op === 'put'
          ? part
          : {
              changeId: randomUUID(),
              kind: 'unpart',
              system: part.system,
              madeAt: now(),
              body: { partId: part.changeId }
            }
      )
    }
  }
  return out
}

function partOf(e: Rec, view: JournalView, now: () => string): OutgoingChange | undefined {
  const count = view.record('counts', String(e.countId))
  const line = view.record('countLines', String(e.lineId))
  if (!count || !line || e.id === undefined) return undefined
  const cid = String(count.connectionId)
  const conn = view.connection(cid)
  if (!conn) return undefined
  const lot = str(line.lotKey)
  return {
    changeId: partIdOf(String(e.countId), String(e.id)),
    kind: 'part',
    system: systemOf(conn.vendor, conn.baseUrl),
    madeAt: now(),
    body: {
      location: relativeKey(cid, String(count.locationKey)),
      session: String(e.countId),
      counter: str(e.counter) ?? '',
      item: relativeKey(cid, String(line.itemKey)),
      ...(lot !== undefined && { lot: relativeKey(cid, lot) }),
      kind: e.kind === 'set' ? 'set' : 'add',
      quantity: Number(e.quantity),
      ...(str(e.code) !== undefined && { code: str(e.code) }),
      at: str(e.at) ?? now()
    }
  }
}
