import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { activeCount } from '../../count/sessions'
import { fx, location, seedReplica } from '../../count/testing'
import { createDb } from '../../db/db'
import { indexLocation } from '../../db/location-index'
import { submitScan, submitStartLabel, useCountUi } from './count-ui'

let db = createDb()
const ui = () => useCountUi.getState()

describe('location labels scanned on the Count screen', () => {
  beforeEach(async () => {
    db = createDb()
    await seedReplica(db)
    ui().clear()
  })
  afterEach(async () => {
    await db.delete()
  })

  it('with no count open, a label starts one there blind as the form says; an item scan is left to the app', async () => {
    expect(await submitStartLabel(db, fx.bolt.ean, true)).toEqual({ label: false })
    expect(await activeCount(db)).toBeUndefined()

    expect(await submitStartLabel(db, 'a-01-01', true)).toEqual({ label: true })
    expect(await activeCount(db)).toMatchObject({
      locationKey: fx.warehouse,
      blind: true,
      state: 'open'
    })
    expect(ui().banner).toMatchObject({
      tone: 'location',
      content: {
        status: 'switched',
        where: 'Main DC',
        scannedName: 'bin A-01-01',
        switched: { how: 'started' }
      }
    })
  })

  it('inside a count, a label switches where scans go and clears a typed quantity without counting it', async () => {
    await submitStartLabel(db, 'MDC', false)
    const first = (await activeCount(db))!
    await submitScan(db, first.id, fx.bolt.ean)
    await db.locations.put(
      indexLocation({ ...location('c1:location:wh/W2', 'North DC', 'warehouse'), code: 'NDC' })
    )
    ui().setQuantityText('12')
    await submitScan(db, first.id, 'NDC')
    expect(ui().quantityText).toBe('')
    expect(ui().banner).toMatchObject({
      tone: 'location',
      content: {
        status: 'switched',
        where: 'North DC',
        leftWhere: 'Main DC',
        switched: { left: { parked: true } }
      }
    })
    const now = (await activeCount(db))!
    expect(now.locationKey).toBe('c1:location:wh/W2')
    expect(await db.countLines.where('countId').equals(now.id).count()).toBe(0)
    expect((await db.countLines.where('countId').equals(first.id).first())?.counted).toBe(1)
  })

  it('a label that cannot be counted is refused in words with the error tone, and scans stay', async () => {
    await submitStartLabel(db, 'MDC', false)
    const open = (await activeCount(db))!
    // A zone outside any warehouse: nothing a warehouse-counting vendor can count.
    await db.locations.put(
      indexLocation({ ...location('c1:location:zone/Z9', 'Loose zone', 'zone'), code: 'LOOSE-1' })
    )
    await submitScan(db, open.id, 'LOOSE-1')
    expect(ui().banner).toMatchObject({ tone: 'error', content: { status: 'refused' } })
    expect((await activeCount(db))?.id).toBe(open.id)
  })
})
