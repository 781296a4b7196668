import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy'
import {
  contentSecurityPolicyFor,
  guardWebContents,
  isPermissionAllowed,
  navigationDecision,
  setupSessionSecurity,
  shouldOpenExternally,
  windowOpenResponse,
  withContentSecurityPolicy
} from './security'

const APP = 'stockroom://app/index.html'

describe('shouldOpenExternally', () => {
  it('opens web links only', () => {
    expect(shouldOpenExternally('https://frostbyte.example/help')).toBe(true)
    expect(shouldOpenExternally('http://192.168.1.20:8080/')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'stockroom://app/index.html',
      'https://user:pass@example.com/',
      'not a url',
      ''
    ]) {
      expect(shouldOpenExternally(url), url).toBe(false)
    }
  })
})

describe('navigationDecision', () => {
  it('lets the app move within itself, sends web links to the browser, blocks the rest', () => {
    expect(navigationDecision('stockroom://app/index.html#/items', APP)).toBe('allow')
    expect(navigationDecision('https://docs.example.com/', APP)).toBe('open-externally')
    expect(navigationDecision('file:///tmp/x.html', APP)).toBe('block')
  })
})

describe('content security policy', () => {
  it('is the web host policy for the built app', () => {
    expect(contentSecurityPolicyFor(APP)).toBe(CONTENT_SECURITY_POLICY)
  })

  it("allows Vite's inline preamble only when loading the dev server", () => {
    const dev = contentSecurityPolicyFor('http://localhost:5173/')
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain("script-src 'self' 'unsafe-inline'")
  })

  it("replaces whatever policy a response carried, whatever the header's case", () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      'P'
    )
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['P'] })
    expect(withContentSecurityPolicy(undefined, 'P')).toEqual({ 'Content-Security-Policy': ['P'] })
  })
})

describe('permissions', () => {
  it('grants the few the app uses, and only to the app', () => {
    expect(isPermissionAllowed('notifications', APP, APP)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'stockroom://app/', APP)).toBe(true)
    expect(isPermissionAllowed('notifications', 'https://evil.example/', APP)).toBe(false)
    for (const p of [
      'media',
      'geolocation',
      'usb',
      'serial',
      'hid',
      'openExternal',
      'clipboard-read',
      'unknown'
    ]) {
      expect(isPermissionAllowed(p, APP, APP), p).toBe(false)
    }
  })
})

type HeadersListener = (d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void
type RequestHandler = (
  wc: unknown,
  p: string,
  cb: (ok: boolean) => void,
  d: { requestingUrl: string }
) => void
type CheckHandler = (wc: unknown, p: string, origin: string) => boolean

function fakeSession() {
  const hooks: { headers?: HeadersListener; request?: RequestHandler; check?: CheckHandler } = {}
  const session = {
    webRequest: { onHeadersReceived: (l: HeadersListener) => void (hooks.headers = l) },
    setPermissionRequestHandler: (h: RequestHandler) => void (hooks.request = h),
    setPermissionCheckHandler: (h: CheckHandler) => void (hooks.check = h)
  }
  return { session: session as unknown as Session, hooks }
}

describe('setupSessionSecurity', () => {
  it('puts the CSP on responses and routes permission requests and checks through the allowlist', () => {
    const { session, hooks: s } = fakeSession()
    setupSessionSecurity(session, APP)

    let reply: unknown
    s.headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (reply = r))
    expect(reply).toEqual({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })

    const answers: boolean[] = []
    s.request!(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: APP })
    s.request!(null, 'media', (ok) => answers.push(ok), { requestingUrl: APP })
    s.request!(null, 'notifications', (ok) => answers.push(ok), { requestingUrl: 'https://x.example/' })
    expect(answers).toEqual([true, false, false])

    expect(s.check!(null, 'notifications', 'stockroom://app')).toBe(true)
    expect(s.check!(null, 'geolocation', 'stockroom://app')).toBe(false)
  })
})

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => unknown) | null = null
  setWindowOpenHandler(h: (d: { url: string }) => unknown) {
    this.openHandler = h
  }
  /** Emits like Electron: the event object carries url and preventDefault. */
  attempt(kind: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = '') {
    const event = { url, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    this.emit(kind, event, url)
    return event.defaultPrevented
  }
}

describe('guardWebContents', () => {
  const setup = () => {
    const contents = new FakeContents()
    const opened: string[] = []
    guardWebContents(contents as unknown as WebContents, { appUrl: APP, openExternal: (u) => opened.push(u) })
    return { contents, opened }
  }

  it('keeps the window on the app and opens web links in the browser', () => {
    const { contents, opened } = setup()
    expect(contents.attempt('will-navigate', 'stockroom://app/index.html#/scan')).toBe(false)
    expect(contents.attempt('will-navigate', 'https://vendor.example/docs')).toBe(true)
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.attempt('will-redirect', 'https://elsewhere.example/')).toBe(true)
    expect(opened).toEqual(['https://vendor.example/docs', 'https://elsewhere.example/'])
  })

  it('refuses <webview> and every new window', () => {
    const { contents, opened } = setup()
    expect(contents.attempt('will-attach-webview')).toBe(true)
    expect(contents.openHandler!({ url: 'https://help.example/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'stockroom://app/index.html' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://help.example/'])
  })

  it('windowOpenResponse denies even when the link is opened elsewhere', () => {
    const opened: string[] = []
    expect(windowOpenResponse({ url: 'javascript:void 0' }, (u) => opened.push(u))).toEqual({
      action: 'deny'
    })
    expect(opened).toEqual([])
  })
})
