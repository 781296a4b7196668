import type { CountSession, Location } from '../../../shared/model/records'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import type { StockroomDb } from '../db/db'
import { activeCount, CountError, locationLabel, startCount, type Clock } from './sessions'

/**
 * The locations whose label carries one of a scan's keys, by the `labels` index
 * (one query). A label known in several connections resolves to the one of
 * `connectionId` (the count in progress) when it has it.
 *
 * A scan is tried as an item first and as a location label only when no item
 * carries it, so a code printed on both counts the item.
 */
export async function findLocationLabel(
  db: StockroomDb,
  keys: string[],
  connectionId?: string
): Promise<Location[]> {
  if (keys.length === 0) return []
  const all = await db.locations.where('labels').anyOf(keys).distinct().toArray()
  const mine = connectionId === undefined ? [] : all.filter((l) => l.connectionId === connectionId)
  return (mine.length > 0 ? mine : all).sort((a, b) => a.key.localeCompare(b.key))
}

async function ancestorsOf(db: StockroomDb, location: Location): Promise<Location[]> {
  const out: Location[] = []
  const seen = new Set([location.key])
  let next = location.parentKey
  while (next && !seen.has(next)) {
    seen.add(next)
    const parent = await db.locations.get(next)
    if (!parent) break
    out.push(parent)
    next = parent.parentKey
  }
  return out
}

/**
 * What a scanned label can be counted as: the location itself, or, where the
 * vendor cannot count that kind of place (a bin where stock is kept per
 * warehouse), the place it keeps stock at; else the vendor's reason in words.
 */
export async function countableFor(
  db: StockroomDb,
  scanned: Location
): Promise<{ location: Location } | { refuse: string }> {
  const connection = await db.connections.get(scanned.connectionId)
  if (!connection) return { refuse: 'That location belongs to a connection no longer on this PC.' }
  const rules = vendorProfiles[connection.vendor].counts
  const refused = rules.refuse(scanned)
  if (!refused) return { location: scanned }
  const target = rules.target(scanned, await ancestorsOf(db, scanned))
  if (target.key !== scanned.key && !rules.refuse(target)) return { location: target }
  return { refuse: refused }
}

/** Where scans went before a switch, and what became of that count. */
export interface LeftCount {
  locationKey: string
  /** Kept with its scans, to go back to; false: it had none, so it simply moved. */
  parked: boolean
  scans: number
}

export interface Switched {
  /** The count scans go to now. */
  session: CountSession
  /** started: a new count; resumed: one parked there before; same: scans already went there. */
  how: 'started' | 'resumed' | 'same'
  left?: LeftCount
}

/**
 * Makes the count at a location the one scans go to. The count in progress
 * elsewhere is parked with everything counted in it (or, with no scan yet, simply
 * dropped: it moves); a count parked at the new location resumes, else one starts
 * there (blind as the count it replaces, or as `blind` when none was open).
 * Exactly one count is open afterwards; nothing counted is changed.
 */
export async function goToLocation(
  db: StockroomDb,
  input: { connectionId: string; locationKey: string; blind: boolean },
  o: Clock & { newId?: () => string } = {}
): Promise<Switched> {
  return db.transaction(
    'rw',
    [db.counts, db.countLines, db.countEvents, db.connections, db.locations],
    async () => {
      const current = await activeCount(db)
      if (current?.locationKey === input.locationKey) return { session: current, how: 'same' as const }
      let left: LeftCount | undefined
      if (current) {
        const scans = await db.countEvents.where('countId').equals(current.id).count()
        const lines = await db.countLines.where('countId').equals(current.id).count()
        const parked = scans + lines > 0
        if (parked) await db.counts.update(current.id, { state: 'parked' })
        else await db.counts.delete(current.id)
        left = { locationKey: current.locationKey, parked, scans }
      }
      const waiting = await db.counts
        .where('locationKey')
        .equals(input.locationKey)
        .filter((c) => c.state === 'parked')
        .first()
      if (waiting) {
        await db.counts.update(waiting.id, { state: 'open' })
        return {
          session: { ...waiting, state: 'open' as const },
          how: 'resumed' as const,
          ...(left && { left })
        }
      }
      const session = await startCount(db, { ...input, blind: current?.blind ?? input.blind }, o)
      return { session, how: 'started' as const, ...(left && { left }) }
    }
  )
}

/** A scanned location label, in words for the scan banner. */
export type LabelOutcome =
  | {
      status: 'switched'
      switched: Switched
      /** "Main DC › Ambient" — where scans go now. */
      where: string
      /** Where scans went before, when that changed. */
      leftWhere?: string
      /** The label named a place that is counted as part of `where` (a bin of a warehouse-counted vendor). */
      scannedName?: string
    }
  | { status: 'refused'; message: string }

/** Goes to the location a scanned label names (see {@link goToLocation}), or says in words why not. */
export async function goToLabel(
  db: StockroomDb,
  labelled: Location[],
  o: Clock & { blind: boolean; newId?: () => string }
): Promise<LabelOutcome> {
  const [scanned] = labelled
  if (!scanned) return { status: 'refused', message: 'No location carries this label.' }
  if (labelled.length > 1) {
    const names = await Promise.all(labelled.map((l) => locationLabel(db, l.key)))
    return {
      status: 'refused',
      message: `This label names ${labelled.length} locations (${names.join('; ')}). Pick the location on the Count screen instead.`
    }
  }
  const countable = await countableFor(db, scanned)
  if ('refuse' in countable) return { status: 'refused', message: countable.refuse }
  const target = countable.location
  try {
    const switched = await goToLocation(
      db,
      { connectionId: target.connectionId, locationKey: target.key, blind: o.blind },
      o
    )
    return {
      status: 'switched',
      switched,
      where: await locationLabel(db, target.key),
      ...(switched.left && { leftWhere: await locationLabel(db, switched.left.locationKey) }),
      ...(target.key !== scanned.key && { scannedName: `${scanned.kind} ${scanned.name}` })
    }
  } catch (error) {
    if (error instanceof CountError) return { status: 'refused', message: error.message }
    throw error
  }
}

/** Counts kept aside by a location label, newest first, with how many scans each holds. */
export async function parkedCounts(db: StockroomDb): Promise<{ session: CountSession; scans: number }[]> {
  const parked = await db.counts.where('state').equals('parked').toArray()
  const rows = await Promise.all(
    parked.map(async (session) => ({
      session,
      scans: await db.countEvents.where('countId').equals(session.id).count()
    }))
  )
  return rows.sort((a, b) => b.session.startedAt.localeCompare(a.session.startedAt))
}
