import { describe, expect, it } from 'vitest'
import { IPC_CALL, IPC_EVENT } from '../../shared/host-api/wire'
import { ok } from '../../shared/result'
import type { Dispatch } from '../host/dispatch'
import { EventBus } from '../host/event-bus'
import {
  describeSender,
  isTrustedSender,
  setupIpc,
  UNTRUSTED_SENDER_MESSAGE,
  type InvokeEventLike,
  type IpcMainLike
} from './ipc'

const APP = 'stockroom://app/index.html'

function fakeWindow(url = 'stockroom://app/index.html#/scan') {
  const sent: unknown[][] = []
  const window = {
    destroyed: false,
    isDestroyed: () => window.destroyed,
    webContents: {
      url,
      destroyed: false,
      isDestroyed: () => window.webContents.destroyed,
      getURL: () => window.webContents.url,
      send: (...args: unknown[]) => void sent.push(args)
    }
  }
  return { window, sent }
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel)
  }
  const invoke = (event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(IPC_CALL)
    if (!handler) throw new Error('no handler')
    return handler(event, ...args)
  }
  return { ipcMain, handlers, invoke }
}

function setup(url?: string) {
  const { window, sent } = fakeWindow(url)
  const { ipcMain, handlers, invoke } = fakeIpcMain()
  const events = new EventBus()
  const calls: unknown[][] = []
  const dispatch: Dispatch = async (name, payload) => {
    calls.push([name, payload])
    return ok({ answered: name })
  }
  const logged: string[] = []
  const dispose = setupIpc({
    ipcMain,
    dispatch,
    events,
    window: () => window,
    appUrl: APP,
    log: (l) => logged.push(l)
  })
  const topFrame = (frameUrl: string) => ({
    sender: window.webContents,
    senderFrame: { url: frameUrl, parent: null }
  })
  return { window, sent, handlers, invoke, events, calls, logged, dispose, topFrame }
}

describe('isTrustedSender', () => {
  const good = { fromMainWindow: true, isTopFrame: true, frameUrl: 'stockroom://app/index.html' }

  it("trusts only our window's top frame showing the app", () => {
    expect(isTrustedSender(good, APP)).toBe(true)
    expect(isTrustedSender({ ...good, fromMainWindow: false }, APP)).toBe(false)
    expect(isTrustedSender({ ...good, isTopFrame: false }, APP)).toBe(false)
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' }, APP)).toBe(false)
    expect(isTrustedSender({ ...good, frameUrl: null }, APP)).toBe(false)
  })

  it('describeSender reads which window and frame a call came from', () => {
    const { window } = fakeWindow()
    const parent = { url: APP, parent: null }
    expect(describeSender({ sender: window.webContents, senderFrame: parent }, window)).toEqual({
      fromMainWindow: true,
      isTopFrame: true,
      frameUrl: APP
    })
    expect(
      describeSender({ sender: window.webContents, senderFrame: { url: APP, parent } }, window).isTopFrame
    ).toBe(false)
    expect(describeSender({ sender: {}, senderFrame: null }, window)).toEqual({
      fromMainWindow: false,
      isTopFrame: false,
      frameUrl: null
    })
    expect(describeSender({ sender: window.webContents, senderFrame: parent }, null).fromMainWindow).toBe(
      false
    )
    window.destroyed = true
    expect(describeSender({ sender: window.webContents, senderFrame: parent }, window).fromMainWindow).toBe(
      false
    )
  })
})

describe('setupIpc', () => {
  it('passes calls from the app page to the dispatcher and returns its Result', async () => {
    const t = setup()
    const reply = await t.invoke(t.topFrame('stockroom://app/index.html#/items'), 'app:info', {})
    expect(reply).toEqual({ ok: true, value: { answered: 'app:info' } })
    expect(t.calls).toEqual([['app:info', {}]])
  })

  it("drops calls from frames that are not the app's top frame, with an unauthorized Result", async () => {
    const t = setup()
    const attempts: InvokeEventLike[] = [
      t.topFrame('https://evil.example/'),
      { sender: t.window.webContents, senderFrame: { url: APP, parent: { url: APP, parent: null } } },
      { sender: { other: 'window' }, senderFrame: { url: APP, parent: null } },
      { sender: t.window.webContents, senderFrame: null }
    ]
    for (const event of attempts) {
      expect(await t.invoke(event, 'connections:list', {})).toEqual({
        ok: false,
        error: { code: 'unauthorized', message: UNTRUSTED_SENDER_MESSAGE }
      })
    }
    expect(t.calls).toEqual([])
    expect(t.logged).toHaveLength(4)
    expect(t.logged[0]).toContain('https://evil.example/')
  })

  it('forwards bus events to the app page on the event channel', () => {
    const t = setup()
    t.events.emit('app:online', { online: false })
    t.events.emit('sync:requested', { reason: 'tray' })
    expect(t.sent).toEqual([
      [IPC_EVENT, 'app:online', { online: false }],
      [IPC_EVENT, 'sync:requested', { reason: 'tray' }]
    ])
  })

  it('sends nothing to a window that shows something else or is gone', () => {
    const t = setup('https://evil.example/')
    t.events.emit('app:online', { online: true })
    t.window.webContents.url = APP
    t.window.webContents.destroyed = true
    t.events.emit('app:online', { online: true })
    t.window.destroyed = true
    t.events.emit('app:online', { online: true })
    expect(t.sent).toEqual([])
  })

  it('undoes both directions on dispose', () => {
    const t = setup()
    t.dispose()
    expect(t.handlers.size).toBe(0)
    t.events.emit('app:online', { online: true })
    expect(t.sent).toEqual([])
  })
})
