import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy'
import { isAppUrl } from './app-url'

/** Only web pages go to the system browser; file:, javascript:, custom schemes never do. */
export function shouldOpenExternally(url: string): boolean {
  try {
    const { protocol, username, password } = new URL(url)
    return (protocol === 'https:' || protocol === 'http:') && !username && !password
  } catch {
    return false
  }
}

export type NavigationDecision = 'allow' | 'open-externally' | 'block'

/** The window only ever shows the app; a link elsewhere opens in the browser instead. */
export function navigationDecision(url: string, appUrl: string): NavigationDecision {
  if (isAppUrl(url, appUrl)) return 'allow'
  return shouldOpenExternally(url) ? 'open-externally' : 'block'
}

/**
 * The policy the web host serves, plus what Vite's dev server needs when the
 * window loads it (an inline React refresh preamble). The built app never
 * gets the relaxed policy: it is served from stockroom://, not http.
 */
export function contentSecurityPolicyFor(appUrl: string): string {
  if (!/^https?:/.test(appUrl)) return CONTENT_SECURITY_POLICY
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
}

/** Response headers with our CSP replacing any the server sent (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value
  }
  out['Content-Security-Policy'] = [policy]
  return out
}

/**
 * Granted only to the app's own page: notifications (low-stock notices from
 * the page), writing to the clipboard (copy a SKU or an error) and persistent
 * storage (the replica and outbox must not be evicted). Everything else —
 * camera, location, USB, serial… — is refused; the scanner is a keyboard.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
  'persistent-storage'
])

export function isPermissionAllowed(permission: string, requestingUrl: string, appUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, appUrl)
}

/** Headers and permissions for every page of the session; run once, after ready. */
export function setupSessionSecurity(session: Session, appUrl: string): void {
  const policy = contentSecurityPolicyFor(appUrl)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) })
  })
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appUrl)
  )
}

export interface ContentsGuardOptions {
  appUrl: string
  openExternal: (url: string) => void
}

/**
 * Applied to every web contents the app creates (see app 'web-contents-created'):
 * no navigation away from the app, no new windows, no <webview>.
 */
export function guardWebContents(
  contents: WebContents,
  { appUrl, openExternal }: ContentsGuardOptions
): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    const decision = navigationDecision(url, appUrl)
    if (decision === 'allow') return
    event.preventDefault()
    if (decision === 'open-externally') openExternal(url)
  }
  contents.on('will-navigate', (event) => guard(event, event.url))
  contents.on('will-redirect', (event) => guard(event, event.url))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler((details) => windowOpenResponse(details, openExternal))
}

export function windowOpenResponse(
  details: Pick<HandlerDetails, 'url'>,
  openExternal: (url: string) => void
): WindowOpenHandlerResponse {
  if (shouldOpenExternally(details.url)) openExternal(details.url)
  return { action: 'deny' }
}
