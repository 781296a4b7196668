import { IPC_CALL, IPC_EVENT } from '../../shared/host-api/wire'
import { fail, type Result } from '../../shared/result'
import type { Dispatch } from '../host/dispatch'
import type { EventSink } from '../host/event-bus'
import { isAppUrl } from './app-url'

/** The parts of an IpcMainInvokeEvent the trust decision reads. */
export interface InvokeEventLike {
  sender: unknown
  senderFrame: { url: string; parent: unknown } | null
}

/** The parts of the main BrowserWindow that IPC touches. */
export interface WindowLike {
  isDestroyed(): boolean
  webContents: {
    isDestroyed(): boolean
    getURL(): string
    send(channel: string, ...args: unknown[]): void
  }
}

export interface SenderInfo {
  /** The call came from the main window's web contents, not some other window or devtools. */
  fromMainWindow: boolean
  /** …from its top frame, not an iframe inside it. */
  isTopFrame: boolean
  /** The URL of that frame at the time of the call; null if it has navigated away or died. */
  frameUrl: string | null
}

export function describeSender(event: InvokeEventLike, window: WindowLike | null): SenderInfo {
  const frame = event.senderFrame
  return {
    fromMainWindow: window !== null && !window.isDestroyed() && event.sender === window.webContents,
    isTopFrame: frame !== null && frame.parent === null,
    frameUrl: frame?.url ?? null
  }
}

/**
 * The host API holds vendor credentials' power: only the app's own page in
 * our window may use it. Anything else (an iframe, a page the window was
 * somehow navigated to, a window we did not create) is refused.
 */
export function isTrustedSender(sender: SenderInfo, appUrl: string): boolean {
  return sender.fromMainWindow && sender.isTopFrame && isAppUrl(sender.frameUrl, appUrl)
}

export const UNTRUSTED_SENDER_MESSAGE =
  'This page is not allowed to use the Stockroom host API: only the Stockroom window showing the app itself may.'

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

export interface IpcOptions {
  ipcMain: IpcMainLike
  dispatch: Dispatch
  events: { subscribe(sink: EventSink): () => void }
  window: () => WindowLike | null
  appUrl: string
  log: (line: string) => void
}

/** Wires the host API to Electron IPC; returns the undo for shutdown. */
export function setupIpc(o: IpcOptions): () => void {
  o.ipcMain.handle(IPC_CALL, (event, name, payload): Promise<Result<unknown>> => {
    const sender = describeSender(event, o.window())
    if (!isTrustedSender(sender, o.appUrl)) {
      o.log(`refused host call ${String(name).slice(0, 80)} from ${sender.frameUrl ?? 'an unknown frame'}`)
      return Promise.resolve(fail('unauthorized', UNTRUSTED_SENDER_MESSAGE))
    }
    return o.dispatch(name, payload)
  })

  const unsubscribe = o.events.subscribe((name, payload) => {
    const window = o.window()
    if (!window || window.isDestroyed()) return
    const contents = window.webContents
    // Events may describe connections and sync state: only the app's page hears them.
    if (contents.isDestroyed() || !isAppUrl(contents.getURL(), o.appUrl)) return
    contents.send(IPC_EVENT, name, payload)
  })

  return () => {
    o.ipcMain.removeHandler(IPC_CALL)
    unsubscribe()
  }
}
