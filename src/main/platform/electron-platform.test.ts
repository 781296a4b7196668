import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createElectronPlatform, type ElectronPlatformDeps } from './electron-platform'

class FakeNotification extends EventEmitter {
  static supported = true
  static shown: FakeNotification[] = []
  static isSupported = () => FakeNotification.supported
  constructor(readonly options: { title: string; body: string; icon?: string }) {
    super()
  }
  show() {
    FakeNotification.shown.push(this)
  }
}

let dir = ''
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  FakeNotification.shown = []
  FakeNotification.supported = true
})

function setup(overrides: Partial<ElectronPlatformDeps> = {}) {
  dir = mkdtempSync(join(tmpdir(), 'stockroom-desktop-'))
  const t = {
    opened: [] as string[],
    logged: [] as string[],
    clicks: 0,
    tooltips: [] as unknown[],
    online: true,
    power: new EventEmitter()
  }
  const platform = createElectronPlatform({
    userData: dir,
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s) => Buffer.from(s).reverse(),
      decryptString: (b) => Buffer.from(b).reverse().toString()
    },
    Notification: FakeNotification,
    net: { isOnline: () => t.online },
    powerMonitor: t.power,
    shell: {
      openExternal: async (url) => void t.opened.push(url),
      openPath: async (path) => (path.endsWith('.pdf') ? (t.opened.push(path), '') : 'No application')
    },
    setLoginItemSettings: () => {},
    packaged: false,
    platform: 'linux',
    env: {},
    execPath: '/usr/bin/electron',
    status: { show: (s) => void t.tooltips.push(s) },
    icon: '/res/icon.png',
    onNotificationClick: () => void t.clicks++,
    log: (l) => void t.logged.push(l),
    ...overrides
  })
  return { platform, t }
}

describe('desktop platform', () => {
  it('is the desktop kind and keeps secrets in userData/secrets.json through the keychain', async () => {
    const { platform } = setup()
    expect(platform.kind).toBe('desktop')
    await platform.secrets.set('connection:a:apiKey', 'k-1')
    expect(await platform.secrets.get('connection:a:apiKey')).toBe('k-1')
  })

  it('shows OS notifications with the app icon; a click brings the window back and opens what it is about', () => {
    const { platform, t } = setup()
    const opened: unknown[] = []
    platform.notifier.onClick((target) => opened.push(target))
    platform.notifier.notify({
      title: 'Low stock',
      body: 'Bolts M6: 3 left (min 10)',
      target: { kind: 'item', itemKey: 'c1:item:42' }
    })
    const [shown] = FakeNotification.shown
    expect(shown?.options).toEqual({
      title: 'Low stock',
      body: 'Bolts M6: 3 left (min 10)',
      icon: '/res/icon.png'
    })
    shown?.emit('click')
    expect(t.clicks).toBe(1)
    expect(opened).toEqual([{ kind: 'item', itemKey: 'c1:item:42' }])
  })

  it('logs the notice where the OS has no notifications', () => {
    FakeNotification.supported = false
    const { platform, t } = setup()
    platform.notifier.notify({ title: 'Low stock', body: 'Bolts' })
    expect(FakeNotification.shown).toEqual([])
    expect(t.logged[0]).toContain('Low stock')
  })

  it('passes status to the tray surface', () => {
    const { platform, t } = setup()
    const status = { online: true, pendingWrites: 0, lastSyncAt: null, syncing: false, lowItems: 0 }
    platform.status.show(status)
    expect(t.tooltips).toEqual([status])
  })

  it('follows net.isOnline and checks again when the PC wakes', () => {
    const { platform, t } = setup()
    const heard: boolean[] = []
    const off = platform.online.subscribe((online) => heard.push(online))
    t.online = false
    t.power.emit('resume')
    t.online = true
    t.power.emit('unlock-screen')
    expect(heard).toEqual([false, true])
    off()
    expect(t.power.listenerCount('resume') + t.power.listenerCount('unlock-screen')).toBe(0)
  })

  it('opens only web links in the browser', async () => {
    const { platform, t } = setup()
    await platform.external.open('https://frostbyte.example/keys')
    await expect(platform.external.open('file:///etc/passwd')).rejects.toMatchObject({
      code: 'invalid-request'
    })
    expect(t.opened).toEqual(['https://frostbyte.example/keys'])
  })

  it('opens a saved file in the PC’s own viewer, and says when none could', async () => {
    const { platform, t } = setup()
    expect(await platform.external.openFile('/data/labels/labels-1.pdf')).toBe(true)
    expect(await platform.external.openFile('/data/labels/labels-1.zpl')).toBe(false)
    expect(t.opened).toEqual(['/data/labels/labels-1.pdf'])
    expect(t.logged.some((l) => l.includes('could not open /data/labels/labels-1.zpl'))).toBe(true)
  })

  it('registers a login item only for the installed app, from the AppImage file itself', () => {
    expect(setup().platform.loginItems.supported).toBe(false)
    expect(setup({ packaged: true, platform: 'win32' }).platform.loginItems.supported).toBe(true)
  })
})
