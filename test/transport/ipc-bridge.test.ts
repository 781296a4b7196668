import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupIpc, type InvokeEventLike } from '../../src/main/window/ipc'
import { createBridge } from '../../src/preload/bridge'
import { IPC_CHANNELS } from '../../src/preload/channels'
import { createHostClient } from '../../src/renderer/src/bridge/host'
import type { RawTransport } from '../../src/shared/host-api/client'
import { createTestServices, type TestServices } from '../helpers/main-services'

const APP = 'stockroom://app/index.html'

/**
 * The Electron IPC transport end to end: the real preload bridge, the real
 * main-side IPC guard and the real dispatcher. Only Electron's pipe between
 * ipcRenderer and ipcMain is an in-memory one (structured clone, like IPC).
 */
function wire(t: TestServices): { transport: RawTransport; dispose: () => void } {
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
  const transport = createBridge(
    {
      invoke: async (_channel, ...args) =>
        structuredClone(
          await handler!(
            { sender: webContents, senderFrame: { url: APP, parent: null } },
            ...structuredClone(args)
          )
        ),
      on: (channel, l) => {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set())
        rendererListeners.get(channel)!.add(l)
      },
      removeListener: (channel, l) => rendererListeners.get(channel)?.delete(l)
    },
    IPC_CHANNELS
  )
  return { transport, dispose }
}

describe('Electron IPC transport of the host API', () => {
  let t: TestServices
  let transport: RawTransport
  let dispose: () => void
  beforeEach(async () => {
    t = await createTestServices()
    ;({ transport, dispose } = wire(t))
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
