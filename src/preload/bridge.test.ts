import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createBridge, type IpcRendererLike } from './bridge'
import { IPC_CHANNELS } from './channels'

/** A stand-in for ipcRenderer: records invokes and delivers events with an IPC event object first. */
function fakeIpc() {
  const emitter = new EventEmitter()
  const invoked: unknown[][] = []
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, ...args])
      return { ok: true, value: 'pong' }
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener)
  }
  const deliver = (...args: unknown[]) => emitter.emit(IPC_CHANNELS.event, { sender: 'ipcRenderer' }, ...args)
  return { ipc, invoked, deliver, emitter }
}

describe('preload bridge', () => {
  it('exposes exactly call and on, frozen', () => {
    const bridge = createBridge(fakeIpc().ipc, IPC_CHANNELS)
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on'])
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('call invokes the call channel with the name and payload and returns the reply', async () => {
    const { ipc, invoked } = fakeIpc()
    const bridge = createBridge(ipc, IPC_CHANNELS)
    expect(await bridge.call('app:ping', { echo: 'hi' })).toEqual({ ok: true, value: 'pong' })
    expect(invoked).toEqual([['stockroom:call', 'app:ping', { echo: 'hi' }]])
  })

  it('on hands the page the name and payload, never the IPC event', () => {
    const { ipc, deliver } = fakeIpc()
    const heard: unknown[][] = []
    createBridge(ipc, IPC_CHANNELS).on((...args) => heard.push(args))
    deliver('app:online', { online: false })
    deliver(42, { ignored: true })
    expect(heard).toEqual([['app:online', { online: false }]])
  })

  it('the unsubscribe stops delivery and is safe to call twice', () => {
    const { ipc, deliver, emitter } = fakeIpc()
    const heard: string[] = []
    const bridge = createBridge(ipc, IPC_CHANNELS)
    const off = bridge.on((name) => heard.push(name))
    const other = bridge.on((name) => heard.push(`other:${name}`))
    deliver('a')
    off()
    off()
    deliver('b')
    expect(heard).toEqual(['a', 'other:a', 'other:b'])
    other()
    expect(emitter.listenerCount(IPC_CHANNELS.event)).toBe(0)
  })

  it('uses one IPC listener for all page listeners, and a throwing one does not stop the rest', () => {
    const { ipc, deliver, emitter } = fakeIpc()
    const reported: unknown[] = []
    const bridge = createBridge(ipc, IPC_CHANNELS, (err) => reported.push(err))
    const heard: string[] = []
    const offs = Array.from({ length: 20 }, (_, i) => bridge.on((name) => heard.push(`${i}:${name}`)))
    const offBad = bridge.on(() => {
      throw new Error('screen bug')
    })
    const offLast = bridge.on((name) => heard.push(`last:${name}`))
    expect(emitter.listenerCount(IPC_CHANNELS.event)).toBe(1)

    deliver('app:online', { online: true })
    expect(heard).toHaveLength(21)
    expect(heard.at(-1)).toBe('last:app:online')
    expect(reported).toEqual([new Error('screen bug')])

    for (const off of [...offs, offBad, offLast]) off()
    expect(emitter.listenerCount(IPC_CHANNELS.event)).toBe(0)
  })

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(fakeIpc().ipc, IPC_CHANNELS)
    expect(() => bridge.on('nope' as never)).toThrow(TypeError)
  })
})
