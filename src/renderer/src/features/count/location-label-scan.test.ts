import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { activeCount } from '../../count/sessions'
import { fx, location, seedReplica } from '../../count/testing'
import { getDb } from '../../db/db'
import { indexLocation } from '../../db/location-index'
import { submitScan, submitStartLabel, useCountUi } from './count-ui'

const ui = () => useCountUi.getState()

describe('location labels scanned on the Count screen', () => {
  beforeEach(async () => {
    await seedReplica(getDb())
    ui().clear()
  })
  afterEach(async () => {
    await getDb().delete()
    await getDb().open()
  })

  it('with no count open, a label starts one there blind as the form says; an item scan is left to the app', async () => {
    expect(await submitStartLabel(fx.bolt.ean, true)).toEqual({ label: false })
    expect(await activeCount(getDb())).toBeUndefined()

    expect(await submitStartLabel('a-01-01', true)).toEqual({ label: true })
    expect(await activeCount(getDb())).toMatchObject({
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
    await submitStartLabel('MDC', false)
    const first = (await activeCount(getDb()))!
    await submitScan(first.id, fx.bolt.ean)
    await getDb().locations.put(
      indexLocation({ ...location('c1:location:wh/W2', 'North DC', 'warehouse'), code: 'NDC' })
    )
    ui().setQuantityText('12')
    await submitScan(first.id, 'NDC')
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
    const now = (await activeCount(getDb()))!
    expect(now.locationKey).toBe('c1:location:wh/W2')
    expect(await getDb().countLines.where('countId').equals(now.id).count()).toBe(0)
    expect((await getDb().countLines.where('countId').equals(first.id).first())?.counted).toBe(1)
  })

  it('a label that cannot be counted is refused in words with the error tone, and scans stay', async () => {
    await submitStartLabel('MDC', false)
    const open = (await activeCount(getDb()))!
    // A zone outside any warehouse: nothing a warehouse-counting vendor can count.
    await getDb().locations.put(
      indexLocation({ ...location('c1:location:zone/Z9', 'Loose zone', 'zone'), code: 'LOOSE-1' })
    )
    await submitScan(open.id, 'LOOSE-1')
    expect(ui().banner).toMatchObject({ tone: 'error', content: { status: 'refused' } })
    expect((await activeCount(getDb()))?.id).toBe(open.id)
  })
})
