import type { RawTransport } from '../../../shared/host-api/client'
import { LAUNCH_META, LAUNCH_PARAM, WS_PATH, type ServerFrame } from '../../../shared/host-api/wire'
import { fail } from '../../../shared/result'
import { backoffMs, type BackoffPolicy } from '../../../shared/backoff'

/** Reconnecting to the host: 250 ms doubling to 4 s. */
const RECONNECT: BackoffPolicy = { baseMs: 250, capMs: 4_000, jitter: 0 }

/**
 * The host API over WebSocket, for the web host. Calls made while the socket
 * is down wait for it to reopen; calls in flight when it drops get a clear
 * 'unavailable' reply instead of hanging.
 */
export function createWsTransport(url = defaultUrl()): RawTransport & { close(): void } {
  let socket: WebSocket | undefined
  let open: Promise<WebSocket> | undefined
  let nextId = 1
  let attempt = 0
  let closed = false
  const pending = new Map<number, (result: unknown) => void>()
  const listeners = new Set<(name: string, payload: unknown) => void>()

  const connect = (): Promise<WebSocket> =>
    (open ??= new Promise<WebSocket>((resolve) => {
      const ws = new WebSocket(url)
      ws.onopen = () => {
        attempt = 0
        socket = ws
        resolve(ws)
      }
      ws.onmessage = (msg) => {
        try {
          receive(JSON.parse(String(msg.data)) as ServerFrame)
        } catch {
          // A frame that is not JSON answers nothing: its call, if any, is settled when the socket drops.
        }
      }
      ws.onclose = () => {
        socket = undefined
        open = undefined
        for (const [id, settle] of pending) {
          settle(fail('unavailable', 'Lost the connection to the Stockroom host. Retrying…'))
          pending.delete(id)
        }
        if (closed) return
        const delay = backoffMs(attempt++, RECONNECT)
        setTimeout(() => void connect().then(resolve), delay)
      }
    }))

  function receive(frame: ServerFrame) {
    if (frame.kind === 'result') {
      pending.get(frame.id)?.(frame.result)
      pending.delete(frame.id)
    } else if (frame.kind === 'event') {
      for (const l of listeners) l(frame.name, frame.payload)
    }
  }

  void connect()
  return {
    async call(name, payload) {
      const ws = socket ?? (await connect())
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
function defaultUrl() {
  const { protocol, host } = window.location
  const secret = document.querySelector<HTMLMetaElement>(`meta[name="${LAUNCH_META}"]`)?.content ?? ''
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${WS_PATH}?${LAUNCH_PARAM}=${encodeURIComponent(secret)}`
}
