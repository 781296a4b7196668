import { describe, expect, it } from 'vitest'
import { claimSingleInstance } from './single-instance'

function fakeApp(gotLock: boolean) {
  const listeners: (() => void)[] = []
  return {
    listeners,
    requestSingleInstanceLock: () => gotLock,
    on: (_event: 'second-instance', l: () => void) => listeners.push(l)
  }
}

describe('claimSingleInstance', () => {
  it('the first copy keeps running and a second launch brings its window forward', () => {
    const app = fakeApp(true)
    let focused = 0
    expect(claimSingleInstance(app, () => focused++)).toBe(true)
    app.listeners.forEach((l) => l())
    expect(focused).toBe(1)
  })

  it('a second copy is told to quit and listens for nothing', () => {
    const app = fakeApp(false)
    expect(claimSingleInstance(app, () => {})).toBe(false)
    expect(app.listeners).toHaveLength(0)
  })
})
