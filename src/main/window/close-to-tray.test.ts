import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createCloseToTrayPolicy, setupCloseToTray } from './close-to-tray'

const closeEvent = () => {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) }
  return e
}

describe('close to tray', () => {
  it('hides instead of closing until the app quits', () => {
    const policy = createCloseToTrayPolicy()
    let hidden = 0
    const first = closeEvent()
    policy.onClose(first, () => hidden++)
    expect(first.prevented).toBe(true)
    expect(hidden).toBe(1)

    policy.markQuitting()
    expect(policy.quitting).toBe(true)
    const second = closeEvent()
    policy.onClose(second, () => hidden++)
    expect(second.prevented).toBe(false)
    expect(hidden).toBe(1)
  })

  function wired() {
    const policy = createCloseToTrayPolicy()
    const app = new EventEmitter()
    const window = Object.assign(new EventEmitter(), { hidden: 0, hide: () => window.hidden++ })
    setupCloseToTray(policy, { app, window })
    const close = () => {
      const e = closeEvent()
      window.emit('close', e)
      return e.prevented
    }
    return { policy, app, window, close }
  }

  it('closing the window hides it', () => {
    const t = wired()
    expect(t.close()).toBe(true)
    expect(t.window.hidden).toBe(1)
  })

  it('a real quit (before-quit) lets the window close', () => {
    const t = wired()
    t.app.emit('before-quit')
    expect(t.close()).toBe(false)
    expect(t.window.hidden).toBe(0)
  })

  it('a Windows logout or shutdown (session-end) lets the window close', () => {
    const t = wired()
    t.window.emit('session-end')
    expect(t.close()).toBe(false)
  })
})
