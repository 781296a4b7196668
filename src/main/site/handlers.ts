import { absoluteKey, relativeKey } from '../../shared/count/session-file'
import type { JournalChange } from '../../shared/host-api/journal'
import type { SiteChangeForPc, SitePart } from '../../shared/host-api/site'
import type { ConnectionRegistry } from '../connections/registry'
import type { Handlers } from '../host/dispatch'
import type { Journal } from '../journal/journal'
import { systemOf, type StoredChange, type StoredPart } from './port'
import type { SiteService } from './site-service'

export type SiteCalls =
  | 'site:status'
  | 'site:configure'
  | 'site:test'
  | 'site:pull'
  | 'site:parts'
  | 'site:claimParts'

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** The host calls of the site database; every request was validated by the dispatcher. */
export function createSiteHandlers(
  site: SiteService,
  connections: ConnectionRegistry,
  journal: Journal,
  log: (line: string) => void
): Pick<Handlers, SiteCalls | 'journal:append'> {
  const place = async (connectionId: string, locationKey: string) => {
    const c = await connections.get(connectionId)
    return c && { system: systemOf(c.vendor, c.baseUrl), location: relativeKey(connectionId, locationKey) }
  }
  const partsFor = (connectionId: string, parts: StoredPart[]): SitePart[] =>
    parts.map((p) => toSitePart(connectionId, p))
  return {
    'site:status': async () => site.status(),
    'site:configure': async ({ connectionString }) => site.configure(connectionString),
    'site:test': async ({ connectionString }) => {
      const r = await site.test(connectionString)
      return r.ok ? { ok: true, message: r.message } : { ok: false, message: r.message }
    },
    'site:pull': async ({ ack }) => {
      const { stored, cursor } = await site.pull(ack)
      const all = await connections.list()
      const mine = site.identity().id
      const changes = stored.flatMap((s) =>
        // A claim names counts, not a connection: once. A link, for each connection to its system.
        s.kind === 'claim'
          ? forPc('', s, s.pcId === mine)
          : all
              .filter((c) => systemOf(c.vendor, c.baseUrl) === s.system)
              .flatMap((c) => forPc(c.id, s, s.pcId === mine))
      )
      return { changes, cursor }
    },
    'site:parts': async ({ connectionId, locationKey, countId }) => {
      const at = await place(connectionId, locationKey)
      if (!site.status().configured || !at) return { ok: false, reason: 'off' as const }
      const parts = await site.use((db) => db.parts(at.system, at.location, countId))
      return parts
        ? { ok: true, parts: partsFor(connectionId, parts) }
        : { ok: false, reason: 'unreachable' as const }
    },
    'site:claimParts': async ({ connectionId, locationKey, countId, sessions }) => {
      const at = await place(connectionId, locationKey)
      if (!site.status().configured || !at) return { ok: false, reason: 'off' as const }
      const parts = await site.use((db) =>
        db.claim(site.identity(), at.system, at.location, countId, sessions)
      )
      return parts
        ? { ok: true, parts: partsFor(connectionId, parts) }
        : { ok: false, reason: 'unreachable' as const }
    },
    'journal:append': async ({ changes }) => {
      // Deleted records as they were, for the site to name what was removed.
      const before = new Map<string, Record<string, unknown>>()
      for (const c of changes as JournalChange[])
        if (c.op === 'delete') {
          const r = journal.record(c.table, c.key)
          if (r) before.set(`${c.table}:${c.key}`, r)
        }
      const appended = await journal.append(changes)
      // The journal holds it: sharing it with the site is main's business from here on, never the reply's.
      await site
        .shareJournal(changes, before)
        .catch((err: unknown) => log(`site: not queued: ${String(err)}`))
      return { appended }
    }
  }
}

function toSitePart(connectionId: string, p: StoredPart): SitePart {
  const b = p.body
  const lot = str(b.lot)
  const code = str(b.code)
  return {
    partId: p.partId,
    session: p.session,
    pc: p.pc,
    counter: str(b.counter) || p.pc,
    itemKey: absoluteKey(connectionId, String(b.item)),
    ...(lot !== undefined && { lotKey: absoluteKey(connectionId, lot) }),
    kind: b.kind === 'set' ? 'set' : 'add',
    quantity: Number(b.quantity),
    ...(code !== undefined && { code }),
    at: str(b.at) ?? ''
  }
}

/** A stored change as this PC's connection `connectionId` applies it (own links are already here). */
function forPc(connectionId: string, s: StoredChange, own: boolean): SiteChangeForPc[] {
  const b = s.body
  const base = { seq: s.seq, changeId: s.changeId }
  if (s.kind === 'claim') {
    const sessions = Array.isArray(b.sessions) ? b.sessions.map(String) : []
    return own ? [] : [{ ...base, kind: 'claim', sessions, pc: s.pc }]
  }
  if (own) return []
  if (s.kind === 'link') {
    const pack = b.pack as { units?: unknown; name?: unknown } | undefined
    const linkedOn = str(b.linkedOn) ?? s.pc
    return [
      {
        ...base,
        kind: 'link',
        connectionId,
        code: String(b.code),
        itemKey: absoluteKey(connectionId, String(b.item)),
        linkedAt: String(b.linkedAt),
        linkedOn,
        ...(pack &&
          typeof pack.units === 'number' && { pack: { units: pack.units, name: String(pack.name ?? '') } })
      }
    ]
  }
  if (s.kind === 'unlink') return [{ ...base, kind: 'unlink', connectionId, code: String(b.code) }]
  return []
}
