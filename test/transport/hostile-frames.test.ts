import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startWebHost, type WebHost } from '../../src/main/web/web-host'
import { frame, openRaw, serverTexts } from '../helpers/raw-ws'
import { hostSocketUrl } from '../helpers/launch'
import { createTestServices, type TestServices } from '../helpers/main-services'

/**
 * Whatever a local process writes to the host's socket, the host stays up:
 * every frame the protocol forbids closes that one socket, every message the
 * contract does not know gets a clear answer, and the next client is served.
 */
describe('the WebSocket host under hostile frames and messages', () => {
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

  const wsUrl = () => socketUrl
  const connect = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(wsUrl(), { origin })
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
    })
  /** Sends `data` and resolves with the next frame the host sends back. */
  const ask = (ws: WebSocket, data: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      ws.once('message', (d) => resolve(JSON.parse(String(d)) as Record<string, unknown>))
      ws.once('close', (code) => reject(new Error(`closed ${code}`)))
      ws.send(data)
    })
  /** The host still answers a fresh client. */
  const stillAnswers = async () => {
    const ws = await connect()
    const reply = await ask(
      ws,
      JSON.stringify({ kind: 'call', id: 1, name: 'app:ping', payload: { echo: 'hi' } })
    )
    ws.close()
    expect(reply).toMatchObject({ kind: 'result', id: 1, result: { ok: true, value: { echo: 'hi' } } })
  }
  const raw = () => openRaw(wsUrl(), { Origin: origin })

  it('closes a socket that sends a frame over the size limit, and keeps serving', async () => {
    const s = await raw()
    s.write(frame(1, Buffer.alloc(70_000, 0x61), { declaredLength: 64 * 1024 * 1024 }))
    expect(await s.closed()).toBe('closed')
    expect(serverTexts(s.received()).join('\n')).toMatch(/close 1009/)
    await stillAnswers()
  })

  it('answers a message over 1 MB with a clear error, not a crash', async () => {
    const ws = await connect()
    const big = JSON.stringify({
      kind: 'call',
      id: 9,
      name: 'app:ping',
      payload: { echo: 'x'.repeat(1_200_000) }
    })
    const reply = await ask(ws, big)
    expect(reply).toMatchObject({ kind: 'error', result: { ok: false, error: { code: 'invalid-request' } } })
    expect((reply.result as { error: { message: string } }).error.message).toMatch(/too large/i)
    ws.close()
    await stillAnswers()
  })

  it('closes a socket that sends invalid UTF-8, a reserved opcode or an unmasked frame, and keeps serving', async () => {
    const bad = [
      frame(1, Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x7d])),
      frame(3, Buffer.from('reserved')),
      frame(1, Buffer.from('{"kind":"call"}'), { mask: false }),
      frame(1, Buffer.from('{}'), { rsv: 4 }),
      frame(9, Buffer.alloc(200, 1))
    ]
    for (const bytes of bad) {
      const s = await raw()
      s.write(bytes)
      expect(await s.closed()).toBe('closed')
      await stillAnswers()
    }
  })

  it('answers a sync:fetchPage cursor nested 5,000 deep with a clear error', async () => {
    const ws = await connect()
    const cursor = '['.repeat(5000) + ']'.repeat(5000)
    const reply = await ask(
      ws,
      `{"kind":"call","id":5,"name":"sync:fetchPage","payload":{"connectionId":"c1","resource":"items","phase":"full","cursor":${cursor}}}`
    )
    expect(reply).toMatchObject({
      kind: 'result',
      id: 5,
      result: { ok: false, error: { code: 'invalid-request' } }
    })
    expect((reply.result as { error: { message: string } }).error.message).toMatch(/nested too deep/)
    ws.close()
    await stillAnswers()
  })

  it('answers a message nested 100,000 deep (any call, or none) with a clear error', async () => {
    const ws = await connect()
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    expect(await ask(ws, deep)).toMatchObject({ kind: 'error', result: { ok: false } })
    expect(await ask(ws, `{"kind":"call","id":6,"name":"app:ping","payload":${deep}}`)).toMatchObject({
      kind: 'result',
      id: 6,
      result: { ok: false, error: { code: 'invalid-request' } }
    })
    ws.close()
    await stillAnswers()
  })

  it('survives random frames (fuzz, fixed seed)', async () => {
    const arbitraryFrame = fc.record({
      opcode: fc.integer({ min: 0, max: 15 }),
      rsv: fc.integer({ min: 0, max: 7 }),
      fin: fc.boolean(),
      mask: fc.boolean(),
      payload: fc.uint8Array({ maxLength: 300 }),
      declaredLength: fc.option(fc.integer({ min: 0, max: 2 ** 31 }), { nil: undefined })
    })
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryFrame, { minLength: 1, maxLength: 4 }), async (frames) => {
        const s = await raw()
        for (const f of frames)
          s.write(
            frame(f.opcode, Buffer.from(f.payload), {
              fin: f.fin,
              mask: f.mask,
              rsv: f.rsv,
              ...(f.declaredLength !== undefined && { declaredLength: f.declaredLength })
            })
          )
        await s.closed(50)
        s.destroy()
        await stillAnswers()
      }),
      { seed: 16, numRuns: 60 }
    )
  })

  it('answers every random or malformed message exactly once (fuzz, fixed seed)', async () => {
    const names = ['app:ping', 'sync:fetchPage', 'outbox:send', 'connections:create', 'nope', '__proto__']
    const message = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          kind: fc.constantFrom('call', 'result', 'event', 42),
          id: fc.oneof(fc.nat(), fc.double(), fc.string()),
          name: fc.oneof(fc.constantFrom(...names), fc.string()),
          payload: fc.oneof(fc.jsonValue(), fc.object())
        })
        .map((m) => JSON.stringify(m)),
      fc
        .nat({ max: 20_000 })
        .map(
          (n) => `{"kind":"call","id":1,"name":"sync:fetchPage","payload":${'['.repeat(n)}${']'.repeat(n)}}`
        )
    )
    const ws = await connect()
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        const reply = await ask(ws, m)
        expect(['result', 'error']).toContain(reply.kind)
        expect(reply.result).toMatchObject({ ok: expect.any(Boolean) })
      }),
      { seed: 16, numRuns: 300 }
    )
    ws.close()
    await stillAnswers()
  })
})
