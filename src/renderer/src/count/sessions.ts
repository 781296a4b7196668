import type { CountSession, Location } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { vendorProfiles } from '../../../shared/vendors/profiles'

export interface Clock {
  now?: () => Date
}

export const isoNow = (o: Clock = {}): string => (o.now ?? (() => new Date()))().toISOString()

/** A plain-words refusal, shown to the user as it stands. */
export class CountError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CountError'
  }
}

/** Open or in review: not yet submitted. One at a time per PC, so a scan always has one place to go. */
export const ACTIVE_STATES: CountSession['state'][] = ['open', 'review']

/** The session this PC is counting, if any (the newest, should there ever be two). */
export async function activeCount(db: StockroomDb): Promise<CountSession | undefined> {
  const active = await db.counts.where('state').anyOf(ACTIVE_STATES).toArray()
  return active.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]
}

export async function startCount(
  db: StockroomDb,
  input: { connectionId: string; locationKey: string; blind: boolean },
  o: Clock & { newId?: () => string } = {}
): Promise<CountSession> {
  return db.transaction('rw', [db.counts, db.connections, db.locations], async () => {
    const open = await activeCount(db)
    if (open) {
      const where = await db.locations.get(open.locationKey)
      throw new CountError(
        `A count is already open at ${where?.name ?? 'another location'}. Submit or discard it first.`
      )
    }
    const connection = await db.connections.get(input.connectionId)
    if (!connection) throw new CountError('That connection no longer exists on this PC.')
    const location = await db.locations.get(input.locationKey)
    if (!location || location.connectionId !== input.connectionId) {
      throw new CountError('That location is not in the replica of this connection. Sync, then try again.')
    }
    const refused = vendorProfiles[connection.vendor].counts.refuse(location)
    if (refused) throw new CountError(refused)
    const session: CountSession = {
      id: (o.newId ?? (() => crypto.randomUUID()))(),
      connectionId: input.connectionId,
      locationKey: input.locationKey,
      state: 'open',
      blind: input.blind,
      startedAt: isoNow(o),
      ...(connection.lastSyncAt && { replicaSyncedAt: connection.lastSyncAt })
    }
    await db.counts.add(session)
    return session
  })
}

/** Between counting and the variance review; a submitted count stays submitted. */
export async function setCountState(
  db: StockroomDb,
  countId: string,
  state: 'open' | 'review'
): Promise<void> {
  await db.transaction('rw', db.counts, async () => {
    const session = await db.counts.get(countId)
    if (!session || session.state === 'submitted') throw new CountError('This count was already submitted.')
    await db.counts.update(countId, { state })
  })
}

/** Throws the count away with every line and scan; only before it is submitted. */
export async function discardCount(db: StockroomDb, countId: string): Promise<void> {
  await db.transaction('rw', [db.counts, db.countLines, db.countEvents, db.countIssues], async () => {
    const session = await db.counts.get(countId)
    if (!session) return
    if (session.state === 'submitted') throw new CountError('A submitted count cannot be discarded.')
    await db.countIssues.where('countId').equals(countId).delete()
    await db.countEvents.where('countId').equals(countId).delete()
    await db.countLines.where('countId').equals(countId).delete()
    await db.counts.delete(countId)
  })
}

/** "Auckland DC › Ambient racking › A-01-02": a location with its parents, for people. */
export function locationPath(location: Location, byKey: ReadonlyMap<string, Location>): string {
  const names = [location.name]
  const seen = new Set([location.key])
  let parent = location.parentKey ? byKey.get(location.parentKey) : undefined
  while (parent && !seen.has(parent.key)) {
    names.unshift(parent.name)
    seen.add(parent.key)
    parent = parent.parentKey ? byKey.get(parent.parentKey) : undefined
  }
  return names.join(' › ')
}

export async function locationLabel(db: StockroomDb, key: string): Promise<string> {
  const byKey = new Map<string, Location>()
  let next: string | undefined = key
  while (next && !byKey.has(next)) {
    const l: Location | undefined = await db.locations.get(next)
    if (!l) break
    byKey.set(l.key, l)
    next = l.parentKey
  }
  const location = byKey.get(key)
  return location ? locationPath(location, byKey) : (key.split(':').pop() ?? key)
}
