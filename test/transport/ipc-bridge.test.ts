import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHostClient } from '../../src/renderer/src/bridge/host'
import type { RawTransport } from '../../src/shared/host-api/client'
import { createTestServices, type TestServices } from '../helpers/main-services'
import { wireIpc } from '../helpers/ipc-wire'

describe('Electron IPC transport of the host API', () => {
  let t: TestServices
  let transport: RawTransport
  let dispose: () => void
  beforeEach(async () => {
    t = await createTestServices()
    ;({ transport, dispose } = wireIpc(t))
  })
  afterEach(async () => {
    dispose()
    await t.cleanup()
  })

  it('answers a malformed payload with a clear validation error', async () => {
    const reply = await transport.call('connections:create', { vendor: 'frostbyte', baseUrl: 'not a url' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    const message = (reply as { error: { message: string } }).error.message
    expect(message).toMatch(/^Invalid request for connections:create: /)
    expect(message).toContain('baseUrl')
    expect(message).toContain('apiKey')
  })

  it('answers an unknown call and a non-object payload instead of throwing', async () => {
    expect(await transport.call('fs:readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' }
    })
    expect(await transport.call('app:ping', 'hello')).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' }
    })
  })

  it('is indistinguishable from the WebSocket transport to the renderer: typed calls and events', async () => {
    const host = createHostClient(transport)
    const changed = new Promise<number>((resolve) =>
      host.on('connections:changed', (p) => resolve(p.connections.length))
    )
    const created = await host.call('connections:create', {
      vendor: 'inventora',
      label: 'Plant',
      baseUrl: 'http://127.0.0.1:9/api',
      apiKey: 'inv_key'
    })
    expect(created).toMatchObject({ ok: true, value: { label: 'Plant', hasSecret: true } })
    expect(await changed).toBe(1)
  })
})
