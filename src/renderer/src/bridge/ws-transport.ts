import type { RawTransport } from '../../../shared/host-api/client'
import { LAUNCH_META, LAUNCH_PARAM, WS_PATH, type ServerFrame } from '../../../shared/host-api/wire'
import { fail } from '../../../shared/result'
import { backoffMs, type BackoffPolicy } from '../../../shared/backoff'

/** Reconnecting to the host: 250 ms doubling to 4 s. */
const RECONNECT: BackoffPolicy = { baseMs: 250, capMs: 4_000, jitter: 0 }

export interface WsTransportOptions {
  /** The socket address, launch secret included. */
  url?: string
  /**
   * The address as the host now serves it. A restarted host has a new launch
   * secret: without it every reconnect would be refused until a reload.
   */
  refreshUrl?: () => Promise<string | undefined>
}

/**
 * The host API over WebSocket, for the web host. Calls made while the socket
 * is down wait for it to reopen; calls in flight when it drops get a clear
 * 'unavailable' reply instead of hanging. When the socket reopens after a drop
 * (the host restarted), listeners hear `sync:requested` with reason
 * 'reconnect', so a sync the drop interrupted resumes at once.
 */
export function createWsTransport({
  url: initialUrl = defaultUrl(),
  refreshUrl = refreshFromPage
}: WsTransportOptions = {}): RawTransport & { close(): void } {
  let url = initialUrl
  let wasOpen = false
  let socket: WebSocket | undefined
  let nextId = 1
  let attempt = 0
  let closed = false
  const pending = new Map<number, (result: unknown) => void>()
  const listeners = new Set<(name: string, payload: unknown) => void>()
  /** Settles when a socket is open; calls made while the host is down wait on it. */
  let ready!: Promise<WebSocket>
  let markReady!: (ws: WebSocket) => void
  const waitForOpen = () => (ready = new Promise((resolve) => (markReady = resolve)))
  waitForOpen()

  // One attempt at a time: each socket that closes (or never opened) schedules exactly one more.
  const open = () => {
    const ws = new WebSocket(url)
    ws.onopen = () => {
      attempt = 0
      socket = ws
      markReady(ws)
      if (wasOpen) for (const l of listeners) l('sync:requested', { reason: 'reconnect' })
      wasOpen = true
    }
    // A refused or failed socket is followed by 'close', which retries; the error itself says nothing more.
    ws.onerror = () => {}
    ws.onmessage = (msg) => {
      try {
        receive(JSON.parse(String(msg.data)) as ServerFrame)
      } catch {
        // A frame that is not JSON answers nothing: its call, if any, is settled when the socket drops.
      }
    }
    ws.onclose = () => {
      if (socket === ws) {
        socket = undefined
        waitForOpen()
        for (const [id, settle] of pending) {
          settle(fail('unavailable', 'Lost the connection to the Stockroom host. Retrying…'))
          pending.delete(id)
        }
      }
      if (closed) return
      setTimeout(
        () => {
          void refreshUrl()
            .catch(() => undefined)
            .then((fresh) => {
              if (fresh) url = fresh
              if (!closed) open()
            })
        },
        backoffMs(attempt++, RECONNECT)
      )
    }
  }

  function receive(frame: ServerFrame) {
    if (frame.kind === 'result') {
      pending.get(frame.id)?.(frame.result)
      pending.delete(frame.id)
    } else if (frame.kind === 'event') {
      for (const l of listeners) l(frame.name, frame.payload)
    }
  }

  open()
  return {
    async call(name, payload) {
      const ws = socket ?? (await ready)
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve)
        ws.send(JSON.stringify({ kind: 'call', id, name, payload }))
      })
    },
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      closed = true
      socket?.close()
    }
  }
}

/** The host's socket, with the launch secret the host put in the page that it served. */
function defaultUrl(
  secret = document.querySelector<HTMLMetaElement>(`meta[name="${LAUNCH_META}"]`)?.content
) {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${WS_PATH}?${LAUNCH_PARAM}=${encodeURIComponent(secret ?? '')}`
}

/** The launch secret of the page the host serves now (undefined while the host is down). */
async function refreshFromPage(): Promise<string | undefined> {
  const res = await fetch(window.location.pathname, { cache: 'no-store' })
  if (!res.ok) return undefined
  const page = new DOMParser().parseFromString(await res.text(), 'text/html')
  const secret = page.querySelector<HTMLMetaElement>(`meta[name="${LAUNCH_META}"]`)?.content
  return secret ? defaultUrl(secret) : undefined
}
