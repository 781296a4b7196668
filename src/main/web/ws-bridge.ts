import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { clientFrame, WS_PATH, type ServerFrame } from '../../shared/host-api/wire'
import { fail } from '../../shared/result'
import type { Dispatch } from '../host/dispatch'
import type { EventBus } from '../host/event-bus'

const MAX_FRAME_BYTES = 1024 * 1024

/**
 * The host API over WebSocket. Only pages served by this host may connect
 * (Origin check, loopback only); every frame is parsed and every call goes
 * through the same dispatcher as Electron IPC.
 */
export function attachWsBridge(
  server: Server,
  dispatch: Dispatch,
  events: EventBus,
  allowedOrigin: () => string
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path !== WS_PATH || req.headers.origin !== allowedOrigin()) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws))
  })

  function serve(ws: WebSocket) {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    const unsubscribe = events.subscribe((name, payload) => send({ kind: 'event', name, payload }))
    ws.on('close', unsubscribe)
    ws.on('message', async (data, isBinary) => {
      let json: unknown
      try {
        json = JSON.parse(isBinary ? '' : data.toString())
      } catch {
        send({ kind: 'error', result: fail('invalid-request', 'Message is not valid JSON.') })
        return
      }
      const frame = clientFrame.safeParse(json)
      if (!frame.success) {
        const id =
          typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : undefined
        const result = fail(
          'invalid-request',
          'Message is not a host call: expected { kind: "call", id, name, payload }.'
        )
        send(id === undefined ? { kind: 'error', result } : { kind: 'result', id, result })
        return
      }
      send({ kind: 'result', id: frame.data.id, result: await dispatch(frame.data.name, frame.data.payload) })
    })
  }

  return { close: () => new Promise<void>((resolve) => wss.close(() => resolve())) }
}
