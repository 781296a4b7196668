import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type StockroomDb } from '../db/db'
import { indexLocation } from '../db/location-index'
import { countScan, type CountScanOutcome } from './count-scan'
import { undoLast } from './lines'
import {
  findLocationLabel,
  goToLabel,
  goToLocation,
  parkedCounts,
  type LabelOutcome
} from './location-switch'
import { activeCount } from './sessions'
import { fx, location, seedReplica } from './testing'

let db: StockroomDb
let n = 0
let clock = Date.parse('2026-03-02T09:00:00.000Z')
const now = () => new Date((clock += 1000))

const north = 'c1:location:wh/W2'
const shelf = 'c2:location:Shelf 1'

beforeEach(async () => {
  db = createDb(`labels-${Math.random()}-${++n}`)
  await seedReplica(db)
  await db.locations.bulkPut(
    [
      { ...location(north, 'North DC', 'warehouse'), code: 'NDC' },
      { ...location(shelf, 'Shelf 1', 'location'), code: 'LOC-S1' },
      // An item's SKU printed as a location code too: the item wins.
      { ...location('c1:location:wh/W3', 'Bolt cage', 'warehouse'), code: fx.bolt.sku },
      // A zone outside any warehouse: nothing this vendor can count.
      location('c1:location:zone/Z9', 'Loose zone', 'zone')
    ].map(indexLocation)
  )
})
afterEach(() => db.close())

/** A scan in the open count, as the Count screen makes it: a location label goes where it says. */
async function scan(code: string): Promise<CountScanOutcome | LabelOutcome> {
  const open = await activeCount(db)
  if (!open) throw new Error('no count open')
  const outcome = await countScan(db, open.id, code, { now })
  return outcome.status === 'location' ? goToLabel(db, outcome.locations, { blind: false, now }) : outcome
}

async function label(code: string, blind = false): Promise<LabelOutcome> {
  return goToLabel(db, await findLocationLabel(db, [code.toUpperCase()]), { blind, now })
}

function switched(o: CountScanOutcome | LabelOutcome) {
  if (o.status !== 'switched') throw new Error(`expected switched, got ${o.status}`)
  return o
}

const linesOf = async (countId: string) =>
  Object.fromEntries(
    (await db.countLines.where('countId').equals(countId).toArray()).map((l) => [l.itemKey, l.counted])
  )

describe('location labels', () => {
  it('are recognised by code, name or vendor id, case aside, with one indexed lookup', async () => {
    expect((await findLocationLabel(db, ['MDC'])).map((l) => l.key)).toEqual([fx.warehouse])
    expect((await findLocationLabel(db, ['NORTH DC'])).map((l) => l.key)).toEqual([north])
    expect((await findLocationLabel(db, ['BIN/B1'])).map((l) => l.key)).toEqual([fx.bin])
    expect(await findLocationLabel(db, ['NOWHERE'])).toEqual([])
    await db.counts.add({
      id: 'k',
      connectionId: fx.c1,
      locationKey: fx.warehouse,
      state: 'open',
      blind: false,
      startedAt: 'x'
    })
    // Lower case as typed: scans are normalised like item codes.
    expect(await countScan(db, 'k', 'ndc')).toMatchObject({ status: 'location', locations: [{ key: north }] })
  })

  it('a location label starts a count and a second one switches it, keeping the first count’s lines', async () => {
    const first = switched(await label('MDC', true))
    expect(first).toMatchObject({ where: 'Main DC', switched: { how: 'started' } })
    expect(first.switched.session).toMatchObject({ locationKey: fx.warehouse, state: 'open', blind: true })
    expect(await scan(fx.bolt.ean)).toMatchObject({ status: 'counted' })
    expect(await scan(fx.bolt.ean)).toMatchObject({ status: 'counted' })

    const second = switched(await scan('NDC'))
    expect(second).toMatchObject({
      where: 'North DC',
      leftWhere: 'Main DC',
      switched: { how: 'started', left: { locationKey: fx.warehouse, parked: true, scans: 2 } }
    })
    const open = await activeCount(db)
    expect(open).toMatchObject({ id: second.switched.session.id, locationKey: north, blind: true })
    expect(await db.counts.get(first.switched.session.id)).toMatchObject({ state: 'parked' })
    expect(await linesOf(first.switched.session.id)).toEqual({ [fx.bolt.key]: 2 })

    // Scans go to the new location; undo takes back only its last scan.
    expect(await scan(fx.bolt.ean)).toMatchObject({
      status: 'counted',
      line: { countId: second.switched.session.id }
    })
    expect(await scan(fx.glue.ean)).toMatchObject({ status: 'counted' })
    expect((await undoLast(db, second.switched.session.id))?.line?.itemKey).toBe(fx.glue.c1)
    expect(await linesOf(second.switched.session.id)).toEqual({ [fx.bolt.key]: 1 })
    expect(await linesOf(first.switched.session.id)).toEqual({ [fx.bolt.key]: 2 })
    expect((await parkedCounts(db)).map((p) => [p.session.locationKey, p.scans])).toEqual([[fx.warehouse, 2]])

    // The first label again: its count resumes with everything in it, and the second is kept aside.
    const back = switched(await scan('mdc'))
    expect(back.switched).toMatchObject({ how: 'resumed', session: { id: first.switched.session.id } })
    expect((await activeCount(db))?.id).toBe(first.switched.session.id)
    expect(await db.counts.get(second.switched.session.id)).toMatchObject({ state: 'parked' })
    expect(await db.counts.where('state').anyOf(['open', 'review']).count()).toBe(1)
  })

  it('a count with no scan yet simply moves', async () => {
    const first = switched(await label('MDC'))
    const moved = switched(await scan('NDC'))
    expect(moved.switched.left).toEqual({ locationKey: fx.warehouse, parked: false, scans: 0 })
    expect(await db.counts.get(first.switched.session.id)).toBeUndefined()
    expect(await db.counts.toArray()).toMatchObject([{ locationKey: north, state: 'open' }])
  })

  it('a code that is an item counts the item, not the location with that code', async () => {
    switched(await label('MDC'))
    expect(await scan(fx.bolt.sku)).toMatchObject({ status: 'counted', item: { key: fx.bolt.key } })
    expect((await activeCount(db))?.locationKey).toBe(fx.warehouse)
  })

  it('a bin label maps to the warehouse where the vendor counts whole warehouses', async () => {
    const started = switched(await label('A-01-01'))
    expect(started).toMatchObject({ where: 'Main DC', scannedName: 'bin A-01-01' })
    expect(started.switched.session.locationKey).toBe(fx.warehouse)
    // Walking past the warehouse's bins while counting it changes nothing.
    expect(switched(await scan('A-01-01')).switched.how).toBe('same')
    expect(await scan('LOOSE ZONE')).toEqual({
      status: 'refused',
      message: expect.stringMatching(/keeps stock per warehouse.*count the whole warehouse/)
    })
    expect((await activeCount(db))?.locationKey).toBe(fx.warehouse)
  })

  it('a label known in two connections goes to the count’s own, and is refused in words with none open', async () => {
    await db.locations.put(
      indexLocation({ ...location('c2:location:Main', 'Main DC', 'location'), code: 'M2' })
    )
    expect(await label('MAIN DC')).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/names 2 locations \(Main DC; Main DC\)\. Pick the location/)
    })
    expect(await activeCount(db)).toBeUndefined()
    await goToLocation(db, { connectionId: fx.c1, locationKey: north, blind: false }, { now })
    expect(switched(await scan('Main DC')).switched.session.locationKey).toBe(fx.warehouse)
    // Another connection's label: its count starts there, the first moves (it had no scan).
    expect(switched(await scan('LOC-S1')).switched.session).toMatchObject({
      connectionId: fx.c2,
      locationKey: shelf
    })
  })

  it('the replica indexes labels of locations stored before the index existed', async () => {
    const name = `labels-upgrade-${Math.random()}`
    const v6 = createDb(name, 6)
    await v6.locations.put({ ...location(north, 'North DC', 'warehouse'), code: 'ndc-1' })
    v6.close()
    const latest = createDb(name)
    expect((await findLocationLabel(latest, ['NDC-1'])).map((l) => l.key)).toEqual([north])
    latest.close()
  })
})
