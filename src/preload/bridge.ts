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
 * the page, and main checks every name and payload again.
 */
export function createBridge(ipc: IpcRendererLike, channels: BridgeChannels): RawTransport {
  return Object.freeze({
    call(name: string, payload: unknown): Promise<unknown> {
      return ipc.invoke(channels.call, String(name), payload)
    },
    on(listener: (name: string, payload: unknown) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('stockroom.on needs a listener function')
      const relay = (_event: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string') listener(name, payload)
      }
      ipc.on(channels.event, relay)
      let subscribed = true
      return () => {
        if (!subscribed) return
        subscribed = false
        ipc.removeListener(channels.event, relay)
      }
    }
  })
}
