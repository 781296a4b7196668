import { describe, expect, it } from 'vitest'
import { mainWindowOptions, showWindow } from './main-window'

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the page and keeps it running when hidden', () => {
    const o = mainWindowOptions({ preload: '/app/out/preload/index.js' })
    expect(o.show).toBe(false)
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      backgroundThrottling: false
    })
    expect(o).not.toHaveProperty('icon')
    expect(mainWindowOptions({ preload: 'p', icon: '/i.png' }).icon).toBe('/i.png')
  })
})

describe('showWindow', () => {
  const fake = (minimized: boolean, destroyed = false) => {
    const calls: string[] = []
    return {
      calls,
      isDestroyed: () => destroyed,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus')
    }
  }

  it('restores a minimised window and brings it forward', () => {
    const w = fake(true)
    showWindow(w)
    expect(w.calls).toEqual(['restore', 'show', 'focus'])
    const v = fake(false)
    showWindow(v)
    expect(v.calls).toEqual(['show', 'focus'])
  })

  it('does nothing before the window exists or after it is gone', () => {
    expect(() => showWindow(null)).not.toThrow()
    const w = fake(false, true)
    showWindow(w)
    expect(w.calls).toEqual([])
  })
})
