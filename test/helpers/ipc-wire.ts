import { setupIpc, type InvokeEventLike } from '../../src/main/window/ipc'
import { createBridge } from '../../src/preload/bridge'
import { IPC_CHANNELS } from '../../src/preload/channels'
import type { RawTransport } from '../../src/shared/host-api/client'
import type { TestServices } from './main-services'

const APP = 'stockroom://app/index.html'

/**
 * The Electron IPC transport end to end: the real preload bridge, the real
 * main-side IPC guard and the real dispatcher. Only Electron's pipe between
 * ipcRenderer and ipcMain is an in-memory one (structured clone, like IPC).
 */
export interface IpcWire {
  transport: RawTransport
  /** Hands ipcMain's handler these arguments as received from the app's window (a compromised page could send any). */
  invoke(...args: unknown[]): Promise<unknown>
  dispose(): void
}

export function wireIpc(t: TestServices): IpcWire {
  type Listener = (event: unknown, ...args: unknown[]) => void
  const rendererListeners = new Map<string, Set<Listener>>()
  const webContents = {
    isDestroyed: () => false,
    getURL: () => APP,
    send: (channel: string, ...args: unknown[]) => {
      for (const l of rendererListeners.get(channel) ?? []) l({}, ...structuredClone(args))
    }
  }
  const window = { isDestroyed: () => false, webContents }
  let handler: ((event: InvokeEventLike, ...args: unknown[]) => unknown) | undefined
  const dispose = setupIpc({
    ipcMain: { handle: (_c, l) => void (handler = l), removeHandler: () => void (handler = undefined) },
    dispatch: t.services.dispatch,
    events: t.services.events,
    window: () => window,
    appUrl: APP,
    log: () => {}
  })
  const fromApp = { sender: webContents, senderFrame: { url: APP, parent: null } }
  const invoke = async (...args: unknown[]) => structuredClone(await handler!(fromApp, ...args))
  const transport = createBridge(
    {
      invoke: (_channel, ...args) => invoke(...structuredClone(args)),
      on: (channel, l) => {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set())
        rendererListeners.get(channel)!.add(l)
      },
      removeListener: (channel, l) => rendererListeners.get(channel)?.delete(l)
    },
    IPC_CHANNELS
  )
  return { transport, invoke, dispose }
}
