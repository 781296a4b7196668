import { join } from 'node:path'
import { createRecordingNotifier } from '../notices/recording-notifier'
import { FileSecretStore } from './file-secret-store'
import { createNodeCipher } from './node-cipher'
import type { Platform } from './ports'

export interface NodePlatformOptions {
  dataDir: string
  /** Directory of the secret key; must not be inside dataDir. */
  keyDir: string
  log: (line: string) => void
}

/** The web host's platform: everything Electron would do, done in plain Node. */
export function createNodePlatform({ dataDir, keyDir, log }: NodePlatformOptions): Platform {
  let lastTooltip = ''
  return {
    kind: 'web',
    secrets: new FileSecretStore(
      join(dataDir, 'secrets.json'),
      createNodeCipher(join(keyDir, 'stockroom.key'))
    ),
    notifier: createRecordingNotifier({ log }),
    status: {
      show(status) {
        const tooltip = statusLine(status)
        if (tooltip !== lastTooltip) log(`status: ${tooltip}`)
        lastTooltip = tooltip
      }
    },
    // ASSUMPTION: a Node host has no OS online signal worth trusting; reachability
    // is decided by real probes of each vendor, so the host itself reports online.
    online: { isOnline: () => true, subscribe: () => () => {} },
    loginItems: { supported: false, set: () => {} },
    external: {
      async open(url) {
        log(`open in your browser: ${url}`)
      },
      // The page is a browser tab: it has the file as a download; nothing opens on the host's screen.
      async openFile() {
        return false
      }
    }
  }
}

/** The one-line status both the tray tooltip and the web host's log show. */
export function statusLine(s: {
  online: boolean
  pendingWrites: number
  lastSyncAt: string | null
  syncing: boolean
  lowItems?: number
}) {
  const parts = [s.online ? 'Online' : 'Offline']
  parts.push(
    s.pendingWrites === 0
      ? 'all writes sent'
      : `${s.pendingWrites} pending write${s.pendingWrites === 1 ? '' : 's'}`
  )
  if (s.lowItems) parts.push(`${s.lowItems} item${s.lowItems === 1 ? '' : 's'} low`)
  // Offline, a sync cannot be running: it waits for the network.
  if (s.syncing && s.online) parts.push('syncing…')
  else if (s.lastSyncAt) parts.push(`last sync ${s.lastSyncAt.slice(11, 16)} UTC`)
  return `Stockroom — ${parts.join(' · ')}`
}
