/**
 * The HTTP shell every fake vendor runs in: listens on 127.0.0.1, logs each request,
 * applies the planned faults around the vendor's handler, sets a `Date` header from the
 * injected clock, and can stop and start again on the same port.
 *
 * Per request: log → read body → plan faults → [drop-before-commit] → [status/rate-limit
 * fault answers] or vendor.handle (which awaits `slow()` at its commit point) → payload
 * faults → [drop-after-commit | drop-mid-body] → send.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { applyPayloadFaults, type FaultController, type FaultPlan } from './faults'
import type { FakeServer, LedgerEntry, RequestLogEntry } from './types'

export interface FakeRequest {
  method: string
  /** Path relative to the vendor's base path, e.g. `/products/abc`. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  remoteAddress: string
  rawBody: Buffer
  /** True when the body was larger than the vendor's `maxBodyBytes` (rawBody is then empty). */
  bodyTooLarge: boolean
  /** This request's log entry; vendors add `apiKey`, `idempotencyKey`, `replayed`. */
  log: RequestLogEntry
  /** Waits out a planned `slow` fault, once. Vendors call it at their commit point (after auth and idempotency reservation). */
  slow(): Promise<void>
}

export interface FakeResponse {
  status: number
  headers?: Record<string, string>
  /** A JSON value to serialise; undefined sends no body. */
  body?: unknown
  /** Pre-serialised JSON, sent byte for byte (idempotent replays); payload faults are not applied to it. */
  rawJson?: string
}

export interface FakeVendor {
  /** Documented path prefix, e.g. `/api/v1`; '' for none. */
  basePath: string
  maxBodyBytes: number
  handle(req: FakeRequest): Promise<FakeResponse>
  /** The vendor's answer to a `status` or `rate-limit` fault. */
  faultResponse(fault: NonNullable<FaultPlan['respond']>): FakeResponse
  /** The vendor's answer to a path outside its base path. */
  notFound(): FakeResponse
  /** The vendor's answer when a handler throws. */
  internalError(err: unknown): FakeResponse
}

export interface ShellParts<TData> {
  vendor: FakeVendor
  data: TData
  faults: FaultController
  ledger: LedgerEntry[]
  requests: RequestLogEntry[]
  now: () => Date
}

export async function startFakeHttpServer<TData>(parts: ShellParts<TData>): Promise<FakeServer<TData>> {
  const { vendor, faults, requests, now } = parts
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    void serve(req, res).catch(() => res.socket?.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = (req.method ?? 'GET').toUpperCase()
    const inBase =
      vendor.basePath === '' ||
      url.pathname === vendor.basePath ||
      url.pathname.startsWith(vendor.basePath + '/')
    const path = inBase ? url.pathname.slice(vendor.basePath.length) || '/' : url.pathname
    const log: RequestLogEntry = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      at: now().toISOString()
    }
    requests.push(log)
    const { body: rawBody, tooLarge } = await readBody(req, vendor.maxBodyBytes)

    const plan = faults.plan({
      method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body: rawBody.toString('utf8')
    })
    if (plan.kinds.length > 0) log.faults = plan.kinds
    if (plan.transport?.kind === 'drop-before-commit') {
      req.socket.destroy()
      return
    }
    let slept = false
    const slow = async (): Promise<void> => {
      if (slept || plan.delayMs <= 0) return
      slept = true
      await new Promise((resolve) => setTimeout(resolve, plan.delayMs))
    }

    let response: FakeResponse
    if (plan.respond) response = vendor.faultResponse(plan.respond)
    else if (!inBase) response = vendor.notFound()
    else {
      const fakeReq: FakeRequest = {
        method,
        path,
        query: url.searchParams,
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress ?? '',
        rawBody,
        bodyTooLarge: tooLarge,
        log,
        slow
      }
      try {
        response = await vendor.handle(fakeReq)
      } catch (err) {
        response = vendor.internalError(err)
      }
    }
    await slow()
    log.status = response.status
    send(res, response, plan)
  }

  function send(res: ServerResponse, response: FakeResponse, plan: FaultPlan): void {
    let text = response.rawJson
    if (text === undefined && response.body !== undefined) {
      let body = response.body
      if (response.status < 300 && (plan.extra || plan.malformed || plan.reshape)) {
        body = structuredClone(body)
        applyPayloadFaults(body, plan)
      }
      text = JSON.stringify(body)
    }
    let html = false
    if (plan.unreadable && response.status < 300) {
      html = plan.unreadable.as === 'html'
      text = html
        ? '<!doctype html><html><body><h1>Service temporarily unavailable</h1></body></html>'
        : (text ?? '{}').slice(0, Math.max(1, Math.floor((text ?? '{}').length / 2)))
    }
    const payload = text === undefined ? Buffer.alloc(0) : Buffer.from(text, 'utf8')
    if (plan.transport?.kind === 'drop-after-commit') {
      res.socket?.destroy()
      return
    }
    res.sendDate = false
    const headers: Record<string, string> = { Date: now().toUTCString(), ...response.headers }
    if (text !== undefined) headers['Content-Type'] = html ? 'text/html' : 'application/json; charset=utf-8'
    headers['Content-Length'] = String(payload.length)
    res.writeHead(response.status, headers)
    if (plan.transport?.kind === 'drop-mid-body') {
      const part = payload.subarray(0, Math.floor(payload.length / 2))
      res.write(part, () => res.socket?.destroy())
      if (part.length === 0) res.socket?.destroy()
      return
    }
    res.end(payload)
  }

  let port = 0
  let listening = false
  let closed = false

  async function listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err)
      server.once('error', onError)
      server.listen({ port, host: '127.0.0.1' }, () => {
        server.off('error', onError)
        resolve()
      })
    })
    port = (server.address() as AddressInfo).port
    listening = true
  }

  async function stop(): Promise<void> {
    if (!listening) return
    listening = false
    const closedPromise = new Promise<void>((resolve) => server.close(() => resolve()))
    for (const socket of sockets) socket.destroy()
    server.closeAllConnections()
    await closedPromise
  }

  await listen()
  return {
    get url() {
      return `http://127.0.0.1:${port}${vendor.basePath}`
    },
    get port() {
      return port
    },
    requests,
    ledger: parts.ledger,
    faults,
    data: parts.data,
    stop,
    async start() {
      if (closed) throw new Error('fake server was closed')
      if (!listening) await listen()
    },
    async close() {
      closed = true
      await stop()
    }
  }
}

async function readBody(req: IncomingMessage, max: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  let tooLarge = false
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > max) tooLarge = true
    if (!tooLarge) chunks.push(chunk)
  }
  return { body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }
}
