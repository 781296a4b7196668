import { describe, expect, it } from 'vitest'
import { FaultController, type FaultRequest } from './faults'
import { gtin14FromEan13, isValidGtin } from './gtin'
import { Rng } from './rng'

const req = (method = 'GET', path = '/products'): FaultRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: {},
  body: ''
})

describe('FaultController', () => {
  it('fires a rule `times` times, then removes it', () => {
    const f = new FaultController()
    const h = f.add({ kind: 'status', status: 503, times: 2 })
    expect(f.plan(req()).respond?.kind).toBe('status')
    expect(f.plan(req()).respond?.kind).toBe('status')
    expect(f.plan(req()).respond).toBeUndefined()
    expect(h.fired).toBe(2)
    expect(h.remaining).toBe(0)
    expect(f.size).toBe(0)
  })

  it('fires every n-th matching request only', () => {
    const f = new FaultController()
    f.everyNth(3, { kind: 'slow', ms: 10 }, { match: (r) => r.method === 'POST' })
    const delays = ['POST', 'GET', 'POST', 'POST', 'GET', 'POST', 'POST', 'POST'].map(
      (m) => f.plan(req(m)).delayMs
    )
    expect(delays).toEqual([0, 0, 0, 10, 0, 0, 0, 10])
  })

  it('takes at most one fault per category, in the order added, and combines categories', () => {
    const f = new FaultController()
    f.add({ kind: 'status', status: 500, times: 1 })
    f.add({ kind: 'rate-limit', times: 1 })
    f.add({ kind: 'extra-fields', times: 1 })
    const first = f.plan(req())
    expect(first.respond).toEqual({ kind: 'status', status: 500 })
    expect(first.extra).toBeDefined()
    expect(first.kinds).toEqual(['status', 'extra-fields'])
    expect(f.plan(req()).respond?.kind).toBe('rate-limit')
  })

  it('clear() removes everything; remove() removes one rule', () => {
    const f = new FaultController()
    const h = f.add({ kind: 'drop-after-commit' })
    f.add({ kind: 'malformed-record' })
    h.remove()
    expect(f.plan(req()).transport).toBeUndefined()
    f.clear()
    expect(f.plan(req()).kinds).toEqual([])
  })
})

describe('case GTINs of the fakes', () => {
  it('carry valid check digits', () => {
    expect(gtin14FromEan13('4006381333931')).toBe('14006381333938')
    expect(isValidGtin(gtin14FromEan13('4006381333931'))).toBe(true)
  })
})

describe('Rng', () => {
  it('is deterministic per seed', () => {
    const a = new Rng(9)
    const b = new Rng(9)
    expect([a.next(), a.int(1, 6), a.base36(10)]).toEqual([b.next(), b.int(1, 6), b.base36(10)])
    expect(Rng.for(1, 'x', 2).next()).not.toBe(Rng.for(1, 'x', 3).next())
  })
})
