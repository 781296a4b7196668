import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createBurstDetector,
  type BurstDetector,
  type BurstDetectorOptions,
  type BurstEvent
} from './burst-detector'

interface Key {
  key: string
  at: number
  repeat?: boolean
}

/** Keys typed with a fixed gap, starting at `start`. */
function keys(text: string, start: number, gap: number): Key[] {
  return [...text].map((key, i) => ({ key, at: start + i * gap }))
}

function scanner(code: string, start: number, gap = 4, terminator = 'Enter'): Key[] {
  const ks = keys(code, start, gap)
  return [...ks, { key: terminator, at: start + ks.length * gap }]
}

const VISIBLE: Record<string, string> = { Enter: '⏎', Tab: '⇥' }

/**
 * A caller that follows the documented contract against a plain text field, with a
 * timer that fires `flush` at the deadline. What ends up in the field shows whether
 * keys were lost, duplicated or reordered.
 */
function run(detector: BurstDetector, input: Key[]) {
  let field = ''
  const scans: { code: string; leaked: number }[] = []
  const events: BurstEvent['type'][] = []
  const defaultAction = (k: Key) => {
    if (k.key === 'Backspace') field = field.slice(0, -1)
    else if ([...k.key].length === 1) field += k.key
    else if (VISIBLE[k.key] !== undefined) field += VISIBLE[k.key]
  }
  const fireTimer = (until: number) => {
    const d = detector.deadline()
    if (d !== null && d <= until) {
      const r = detector.flush(d)
      if (r.type === 'typed') field += r.text
      expect(r.type).not.toBe('scan')
    }
  }
  for (const k of input) {
    fireTimer(k.at)
    const r = detector.onKey(k.key, k.at, { repeat: k.repeat ?? false })
    events.push(r.type)
    if (r.type === 'none') defaultAction(k)
    else if (r.type === 'typed') {
      field += r.text
      defaultAction(k)
    } else if (r.type === 'scan') {
      field = field.slice(0, field.length - r.leaked)
      scans.push({ code: r.code, leaked: r.leaked })
    }
  }
  fireTimer(Number.MAX_SAFE_INTEGER)
  expect(detector.deadline()).toBeNull()
  return { field, scans, events }
}

const detector = (o: BurstDetectorOptions = {}) => createBurstDetector({ now: () => 0, ...o })

describe('scanner bursts', () => {
  it('1–10 ms per key ending in Enter is a scan; the leaked first key is removed', () => {
    for (const gap of [1, 4, 10]) {
      const r = run(detector(), scanner('4006381333931', 1000, gap))
      expect(r.scans).toEqual([{ code: '4006381333931', leaked: 1 }])
      expect(r.field).toBe('')
      expect(r.events[0]).toBe('none')
      expect(r.events.slice(1, -1).every((e) => e === 'capturing')).toBe(true)
      expect(r.events.at(-1)).toBe('scan')
    }
  })

  it('a scan in the middle of typing leaves the typed text intact', () => {
    const r = run(detector(), [
      ...keys('qty ', 0, 120),
      ...scanner('SKU-0042', 1000),
      ...keys('ok', 2000, 130)
    ])
    expect(r.scans.map((s) => s.code)).toEqual(['SKU-0042'])
    expect(r.field).toBe('qty ok')
  })

  it('Tab also ends a scan', () => {
    expect(run(detector(), scanner('ABCD', 0, 3, 'Tab')).scans).toEqual([{ code: 'ABCD', leaked: 1 }])
  })

  it('the terminator may lag up to 100 ms behind the last character', () => {
    const ks = keys('12345678', 0, 5)
    expect(run(detector(), [...ks, { key: 'Enter', at: 35 + 90 }]).scans).toHaveLength(1)
    const late = run(detector(), [...ks, { key: 'Enter', at: 35 + 150 }])
    expect(late.scans).toHaveLength(0)
    expect(late.field).toBe('12345678⏎')
  })

  it('Shift between characters (capital letters) does not break the burst', () => {
    const ks: Key[] = [
      { key: 'Shift', at: 0 },
      { key: 'A', at: 1 },
      { key: 'Shift', at: 4 },
      { key: 'B', at: 5 },
      { key: '-', at: 9 },
      { key: '1', at: 13 },
      { key: 'Enter', at: 17 }
    ]
    expect(run(detector(), ks).scans).toEqual([{ code: 'AB-1', leaked: 1 }])
  })

  it('keeps GS (FNC1) inside the code', () => {
    const r = run(detector(), scanner('10ABC\x1d0109506000134352', 0, 2))
    expect(r.scans[0]?.code).toBe('10ABC\x1d0109506000134352')
  })

  it('two scans back to back', () => {
    const r = run(detector(), [...scanner('11111', 0), ...scanner('22222', 200)])
    expect(r.scans.map((s) => s.code)).toEqual(['11111', '22222'])
    expect(r.field).toBe('')
  })
})

describe('typing', () => {
  it('a fast typist at 80–150 ms per key is never a scan', () => {
    const gaps = [80, 150, 95, 110, 82, 140, 99, 120]
    let at = 0
    const ks: Key[] = [...'Pallet 7'].map((key, i) => ({ key, at: (at += gaps[i % gaps.length] ?? 100) }))
    ks.push({ key: 'Enter', at: at + 90 })
    const r = run(detector(), ks)
    expect(r.scans).toEqual([])
    expect(r.events.every((e) => e === 'none')).toBe(true)
    expect(r.field).toBe('Pallet 7⏎')
  })

  it('a rolled-over pair is held, then given back in order', () => {
    const r = run(detector(), [
      { key: 't', at: 0 },
      { key: 'h', at: 20 },
      { key: 'e', at: 100 }
    ])
    expect(r.events).toEqual(['none', 'capturing', 'typed'])
    expect(r.field).toBe('the')
  })

  it('a fast burst with no terminator is given back when the timer fires', () => {
    const d = detector()
    for (const k of keys('abcdef', 0, 5)) d.onKey(k.key, k.at)
    expect(d.deadline()).toBe(125)
    expect(d.flush(100)).toEqual({ type: 'capturing' })
    expect(d.flush(125)).toEqual({ type: 'typed', text: 'bcdef' })
    expect(d.deadline()).toBeNull()
    expect(d.flush(500)).toEqual({ type: 'none' })
  })

  it("a scan's first key sets no deadline: the rest may reach the page late, stamped on time", () => {
    const d = detector()
    expect(d.onKey('a', 0)).toEqual({ type: 'none' })
    expect(d.onKey('b', 120)).toEqual({ type: 'none' })
    expect(d.onKey('9', 400)).toEqual({ type: 'none' })
    // Nothing is held, so nothing waits on the wall clock.
    expect(d.deadline()).toBeNull()
    // Seconds later by the wall clock, the rest arrives with the scanner's own timestamps.
    const rest = scanner('501101530003', 403, 3)
    const events = rest.map((k) => d.onKey(k.key, k.at))
    expect(events.at(-1)).toEqual({ type: 'scan', code: '9501101530003', leaked: 1 })
    expect(events.slice(0, -1).every((e) => e.type === 'capturing')).toBe(true)
  })

  it('a short fast burst with Enter is typing (minLength)', () => {
    const r = run(detector(), scanner('abc', 0, 5))
    expect(r.scans).toEqual([])
    expect(r.field).toBe('abc⏎')
  })

  it('auto-repeat is as fast as a scanner but never a scan', () => {
    const ks: Key[] = [{ key: '0', at: 0 }]
    for (let i = 1; i <= 10; i++) ks.push({ key: '0', at: i * 30, repeat: true })
    ks.push({ key: 'Enter', at: 320 })
    const r = run(detector(), ks)
    expect(r.scans).toEqual([])
    expect(r.field).toBe('00000000000⏎')
  })

  it('a named key during a burst gives the held text back before it acts', () => {
    const r = run(detector(), [...keys('abcd', 0, 5), { key: 'Backspace', at: 22 }])
    expect(r.field).toBe('abc')
    expect(r.scans).toEqual([])
  })

  it('a terminator alone does nothing', () => {
    expect(detector().onKey('Enter', 0)).toEqual({ type: 'none' })
  })
})

describe('prefixes', () => {
  const withPrefix = () => detector({ prefixes: ['§'] })

  it('a prefixed burst is captured from its first key and nothing leaks', () => {
    const r = run(withPrefix(), scanner('§4006381333931', 0))
    expect(r.scans).toEqual([{ code: '4006381333931', leaked: 0 }])
    expect(r.events[0]).toBe('capturing')
    expect(r.field).toBe('')
  })

  it('a scan says which prefix it began with, so two scanners on one PC can be told apart', () => {
    const d = detector({ prefixes: ['§', '~'] })
    const last = (input: Key[]) => input.map((k) => d.onKey(k.key, k.at)).pop()
    expect(last(scanner('§4006381333931', 0))).toEqual({
      type: 'scan',
      code: '4006381333931',
      leaked: 0,
      prefix: '§'
    })
    expect(last(scanner('~4006381333931', 500))).toMatchObject({ prefix: '~' })
    expect(last(scanner('4006381333931', 1000))).not.toHaveProperty('prefix')
  })

  it('a typed prefix character is given back', () => {
    const r = run(withPrefix(), [...keys('§ 12', 0, 150)])
    expect(r.field).toBe('§ 12')
  })

  it('a prefix right after a released burst is not captured, so order is kept', () => {
    const r = run(withPrefix(), [{ key: 'x', at: 0 }, { key: 'y', at: 10 }, ...scanner('§ABCD', 100)])
    expect(r.field).toBe('xy')
    expect(r.scans).toEqual([{ code: 'ABCD', leaked: 1 }])
  })

  it('minLength counts the code without its prefix', () => {
    expect(run(withPrefix(), scanner('§ABC', 0)).scans).toEqual([])
  })
})

describe('options and clock', () => {
  it('uses the injected clock when no time is given', () => {
    let t = 0
    const d = createBurstDetector({ now: () => t })
    for (const ch of '98765') {
      d.onKey(ch)
      t += 3
    }
    expect(d.onKey('Enter')).toEqual({ type: 'scan', code: '98765', leaked: 1 })
  })

  it('honours maxInterKeyMs, minLength and terminators', () => {
    const d = detector({ maxInterKeyMs: 60, minLength: 2, terminators: ['Enter', 'F12'] })
    expect(run(d, scanner('AB', 0, 50, 'F12')).scans).toEqual([{ code: 'AB', leaked: 1 }])
  })

  it('reset drops an open burst', () => {
    const d = detector()
    d.onKey('a', 0)
    d.onKey('b', 2)
    d.reset()
    expect(d.deadline()).toBeNull()
    expect(d.onKey('Enter', 4)).toEqual({ type: 'none' })
  })
})

describe('property: no key is lost, duplicated or reordered', () => {
  const char = fc.constantFrom(...'abcXYZ0123456789-')
  const gap = fc.oneof(
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 13, max: 60 }),
    fc.integer({ min: 61, max: 400 })
  )
  const keystroke = fc.record({
    key: fc.oneof({ weight: 12, arbitrary: char }, { weight: 1, arbitrary: fc.constantFrom('Enter', 'Tab') }),
    gap
  })
  // Scanner bursts (sometimes with the 'X' prefix, sometimes too short or with a late
  // terminator) mixed into arbitrary keystrokes, so scans and near-scans both occur.
  const burst = fc
    .record({
      prefix: fc.boolean(),
      code: fc.array(char, { minLength: 1, maxLength: 14 }),
      gap,
      keyGap: fc.integer({ min: 1, max: 10 }),
      terminator: fc.constantFrom('Enter', 'Tab'),
      terminatorGap: fc.integer({ min: 0, max: 140 })
    })
    .map((b) => [
      ...(b.prefix ? ['X', ...b.code] : b.code).map((key, i) => ({ key, gap: i === 0 ? b.gap : b.keyGap })),
      { key: b.terminator, gap: b.terminatorGap }
    ])
  const steps = fc
    .array(fc.oneof({ weight: 3, arbitrary: keystroke.map((k) => [k]) }, { weight: 1, arbitrary: burst }), {
      maxLength: 20
    })
    .map((parts) => parts.flat())

  it('the field holds exactly what was typed, minus the scanned bursts', () => {
    fc.assert(
      fc.property(steps, fc.boolean(), (steps, usePrefix) => {
        let at = 1000
        const input: Key[] = steps.map((s) => ({ key: s.key, at: (at += s.gap) }))
        const d = detector(usePrefix ? { prefixes: ['X'] } : {})
        const { field, scans, events } = run(d, input)

        // Rebuild the expected field: every key's default action, except the keys of
        // each scanned burst, which are the keys just before its terminator: the code,
        // and before it the prefix when one was stripped (then it was part of the burst,
        // so it came within maxInterKeyMs of the code's first key).
        const kept: string[] = input.map((k) => VISIBLE[k.key] ?? k.key)
        let scanIndex = 0
        events.forEach((e, i) => {
          if (e !== 'scan') return
          const s = scans[scanIndex++]
          if (s === undefined) throw new Error('scan without record')
          let first = i - s.code.length
          const before = input[first - 1]
          const start = input[first]
          if (usePrefix && before?.key === 'X' && start !== undefined && start.at - before.at <= 35) first--
          for (let j = first; j <= i; j++) kept[j] = ''
        })
        expect(field).toBe(kept.join(''))
      }),
      { seed: 1337, numRuns: 3000 }
    )
  })

  it('typing at human speed (rollover never twice in a row) is never a scan', () => {
    const human = fc.array(
      fc.record({
        key: fc.oneof({ weight: 10, arbitrary: char }, { weight: 1, arbitrary: fc.constant('Enter') }),
        fast: fc.boolean()
      }),
      { maxLength: 80 }
    )
    fc.assert(
      fc.property(human, fc.nat(), (steps, seed) => {
        let at = 0
        let prevFast = true
        const input = steps.map((s, i) => {
          const fast = s.fast && !prevFast
          prevFast = fast
          at += fast ? 5 + ((seed + i) % 30) : 80 + ((seed * 7 + i * 13) % 120)
          return { key: s.key, at }
        })
        const r = run(detector(), input)
        expect(r.scans).toEqual([])
        expect(r.field).toBe(input.map((k) => VISIBLE[k.key] ?? k.key).join(''))
      }),
      { seed: 99, numRuns: 2000 }
    )
  })
})

describe('burstLength', () => {
  it('counts the open burst, and is 0 once it ends', () => {
    const d = createBurstDetector({ maxInterKeyMs: 35 })
    expect(d.burstLength()).toBe(0)
    for (const [i, k] of [...'40063'].entries()) d.onKey(k, i * 3)
    expect(d.burstLength()).toBe(5)
    d.onKey('Enter', 15)
    expect(d.burstLength()).toBe(0)
  })
})
