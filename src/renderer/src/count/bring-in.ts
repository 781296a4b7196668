import {
  absoluteKey,
  readSessionFile,
  sameAddress,
  type SessionFile
} from '../../../shared/count/session-file'
import type {
  ConnectionRow as Connection,
  CountEvent,
  CountLine,
  CountSession
} from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { expectedAt, lineIdOf, roundQty } from './lines'
import { goToLocation } from './location-switch'
import { ACTIVE_STATES, CountError, isoNow, type Clock } from './sessions'

export interface BroughtIn {
  count: CountSession
  /** A count was started at the file's location for it. */
  started: boolean
  counter: string
  pc: string
  scans: number
  lines: number
}

const scansOf = (n: number) => `${n} scan${n === 1 ? '' : 's'}`

/** This PC's connection to the file's system and the file's location in it. */
async function placeOf(
  db: StockroomDb,
  file: SessionFile
): Promise<{ connection: Connection; locationKey: string }> {
  const same = (await db.connections.toArray()).filter(
    (c) => c.vendor === file.connection.vendor && sameAddress(c.baseUrl, file.connection.baseUrl)
  )
  if (same.length === 0) {
    throw new CountError(
      `This file is a count of ${file.connection.label || 'another system'} (${file.connection.baseUrl}), which this PC is not connected to. Bring it in on a PC connected there.`
    )
  }
  for (const connection of same) {
    const locationKey = absoluteKey(connection.id, file.location.key)
    if (await db.locations.get(locationKey)) return { connection, locationKey }
  }
  throw new CountError(
    `${file.location.name || 'The location of this file'} is not in this PC's copy of ${same[0]!.label}. Sync, then bring the file in again.`
  )
}

/**
 * Brings another PC's count of a location into the count open here at the same
 * location (resuming one kept aside there, or starting one), summing its scans into the lines:
 * still one line, one variance and one write per item. The same file twice, a file
 * made on this PC, or a file for another location is refused in plain words.
 */
export async function bringInCount(db: StockroomDb, text: string, o: Clock = {}): Promise<BroughtIn> {
  const read = readSessionFile(text)
  if (!read.ok) throw new CountError(read.error)
  const file = read.file
  const from = `${file.counter}'s count from ${file.pc}`
  return db.transaction(
    'rw',
    [db.counts, db.countLines, db.countEvents, db.connections, db.locations, db.items, db.lots, db.stock],
    async () => {
      if (await db.counts.get(file.session)) {
        throw new CountError(`This file was made on this PC (${from}); there is nothing to bring in.`)
      }
      const { connection, locationKey } = await placeOf(db, file)
      const here = await db.counts.where('locationKey').equals(locationKey).toArray()
      const before = here.find((c) => c.broughtIn?.includes(file.session))
      if (before) {
        throw new CountError(
          `${from} (${scansOf(file.events.length)}) was already brought in here${before.state === 'submitted' ? ' and submitted' : ''}. It is not added twice: each difference is sent once.`
        )
      }
      const target = await targetCount(db, here, connection, locationKey, o)
      const { events, lines } = await sumInto(db, target.count, file, o)
      await db.countLines.bulkPut([...lines.values()])
      await db.countEvents.bulkAdd(events)
      const count = { ...target.count, broughtIn: [...(target.count.broughtIn ?? []), file.session] }
      await db.counts.update(count.id, { broughtIn: count.broughtIn })
      return {
        count,
        started: target.started,
        counter: file.counter,
        pc: file.pc,
        scans: events.length,
        lines: lines.size
      }
    }
  )
}

async function targetCount(
  db: StockroomDb,
  here: CountSession[],
  connection: Connection,
  locationKey: string,
  o: Clock
): Promise<{ count: CountSession; started: boolean }> {
  const open = here
    .filter((c) => c.connectionId === connection.id && ACTIVE_STATES.includes(c.state))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]
  if (open) return { count: open, started: false }
  // Scans go there now: a count open elsewhere is kept aside with its scans, as a location label does.
  const switched = await goToLocation(db, { connectionId: connection.id, locationKey, blind: false }, o)
  return { count: switched.session, started: switched.how === 'started' }
}

/** The file's scans as this PC's events, and the lines they change, summed in order. */
async function sumInto(
  db: StockroomDb,
  count: CountSession,
  file: SessionFile,
  o: Clock
): Promise<{ events: CountEvent[]; lines: Map<string, CountLine> }> {
  const lines = new Map<string, CountLine>()
  // The other PC's own part of each line: its recount ("set") replaced its own scans, not ours.
  const theirs = new Map<string, number>()
  const events: CountEvent[] = []
  const missing = new Set<string>()
  for (const e of file.events) {
    const itemKey = absoluteKey(count.connectionId, e.item)
    const lotKey = e.lot === undefined ? undefined : absoluteKey(count.connectionId, e.lot)
    if (!(await db.items.get(itemKey)) || (lotKey !== undefined && !(await db.lots.get(lotKey)))) {
      missing.add(e.item)
      continue
    }
    const id = lineIdOf(count.id, itemKey, lotKey)
    const existing = lines.get(id) ?? (await db.countLines.get(id))
    const part = theirs.get(id) ?? 0
    const delta = roundQty(e.kind === 'set' ? e.quantity - part : e.quantity)
    theirs.set(id, roundQty(part + delta))
    const previous = existing?.counted ?? 0
    const at = isoNow(o)
    lines.set(
      id,
      existing
        ? { ...existing, counted: roundQty(Math.max(0, previous + delta)), updatedAt: at }
        : {
            id,
            countId: count.id,
            itemKey,
            ...(lotKey !== undefined && { lotKey }),
            counted: roundQty(Math.max(0, delta)),
            expected: await expectedAt(db, itemKey, count.locationKey, lotKey),
            countedAt: e.at,
            updatedAt: at
          }
    )
    events.push({
      countId: count.id,
      lineId: id,
      // As an addition to the line as it stands here: undo takes it back like any scan.
      kind: 'add',
      quantity: delta,
      previous,
      createdLine: !existing,
      ...(e.code !== undefined && { code: e.code }),
      at: e.at,
      counter: e.counter,
      pc: file.pc
    })
  }
  if (missing.size > 0) {
    throw new CountError(
      `${missing.size} item${missing.size === 1 ? ' of this file is' : 's of this file are'} not in this PC's copy of the stock. Sync, then bring the file in again; nothing was added.`
    )
  }
  return { events, lines }
}
