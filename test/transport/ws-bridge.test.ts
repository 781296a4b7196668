import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import WebSocket from 'ws'
import { startWebHost, type WebHost } from '../../src/main/web/web-host'
import { hostSocketUrl } from '../helpers/launch'
import { openRaw } from '../helpers/raw-ws'
import { createTestServices, type TestServices } from '../helpers/main-services'

describe('WebSocket transport of the host API', () => {
  let t: TestServices
  let host: WebHost
  let origin: string
  let socketUrl: string

  beforeEach(async () => {
    t = await createTestServices()
    const rendererDir = await mkdtemp(join(tmpdir(), 'renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Stockroom</title>')
    host = await startWebHost({ services: t.services, rendererDir, port: 0 })
    origin = host.url.replace(/\/$/, '')
    socketUrl = await hostSocketUrl(host.openUrl)
  })
  afterEach(async () => {
    await host.close()
    await t.cleanup()
  })

  const connect = (fromOrigin = origin, url = socketUrl) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, { origin: fromOrigin })
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    })
  const next = (ws: WebSocket) =>
    new Promise<Record<string, unknown>>((resolve) =>
      ws.once('message', (d) => resolve(JSON.parse(String(d))))
    )

  it('answers a malformed payload with a clear validation error', async () => {
    const ws = await connect()
    ws.send(
      JSON.stringify({ kind: 'call', id: 7, name: 'connections:create', payload: { vendor: 'frostbyte' } })
    )
    const reply = await next(ws)
    expect(reply).toMatchObject({
      kind: 'result',
      id: 7,
      result: { ok: false, error: { code: 'invalid-request' } }
    })
    expect((reply.result as { error: { message: string } }).error.message).toMatch(/label.*baseUrl.*apiKey/s)
    ws.close()
  })

  it('answers a frame that is not JSON, or not a call, instead of dropping it', async () => {
    const ws = await connect()
    ws.send('{not json')
    expect(await next(ws)).toMatchObject({
      kind: 'error',
      result: { ok: false, error: { message: 'Message is not valid JSON.' } }
    })
    ws.send(JSON.stringify({ kind: 'call', id: 3, name: 42 }))
    expect(await next(ws)).toMatchObject({
      kind: 'result',
      id: 3,
      result: { ok: false, error: { code: 'invalid-request' } }
    })
    ws.send(JSON.stringify({ kind: 'call', id: 4, name: 'app:nope', payload: {} }))
    expect(await next(ws)).toMatchObject({
      kind: 'result',
      id: 4,
      result: { ok: false, error: { code: 'unknown-call' } }
    })
    ws.close()
  })

  it('carries calls and pushes events to every client', async () => {
    const ws = await connect()
    const event = new Promise<Record<string, unknown>>((resolve) =>
      ws.on('message', (d) => {
        const frame = JSON.parse(String(d)) as Record<string, unknown>
        if (frame.kind === 'event') resolve(frame)
      })
    )
    ws.send(
      JSON.stringify({
        kind: 'call',
        id: 1,
        name: 'connections:create',
        payload: { vendor: 'inventora', label: 'Plant', baseUrl: 'http://127.0.0.1:9/api', apiKey: 'k' }
      })
    )
    expect(await event).toMatchObject({
      kind: 'event',
      name: 'connections:changed',
      payload: { connections: [{ label: 'Plant' }] }
    })
    ws.close()
  })

  it('refuses a WebSocket from another origin', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow(/403/)
  })

  it('refuses a WebSocket without the launch secret, or with a wrong one', async () => {
    await expect(connect(origin, `${origin.replace('http', 'ws')}/host`)).rejects.toThrow(/403/)
    await expect(connect(origin, socketUrl.replace(/launch=[^&]+/, 'launch=guessed'))).rejects.toThrow(/403/)
    expect(t.logs.join('\n')).not.toContain(new URL(socketUrl).searchParams.get('launch'))
  })

  it('refuses a forged Origin even with the launch secret, and a host name that is not its own', async () => {
    await expect(connect('http://127.0.0.1:1', socketUrl)).rejects.toThrow(/403/)
    await expect(connect('null', socketUrl)).rejects.toThrow(/403/)
    const rebound = await openRaw(socketUrl, { Origin: origin, Host: 'evil.example' }).catch((e: Error) => e)
    expect(String(rebound)).toMatch(/403/)
    // A page on another name that resolves to 127.0.0.1 is not even served the document (and its secret).
    const page = await httpGet(host.openUrl, 'evil.example')
    expect(page.status).toBe(403)
    expect(page.body).not.toContain('stockroom-launch')
  })

  it('serves a new launch secret each start, in a page that is never cached', async () => {
    const res = await fetch(host.openUrl)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const rendererDir = await mkdtemp(join(tmpdir(), 'renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Stockroom</title>')
    const second = await startWebHost({ services: t.services, rendererDir, port: 0 })
    const other = await hostSocketUrl(second.openUrl)
    await second.close()
    expect(new URL(other).searchParams.get('launch')).not.toBe(new URL(socketUrl).searchParams.get('launch'))
  })

  it('serves the renderer with a Content-Security-Policy and no path traversal', async () => {
    const res = await fetch(host.openUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const traversal = await fetch(`${host.url}..%2f..%2fetc%2fpasswd?token=${host.token}`)
    expect(await traversal.text()).not.toContain('root:')
  })
})

/** A GET with a chosen Host header (fetch will not send one). */
function httpGet(url: string, hostHeader: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { headers: { Host: hostHeader } }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}
