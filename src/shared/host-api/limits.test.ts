import { describe, expect, it } from 'vitest'
import { nestedDeeperThan } from './limits'

const nest = (n: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v }
  return v
}

describe('nestedDeeperThan', () => {
  it('measures arrays and objects, not scalars', () => {
    expect(nestedDeeperThan('text', 0)).toBe(false)
    expect(nestedDeeperThan({}, 0)).toBe(true)
    expect(nestedDeeperThan(nest(3), 3)).toBe(false)
    expect(nestedDeeperThan(nest(4), 3)).toBe(true)
    expect(nestedDeeperThan({ a: 1, b: [1, 2, { c: [] }] }, 4)).toBe(false)
    expect(nestedDeeperThan({ a: 1, b: [1, 2, { c: [[]] }] }, 4)).toBe(true)
  })

  it('measures a value nested a million deep without overflowing the stack', () => {
    expect(nestedDeeperThan(nest(1_000_000), 64)).toBe(true)
  })
})
