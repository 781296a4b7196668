import { describe, expect, it } from 'vitest'
import { counterFor, counterName, useCounter } from './counter'

describe('who counts', () => {
  it('labels the PC as a PC when no name is typed, and names the person once one is', () => {
    useCounter.setState({ pc: 'WAREHOUSE-3', name: '', byPrefix: { '#': 'Ana' } })
    expect(counterName()).toBe('WAREHOUSE-3 (PC)')
    expect(counterFor(undefined)).toBe('WAREHOUSE-3 (PC)')
    expect(counterFor('#')).toBe('Ana')
    useCounter.getState().update({ name: ' Ben ' })
    expect(counterName()).toBe('Ben')
  })
})
