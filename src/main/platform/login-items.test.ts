import { describe, expect, it } from 'vitest'
import { autostartEntry, createLoginItems, HIDDEN_ARG, quoteExec, wasStartedAtLogin } from './login-items'

function setup(platform: NodeJS.Platform, packaged = true) {
  const settings: unknown[] = []
  const files = new Map<string, string>()
  const items = createLoginItems({
    platform,
    packaged,
    setLoginItemSettings: (s) => void settings.push(s),
    linux: { exec: '/opt/Stockroom/stockroom', configHome: '/home/ana/.config' },
    fs: { write: (f, t) => void files.set(f, t), remove: (f) => void files.delete(f) }
  })
  return { items, settings, files }
}

describe('login items', () => {
  it.each(['win32', 'darwin'] as const)('on %s uses setLoginItemSettings, starting hidden', (platform) => {
    const t = setup(platform)
    expect(t.items.supported).toBe(true)
    t.items.set(true)
    t.items.set(false)
    expect(t.settings).toEqual([
      { openAtLogin: true, args: [HIDDEN_ARG] },
      { openAtLogin: false, args: [HIDDEN_ARG] }
    ])
  })

  it('on Linux writes and removes an XDG autostart entry', () => {
    const t = setup('linux')
    expect(t.items.supported).toBe(true)
    t.items.set(true)
    const file = '/home/ana/.config/autostart/stockroom.desktop'
    expect(t.files.get(file)).toContain('Exec="/opt/Stockroom/stockroom" --hidden')
    t.items.set(false)
    expect(t.files.has(file)).toBe(false)
    expect(t.settings).toEqual([])
  })

  it('a development build never registers itself', () => {
    const t = setup('win32', false)
    expect(t.items.supported).toBe(false)
    t.items.set(true)
    expect(t.settings).toEqual([])
  })

  it('is unsupported elsewhere', () => {
    expect(setup('freebsd').items.supported).toBe(false)
  })

  it('knows a start at login by the hidden flag or by macOS saying so', () => {
    expect(wasStartedAtLogin(['stockroom', HIDDEN_ARG], () => false)).toBe(true)
    expect(wasStartedAtLogin(['stockroom'], () => true)).toBe(true)
    expect(wasStartedAtLogin(['stockroom'], () => false)).toBe(false)
  })

  it('quotes the Exec path by the Desktop Entry rules', () => {
    expect(quoteExec('/home/ana/Apps/Stockroom 0.1.AppImage')).toBe('"/home/ana/Apps/Stockroom 0.1.AppImage"')
    expect(quoteExec('/a/$HOME/"x"\\y')).toBe('"/a/\\\\$HOME/\\\\"x\\\\"\\\\\\\\y"')
    expect(autostartEntry('/x').split('\n')).toEqual(
      expect.arrayContaining(['[Desktop Entry]', 'Type=Application', 'Name=Stockroom', 'Exec="/x" --hidden'])
    )
  })
})
