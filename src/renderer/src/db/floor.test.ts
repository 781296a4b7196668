import { describe, expect, it } from 'vitest'
import { floorBusy, floorClear, holdFloor, holdFloorFor, holdFloorUntil } from './floor'

const settled = async (p: Promise<unknown>) => {
  let done = false
  void p.then(() => (done = true))
  await new Promise((r) => setTimeout(r, 0))
  return done
}

describe('the floor', () => {
  it('is clear at once when nobody holds it, and clears when the last hold is released', async () => {
    expect(await settled(floorClear())).toBe(true)
    const a = holdFloor()
    const b = holdFloor()
    const clear = floorClear()
    a()
    a() // a release is idempotent: it cannot free someone else's hold
    expect(await settled(clear)).toBe(false)
    b()
    expect(await settled(clear)).toBe(true)
    expect(floorBusy()).toBe(false)
  })

  it('is held while keys come and a little after, and by a scan until its line is drawn or the cap', async () => {
    holdFloorFor(40)
    await new Promise((r) => setTimeout(r, 25))
    holdFloorFor(40) // the next key of the burst extends the hold
    await new Promise((r) => setTimeout(r, 25))
    expect(floorBusy()).toBe(true)
    await floorClear()
    expect(floorBusy()).toBe(false)

    let draw!: () => void
    holdFloorUntil(new Promise<void>((r) => (draw = r)), 1_000)
    expect(floorBusy()).toBe(true)
    draw()
    await floorClear()
    holdFloorUntil(new Promise(() => {}), 30) // never drawn: the cap releases it
    const t0 = Date.now()
    await floorClear()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25)
  })
})

describe('a writer that must make progress', () => {
  it('waits for the floor at most as long as it asks, while scans hold it without a pause', async () => {
    // Scans back to back: a new hold starts before the last one ends, for 400 ms.
    let scanning = true
    const scans = (async () => {
      while (scanning) {
        const release = holdFloor()
        await new Promise((r) => setTimeout(r, 20))
        holdFloorFor(15)
        release()
      }
    })()
    await new Promise((r) => setTimeout(r, 10))
    expect(floorBusy()).toBe(true)
    const t0 = Date.now()
    await floorClear(60)
    const waited = Date.now() - t0
    expect(floorBusy()).toBe(true) // it went while a scan still held the floor
    expect(waited).toBeGreaterThanOrEqual(55)
    expect(waited).toBeLessThan(1_000)
    scanning = false
    await scans
    await floorClear()
  })
})
