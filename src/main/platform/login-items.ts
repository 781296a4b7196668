import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { LoginItems } from './ports'

/** Passed by the login item so a start at login goes straight to the tray. */
export const HIDDEN_ARG = '--hidden'

export function wasStartedAtLogin(argv: readonly string[], macOpenedAtLogin: () => boolean): boolean {
  return argv.includes(HIDDEN_ARG) || macOpenedAtLogin()
}

export interface LoginItemsOptions {
  platform: NodeJS.Platform
  /** Only an installed app registers itself: a dev build would register the bare Electron binary. */
  packaged: boolean
  setLoginItemSettings: (settings: { openAtLogin: boolean; args: string[] }) => void
  /** Linux: what to start (the AppImage file itself when run from one) and where autostart entries live. */
  linux: { exec: string; configHome: string }
  fs?: { write(file: string, text: string): void; remove(file: string): void }
}

/**
 * Start-at-login. macOS and Windows through Electron's setLoginItemSettings;
 * Linux, which Electron does not cover, through an XDG autostart entry.
 */
export function createLoginItems(o: LoginItemsOptions): LoginItems {
  if (!o.packaged) return { supported: false, set: () => {} }
  if (o.platform === 'darwin' || o.platform === 'win32') {
    return {
      supported: true,
      set: (openAtLogin) => o.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] })
    }
  }
  if (o.platform === 'linux') {
    const fs = o.fs ?? nodeFs
    const file = join(o.linux.configHome, 'autostart', 'stockroom.desktop')
    return {
      supported: true,
      set: (openAtLogin) => (openAtLogin ? fs.write(file, autostartEntry(o.linux.exec)) : fs.remove(file))
    }
  }
  return { supported: false, set: () => {} }
}

export function autostartEntry(exec: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Stockroom',
    'Comment=Offline-first inventory for the warehouse',
    `Exec=${quoteExec(exec)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
}

/**
 * Desktop Entry Exec quoting: the path in double quotes with " ` $ \ escaped,
 * then every backslash doubled again because the value is itself an escaped string.
 */
export function quoteExec(path: string): string {
  return `"${path.replace(/["`$\\]/g, (c) => `\\${c}`)}"`.replace(/\\/g, '\\\\')
}

const nodeFs = {
  write(file: string, text: string) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
  },
  remove(file: string) {
    rmSync(file, { force: true })
  }
}
