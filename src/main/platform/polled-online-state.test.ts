import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPolledOnlineState } from './polled-online-state'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function setup(initial = true) {
  const os = { online: initial, wake: new Set<() => void>() }
  const state = createPolledOnlineState({
    probe: () => os.online,
    onWake: (listener) => {
      os.wake.add(listener)
      return () => os.wake.delete(listener)
    },
    intervalMs: 1000
  })
  return { os, state }
}

describe('polled online state', () => {
  it('answers isOnline from the OS at the moment of asking', () => {
    const { os, state } = setup(true)
    expect(state.isOnline()).toBe(true)
    os.online = false
    expect(state.isOnline()).toBe(false)
  })

  it('tells listeners about changes only, at the next poll', () => {
    const { os, state } = setup(true)
    const heard: boolean[] = []
    state.subscribe((online) => heard.push(online))
    vi.advanceTimersByTime(3000)
    expect(heard).toEqual([])
    os.online = false
    vi.advanceTimersByTime(999)
    expect(heard).toEqual([])
    vi.advanceTimersByTime(1)
    expect(heard).toEqual([false])
    vi.advanceTimersByTime(5000)
    os.online = true
    vi.advanceTimersByTime(1000)
    expect(heard).toEqual([false, true])
  })

  it('checks at once on wake from sleep', () => {
    const { os, state } = setup(true)
    const heard: boolean[] = []
    state.subscribe((online) => heard.push(online))
    os.online = false
    for (const wake of os.wake) wake()
    expect(heard).toEqual([false])
  })

  it('polls only while someone listens', () => {
    const { os, state } = setup(true)
    expect(vi.getTimerCount()).toBe(0)
    const offA = state.subscribe(() => {})
    const offB = state.subscribe(() => {})
    expect(vi.getTimerCount()).toBe(1)
    expect(os.wake.size).toBe(1)
    offA()
    expect(vi.getTimerCount()).toBe(1)
    offB()
    expect(vi.getTimerCount()).toBe(0)
    expect(os.wake.size).toBe(0)
  })

  it('does not report a change that happened while nobody listened', () => {
    const { os, state } = setup(true)
    state.subscribe(() => {})()
    os.online = false
    const heard: boolean[] = []
    state.subscribe((online) => heard.push(online))
    vi.advanceTimersByTime(5000)
    expect(heard).toEqual([])
  })
})
