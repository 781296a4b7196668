import { describe, expect, it } from 'vitest'
import { createBurstDetector } from './burst-detector'
import {
  calibrate,
  calibrationWords,
  createBurstRecorder,
  interKeyFor,
  type MeasuredBurst
} from './calibration'

const LABEL = '4006381333931'

/** Feeds a scanner burst (characters `gapMs` apart, then Enter) to a recorder; returns what it measured. */
function scanInto(code: string, gapMs: number | number[], start = 0, suffix = 'Enter'): MeasuredBurst {
  const recorder = createBurstRecorder({ suffixes: ['Enter', 'Tab'] })
  const gaps = Array.isArray(gapMs) ? gapMs : [...code].map(() => gapMs)
  let at = start
  let burst: MeasuredBurst | undefined
  ;[...code, suffix].forEach((key, i) => {
    if (i > 0) at += gaps[i - 1] ?? gaps.at(-1)!
    const r = recorder.onKey(key, at)
    if (r.type === 'burst') burst = r.burst
  })
  if (!burst) throw new Error('no burst recorded')
  return burst
}

describe('measuring a scanner burst', () => {
  it('records every key until the suffix, whatever the speed, with the gaps between them', () => {
    const recorder = createBurstRecorder({ suffixes: ['Enter'] })
    expect(recorder.onKey('Enter', 0).type).toBe('ignored')
    expect(recorder.onKey('4', 100).type).toBe('held')
    expect(recorder.onKey('Shift', 130).type).toBe('held')
    expect(recorder.onKey('0', 400).type).toBe('held')
    expect(recorder.onKey('Enter', 420)).toEqual({ type: 'burst', burst: { code: '40', gapsMs: [300, 20] } })
  })

  it('takes a configured prefix off the code', () => {
    const recorder = createBurstRecorder({ suffixes: ['Tab'], prefixes: ['§'] })
    for (const [i, key] of [...'§1234'].entries()) recorder.onKey(key, i * 5)
    expect(recorder.onKey('Tab', 30)).toMatchObject({ type: 'burst', burst: { code: '1234' } })
  })

  it('an auto-repeated key is a person: the burst starts over', () => {
    const recorder = createBurstRecorder({ suffixes: ['Enter'] })
    recorder.onKey('1', 0)
    expect(recorder.onKey('1', 30, { repeat: true }).type).toBe('ignored')
    recorder.onKey('9', 500)
    expect(recorder.onKey('Enter', 510)).toMatchObject({ burst: { code: '9' } })
  })
})

describe('calibration', () => {
  it("sets the gap from a slow scanner's burst: 70 ms apart → 105 ms, after two scans that agree", () => {
    const first = scanInto(LABEL, 70)
    const once = calibrate([first], { minLength: 4 })
    expect(once).toEqual({ type: 'again', maxGapMs: 70, length: 13, code: LABEL })
    const twice = calibrate([first, scanInto(LABEL, 70, 5000)], { minLength: 4 })
    expect(twice).toEqual({ type: 'set', maxInterKeyMs: 105, maxGapMs: 70, length: 13, code: LABEL })
    expect(calibrationWords(twice!)).toBe(
      'Your scanner sent 13 characters with gaps up to 70 ms. Scans are now told from typing at up to 105 ms between keys.'
    )
  })

  it('the burst detector then reads that scanner as a scan, where the default read it as typing', () => {
    const feed = (maxInterKeyMs: number | undefined) => {
      const detector = createBurstDetector({ maxInterKeyMs, terminatorTimeoutMs: 150 })
      const events = [...LABEL, 'Enter'].map((k, i) => detector.onKey(k, 1000 + i * 70))
      return events.find((e) => e.type === 'scan')
    }
    expect(feed(undefined)).toBeUndefined()
    const c = calibrate([scanInto(LABEL, 70), scanInto(LABEL, 70)], { minLength: 4 })
    if (c?.type !== 'set') throw new Error('not set')
    expect(feed(c.maxInterKeyMs)).toMatchObject({ type: 'scan', code: LABEL })
  })

  it('takes the largest gap of both scans, the suffix gap included', () => {
    const uneven = scanInto(LABEL, [3, 3, 3, 48, 3, 3, 3, 3, 3, 3, 3, 3, 3])
    const late = scanInto(LABEL, [...Array(12).fill(3), 62])
    expect(calibrate([uneven, late], { minLength: 4 })).toMatchObject({
      type: 'set',
      maxGapMs: 62,
      maxInterKeyMs: 95
    })
  })

  it('never goes below 30 ms nor above 150 ms', () => {
    expect(interKeyFor(3)).toBe(30)
    expect(interKeyFor(19)).toBe(30)
    expect(interKeyFor(21)).toBe(35)
    expect(interKeyFor(70)).toBe(105)
    expect(interKeyFor(71)).toBe(110)
    expect(interKeyFor(120)).toBe(150)
    expect(interKeyFor(150)).toBe(150)
  })

  it('a fast scanner is set to the floor', () => {
    const c = calibrate([scanInto(LABEL, 4), scanInto(LABEL, 4)], { minLength: 4 })
    expect(c).toMatchObject({ type: 'set', maxInterKeyMs: 30, maxGapMs: 4 })
  })

  it('a scanner slower than 150 ms is told plainly that it cannot be told from typing', () => {
    const c = calibrate([scanInto(LABEL, 180)], { minLength: 4 })
    expect(c).toEqual({ type: 'too-slow', maxGapMs: 180 })
    expect(calibrationWords(c!)).toMatch(/cannot be told from typing/)
    expect(calibrationWords(c!)).toMatch(/transmit speed/)
  })

  it('a short burst (a person typing a few keys and Enter) sets nothing', () => {
    const c = calibrate([scanInto('12', 90)], { minLength: 4 })
    expect(c).toEqual({ type: 'too-short', length: 2, minLength: 4 })
    expect(calibrationWords(c!)).toMatch(/too short/)
  })

  it('two scans that disagree set nothing; a third that agrees with the second does', () => {
    const a = scanInto(LABEL, 40)
    const b = scanInto('5012345678900', 40)
    expect(calibrate([a, b], { minLength: 4 })).toMatchObject({ type: 'disagree' })
    expect(calibrate([a, b, scanInto('5012345678900', 40)], { minLength: 4 })).toMatchObject({
      type: 'set',
      maxInterKeyMs: 60
    })
  })

  it('a too-slow or too-short burst before does not count as the first of two', () => {
    const slow = scanInto(LABEL, 200)
    expect(calibrate([slow, scanInto(LABEL, 50)], { minLength: 4 })).toMatchObject({ type: 'again' })
  })

  it('nothing scanned yet: nothing to say', () => {
    expect(calibrate([], { minLength: 4 })).toBeNull()
  })
})
