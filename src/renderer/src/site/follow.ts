import type { HostClient } from '../../../shared/host-api/client'
import type { SiteStatus } from '../../../shared/host-api/site'
import type { StockroomDb } from '../db/db'
import { applySiteChanges } from './apply'

export interface SiteFollower {
  /** Pulls now (also done on every `site:changed`); resolves when caught up. */
  pull(): Promise<void>
  stop(): void
}

/**
 * Keeps this replica up to date with what other PCs share: on start and on
 * each `site:changed` from main (LISTEN/NOTIFY there), reads the site's log
 * after what this replica applied, applies it, and tells main how far it got.
 * One pull at a time; a nudge during a pull makes one more.
 */
export function followSite(
  db: StockroomDb,
  host: HostClient,
  onStatus: (status: SiteStatus) => void = () => {}
): SiteFollower {
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  const once = async () => {
    let ack: number | undefined
    for (;;) {
      const reply = await host.call('site:pull', ack === undefined ? {} : { ack })
      if (!reply.ok || stopped) return
      const { changes, cursor } = reply.value
      if (cursor === ack) return
      await applySiteChanges(db, changes)
      ack = cursor
    }
  }
  const pull = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await once().catch(() => undefined)
      } while (again && !stopped)
    })().finally(() => {
      running = undefined
    })
    return running
  }
  const off = host.on('site:changed', (status) => {
    onStatus(status)
    if (status.state === 'connected') void pull()
  })
  void host.call('site:status', {}).then((r) => r.ok && onStatus(r.value))
  void pull()
  return {
    pull,
    stop() {
      stopped = true
      off()
    }
  }
}
