import type { RawTransport } from '../shared/host-api/client'

/** The parts of ipcRenderer the bridge uses; the page never sees ipcRenderer itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export interface BridgeChannels {
  call: string
  event: string
}

/**
 * The whole of what the page may do with main: make a named call, hear named
 * events. The IPC event object (whose `sender` is ipcRenderer) never reaches
 * the page, and main checks every name and payload again. One IPC listener
 * fans out to every page listener, however many screens subscribe.
 */
export function createBridge(
  ipc: IpcRendererLike,
  channels: BridgeChannels,
  // Rethrown outside the loop: one failing screen must not deafen the others, yet the error reaches the console.
  reportError: (err: unknown) => void = (err) =>
    queueMicrotask(() => {
      throw err
    })
): RawTransport {
  const listeners = new Set<(name: string, payload: unknown) => void>()
  const relay = (_event: unknown, name: unknown, payload: unknown) => {
    if (typeof name !== 'string') return
    for (const listener of [...listeners]) {
      try {
        listener(name, payload)
      } catch (err) {
        reportError(err)
      }
    }
  }

  return Object.freeze({
    call(name: string, payload: unknown): Promise<unknown> {
      return ipc.invoke(channels.call, String(name), payload)
    },
    on(listener: (name: string, payload: unknown) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('stockroom.on needs a listener function')
      // A wrapper per subscription, so subscribing the same function twice gives two independent unsubscribes.
      const own = (name: string, payload: unknown) => listener(name, payload)
      if (listeners.size === 0) ipc.on(channels.event, relay)
      listeners.add(own)
      return () => {
        if (!listeners.delete(own)) return
        if (listeners.size === 0) ipc.removeListener(channels.event, relay)
      }
    }
  })
}
