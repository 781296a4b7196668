import { homedir } from 'node:os'
import { join } from 'node:path'
import { shouldOpenExternally } from '../window/security'
import { HostFailure } from '../host/dispatch'
import { createElectronCipher, type SafeStorageLike } from './electron-cipher'
import { FileSecretStore } from './file-secret-store'
import { createLoginItems } from './login-items'
import { createPolledOnlineState } from './polled-online-state'
import { listeners } from '../notices/listeners'
import type { NoticeTarget } from '../../shared/host-api/notices'
import type { Notifier, Platform, StatusSurface } from './ports'

const ONLINE_POLL_MS = 5_000

/** A shown notification, kept referenced until it is done so its click handler survives GC. */
interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown
  show(): void
}

/** The Electron modules the desktop platform uses, passed in by the composition root. */
export interface ElectronPlatformDeps {
  userData: string
  safeStorage: SafeStorageLike
  Notification: {
    isSupported(): boolean
    new (options: { title: string; body: string; icon?: string }): NotificationLike
  }
  net: { isOnline(): boolean }
  powerMonitor: {
    on(event: 'resume' | 'unlock-screen', listener: () => void): unknown
    off(event: 'resume' | 'unlock-screen', listener: () => void): unknown
  }
  shell: { openExternal(url: string): Promise<void>; openPath(path: string): Promise<string> }
  setLoginItemSettings: (settings: { openAtLogin: boolean; args: string[] }) => void
  packaged: boolean
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  execPath: string
  /** The tray tooltip (see window/tray.ts). */
  status: StatusSurface
  icon?: string
  onNotificationClick: () => void
  log: (line: string) => void
}

/** The desktop app's platform: keychain, OS notifications, tray tooltip, login items, browser. */
export function createElectronPlatform(d: ElectronPlatformDeps): Platform {
  return {
    kind: 'desktop',
    secrets: new FileSecretStore(join(d.userData, 'secrets.json'), createElectronCipher(d.safeStorage)),
    notifier: createNotifier(d),
    status: d.status,
    online: createPolledOnlineState({
      probe: () => d.net.isOnline(),
      onWake(listener) {
        d.powerMonitor.on('resume', listener)
        d.powerMonitor.on('unlock-screen', listener)
        return () => {
          d.powerMonitor.off('resume', listener)
          d.powerMonitor.off('unlock-screen', listener)
        }
      },
      intervalMs: ONLINE_POLL_MS
    }),
    loginItems: createLoginItems({
      platform: d.platform,
      packaged: d.packaged,
      setLoginItemSettings: d.setLoginItemSettings,
      linux: {
        // Inside an AppImage, execPath is a temporary mount; APPIMAGE names the file itself.
        exec: d.env.APPIMAGE ?? d.execPath,
        configHome: d.env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
      }
    }),
    external: {
      async open(url) {
        if (!shouldOpenExternally(url))
          throw new HostFailure('invalid-request', 'Only web links (http or https) can be opened.')
        await d.shell.openExternal(url)
      },
      async openFile(path) {
        // openPath answers with an error message, or '' once the OS has opened the file.
        const error = await d.shell.openPath(path)
        if (error) d.log(`could not open ${path}: ${error}`)
        return error === ''
      }
    }
  }
}

function createNotifier(d: ElectronPlatformDeps): Notifier {
  const live = new Set<NotificationLike>()
  const clicked = listeners<NoticeTarget | undefined>()
  return {
    onClick: clicked.add,
    notify({ title, body, target }) {
      if (!d.Notification.isSupported()) {
        d.log(`notice (no OS notifications here): ${title} — ${body}`)
        return
      }
      const notification = new d.Notification({ title, body, ...(d.icon ? { icon: d.icon } : {}) })
      const done = () => live.delete(notification)
      notification.on('click', () => {
        done()
        d.onNotificationClick()
        clicked.emit(target)
      })
      notification.on('close', done)
      notification.on('failed', done)
      live.add(notification)
      notification.show()
    }
  }
}
