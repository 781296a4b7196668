import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createTrayStatus, IDLE_TOOLTIP, setupTray, trayMenuTemplate } from './tray'

const status = {
  online: true,
  pendingWrites: 3,
  lastSyncAt: '2024-05-01T09:41:00.000Z',
  syncing: false,
  lowItems: 0
}

describe('tray menu', () => {
  it('offers Open, Sync now and Quit, each doing its job', () => {
    const done: string[] = []
    const menu = trayMenuTemplate({
      open: () => done.push('open'),
      openLowStock: () => done.push('low'),
      syncNow: () => done.push('sync'),
      quit: () => done.push('quit')
    })
    expect(menu.map((i) => i.label ?? i.type)).toEqual([
      'Open Stockroom',
      'Sync now',
      'separator',
      'Quit Stockroom'
    ])
    for (const item of menu) item.click?.(undefined as never, undefined, undefined as never)
    expect(done).toEqual(['open', 'sync', 'quit'])
  })

  it('says how many items are low, and that entry opens the Low stock list', () => {
    const done: string[] = []
    const menu = trayMenuTemplate(
      {
        open: () => done.push('open'),
        openLowStock: () => done.push('low'),
        syncNow: () => done.push('sync'),
        quit: () => done.push('quit')
      },
      1234
    )
    expect(menu.map((i) => i.label ?? i.type)).toEqual([
      'Open Stockroom',
      '1,234 items low — show',
      'Sync now',
      'separator',
      'Quit Stockroom'
    ])
    menu[1]!.click?.(undefined as never, undefined, undefined as never)
    expect(done).toEqual(['low'])
  })
})

describe('tray status', () => {
  it('keeps the latest status line until the tray exists, then shows it', () => {
    const s = createTrayStatus()
    expect(s.tooltip).toBe(IDLE_TOOLTIP)
    s.show(status)
    const tips: string[] = []
    s.attach({ setToolTip: (t) => tips.push(t) })
    expect(tips).toEqual(['Stockroom — Online · 3 pending writes · last sync 09:41 UTC'])
  })

  it('updates the tooltip only when the line changes', () => {
    const s = createTrayStatus()
    const tips: string[] = []
    s.attach({ setToolTip: (t) => tips.push(t) })
    s.show(status)
    s.show(status)
    s.show({ ...status, online: false, pendingWrites: 0 })
    expect(tips).toEqual([
      'Stockroom',
      'Stockroom — Online · 3 pending writes · last sync 09:41 UTC',
      'Stockroom — Offline · all writes sent · last sync 09:41 UTC'
    ])
  })
})

describe('setupTray', () => {
  it('installs the menu, opens on click and carries the status tooltip', () => {
    const tray = Object.assign(new EventEmitter(), {
      menu: null as unknown,
      tooltip: '',
      setContextMenu: (m: unknown) => void (tray.menu = m),
      setToolTip: (t: string) => void (tray.tooltip = t)
    })
    const trayStatus = createTrayStatus()
    let opened = 0
    let synced = 0
    const result = setupTray({
      tray,
      buildMenu: (template) => ({ built: template.length }),
      status: trayStatus,
      actions: { open: () => opened++, openLowStock: () => {}, syncNow: () => synced++, quit: () => {} }
    })
    expect(result).toBe(tray)
    expect(tray.menu).toEqual({ built: 4 })
    tray.emit('click')
    expect(opened).toBe(1)
    trayStatus.show({ ...status, syncing: true })
    expect(tray.tooltip).toBe('Stockroom — Online · 3 pending writes · syncing…')
    expect(synced).toBe(0)
    // Items ran low: the tooltip counts them and the menu is rebuilt with its entry.
    trayStatus.show({ ...status, lowItems: 7 })
    expect(tray.tooltip).toBe('Stockroom — Online · 3 pending writes · 7 items low · last sync 09:41 UTC')
    expect(tray.menu).toEqual({ built: 5 })
    // Offline, no sync can be running: the tooltip does not claim one.
    trayStatus.show({ ...status, online: false, syncing: true })
    expect(tray.tooltip).toBe('Stockroom — Offline · 3 pending writes · last sync 09:41 UTC')
    expect(tray.menu).toEqual({ built: 4 })
  })
})
