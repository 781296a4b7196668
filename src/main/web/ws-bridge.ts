import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { MAX_MESSAGE_BYTES } from '../../shared/host-api/limits'
import { clientFrame, WS_PATH, type ServerFrame } from '../../shared/host-api/wire'
import { fail, type Result } from '../../shared/result'
import type { Dispatch } from '../host/dispatch'
import type { EventBus } from '../host/event-bus'

/**
 * Frames above this are cut off by `ws` itself (close 1009, "message too big")
 * before they are buffered; between MAX_MESSAGE_BYTES and this a message is
 * read and answered with a clear error instead.
 */
const HARD_FRAME_LIMIT = 4 * MAX_MESSAGE_BYTES

const NOT_JSON = 'Message is not valid JSON.'
const NOT_A_CALL = 'Message is not a host call: expected { kind: "call", id, name, payload }.'
const TOO_LARGE = `Message is too large: the host reads at most ${MAX_MESSAGE_BYTES / 1024 / 1024} MB.`

export interface WsBridgeOptions {
  dispatch: Dispatch
  events: EventBus
  /** Whether this upgrade request may open a socket; a refusal says why (logged, never sent). */
  admit(req: IncomingMessage): string | null
  log(line: string): void
}

/**
 * The host API over WebSocket. Every call goes through the same dispatcher as
 * Electron IPC. Nothing a client sends can stop the host: socket and protocol
 * errors close that one socket, every text message is answered exactly once.
 */
export function attachWsBridge(server: Server, o: WsBridgeOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT })
  wss.on('error', (err) => o.log(`host API socket server error: ${err.message}`))

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets mid-handshake must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy())
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    const refusal = path === WS_PATH ? o.admit(req) : 'not the host API path'
    if (refusal) {
      o.log(`refused a host API socket: ${refusal}`)
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws))
  })

  function serve(ws: WebSocket) {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    const unsubscribe = o.events.subscribe((name, payload) => send({ kind: 'event', name, payload }))
    ws.on('close', unsubscribe)
    // Protocol errors (oversize, invalid UTF-8, reserved opcodes, unmasked frames): `ws` closes
    // the socket with the right code; the host only notes it.
    ws.on('error', (err: Error & { code?: string }) =>
      o.log(`closed a host API socket: ${err.code ?? err.message}`)
    )
    ws.on('message', (data, isBinary) => {
      answer(data, isBinary).then(send, (err: unknown) => {
        o.log(`host API message failed: ${err instanceof Error ? err.message : String(err)}`)
        send({ kind: 'error', result: fail('internal', 'The host could not read that message.') })
      })
    })
  }

  async function answer(data: RawData, isBinary: boolean): Promise<ServerFrame> {
    const error = (result: Result<never>): ServerFrame => ({ kind: 'error', result })
    const size = Array.isArray(data)
      ? data.reduce((n, b) => n + b.length, 0)
      : (data as Buffer | ArrayBuffer).byteLength
    if (size > MAX_MESSAGE_BYTES) return error(fail('invalid-request', TOO_LARGE))
    if (isBinary) return error(fail('invalid-request', NOT_JSON))
    let json: unknown
    try {
      json = JSON.parse(String(data))
    } catch {
      return error(fail('invalid-request', NOT_JSON))
    }
    const frame = clientFrame.safeParse(json)
    if (!frame.success) {
      const id = (json as { id?: unknown } | null)?.id
      const result = fail('invalid-request', NOT_A_CALL)
      return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0
        ? { kind: 'result', id, result }
        : error(result)
    }
    return {
      kind: 'result',
      id: frame.data.id,
      result: await o.dispatch(frame.data.name, frame.data.payload)
    }
  }

  return {
    close: () =>
      new Promise<void>((resolve) => {
        // Open sockets are not closed by the server's close: a stopped host must drop its clients.
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      })
  }
}
