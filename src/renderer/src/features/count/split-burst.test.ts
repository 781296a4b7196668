import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCount } from '../../count/sessions'
import { fx, seedReplica } from '../../count/testing'
import { createDb } from '../../db/db'
import { createKeyboardWedge, type EditTarget } from '../../scan/keyboard-wedge'
import { submitScan, useCountUi } from './count-ui'

let db = createDb()

/** The Quantity field with focus: what the browser types into it is what the count screen reads. */
const quantityField: EditTarget = {
  insert: (text) => useCountUi.getState().setQuantityText(useCountUi.getState().quantityText + text),
  deleteBefore: (count) => {
    const text = useCountUi.getState().quantityText
    useCountUi.getState().setQuantityText(text.slice(0, Math.max(0, text.length - count)))
  }
}

/** Keys at given instants into the wedge (default 35 ms gap), scans handed to the count as the screen does. */
function floor(countId: string) {
  let at = 1000
  const scans: Promise<void>[] = []
  const wedge = createKeyboardWedge({ onScan: (code) => scans.push(submitScan(db, countId, code)) })
  const key = (k: string, gap: number) => {
    at += gap
    const due = wedge.deadline()
    if (due !== null && due <= at) wedge.onDeadline(due, quantityField)
    if (!wedge.onKeyDown({ key: k, timeStamp: at }, quantityField) && k.length === 1) quantityField.insert(k)
  }
  return {
    type: (text: string, gap: number) => [...text].forEach((ch) => key(ch, gap)),
    scan(code: string, gap: number) {
      key(code[0]!, 600)
      for (const ch of code.slice(1)) key(ch, gap)
      key('Enter', gap)
    },
    settled: () => Promise.all(scans)
  }
}

const lineOf = async (countId: string, itemKey: string) =>
  (await db.countLines.where('countId').equals(countId).toArray()).find((l) => l.itemKey === itemKey)

describe('a scan split by a slow scanner', () => {
  let countId: string
  beforeEach(async () => {
    db = createDb()
    await seedReplica(db)
    countId = (await startCount(db, { connectionId: fx.c1, locationKey: fx.warehouse, blind: false })).id
    useCountUi.getState().clear()
  })
  afterEach(async () => {
    await db.delete()
  })

  it('never counts a code as a quantity: 12 typed, a scan with keys 40 ms apart, then another scan', async () => {
    const keys = floor(countId)
    keys.type('12', 180)
    // Slower than the 35 ms burst gap: every key is typing and lands in the Quantity field.
    keys.scan(fx.milk.ean, 40)
    expect(useCountUi.getState().quantityText).toBe(`12${fx.milk.ean}`)
    keys.scan(fx.bolt.ean, 3)
    await keys.settled()

    const bolt = await lineOf(countId, fx.bolt.key)
    expect(bolt?.counted).toBe(1)
    expect(await lineOf(countId, fx.milk.key)).toBeUndefined()
    const banner = useCountUi.getState().banner?.content
    expect(banner).toMatchObject({ status: 'counted', quantity: 1, ignoredQuantity: `12${fx.milk.ean}` })
    expect(useCountUi.getState().quantityText).toBe('')
  })

  it('uses a typed quantity once, and a failed or unknown scan clears it', async () => {
    const keys = floor(countId)
    keys.type('3', 180)
    keys.scan(fx.bolt.ean, 3)
    await keys.settled()
    expect((await lineOf(countId, fx.bolt.key))?.counted).toBe(3)
    expect(useCountUi.getState().quantityText).toBe('')

    keys.type('5', 180)
    keys.scan('9400000000000', 3) // bad check digit
    await keys.settled()
    expect(useCountUi.getState().banner?.content.status).toBe('invalid')
    expect(useCountUi.getState().quantityText).toBe('')

    keys.type('4', 180)
    keys.scan('4006381333931', 3) // valid, carried by no item
    await keys.settled()
    expect(useCountUi.getState().banner?.content.status).toBe('unknown')
    expect(useCountUi.getState().quantityText).toBe('')

    keys.scan(fx.bolt.ean, 3)
    await keys.settled()
    expect((await lineOf(countId, fx.bolt.key))?.counted).toBe(4)
  })

  it('asks for confirmation before a line goes far from expected, and counts nothing until then', async () => {
    const keys = floor(countId)
    keys.type('500', 180)
    keys.scan(fx.bolt.ean, 3)
    await keys.settled()
    expect(useCountUi.getState().banner?.content).toMatchObject({
      status: 'confirm',
      quantity: 500,
      counted: 500,
      expected: 7
    })
    expect(await lineOf(countId, fx.bolt.key)).toBeUndefined()
  })
})
