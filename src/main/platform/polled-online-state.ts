import type { OnlineState } from './ports'

export interface PolledOnlineOptions {
  /** The OS's view (Electron `net.isOnline()`): cheap, and only says a network is up, not a vendor. */
  probe: () => boolean
  /** Wake-ups (resume from sleep, unlock) that should be checked at once, not at the next tick. */
  onWake: (listener: () => void) => () => void
  intervalMs: number
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval }
}

/**
 * Electron has no "online changed" event in main, so the OS state is polled,
 * only while someone listens, and listeners hear changes only.
 */
export function createPolledOnlineState(o: PolledOnlineOptions): OnlineState {
  const timers = o.timers ?? { setInterval, clearInterval }
  const listeners = new Set<(online: boolean) => void>()
  let last = o.probe()
  let stop: (() => void) | null = null

  const check = () => {
    const now = o.probe()
    if (now === last) return
    last = now
    for (const listener of [...listeners]) listener(now)
  }

  const start = () => {
    last = o.probe()
    const timer = timers.setInterval(check, o.intervalMs)
    const unwake = o.onWake(check)
    stop = () => {
      timers.clearInterval(timer)
      unwake()
    }
  }

  return {
    isOnline: () => o.probe(),
    subscribe(listener) {
      listeners.add(listener)
      if (!stop) start()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && stop) {
          stop()
          stop = null
        }
      }
    }
  }
}
