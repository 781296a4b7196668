/**
 * Where the window's page comes from. The built renderer is served from a
 * privileged custom scheme rather than file://, so the page has a real origin
 * of its own (IndexedDB, Web Locks and CSP 'self' all key on it) and cannot
 * read arbitrary local files. The origin must never change between releases:
 * the Dexie replica and the outbox live under it.
 */
export const APP_SCHEME = 'stockroom'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The URL the window loads: electron-vite's dev server when it runs, else the built app. */
export function resolveAppUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? new URL('/', devServerUrl).href : `${APP_ORIGIN}/index.html`
}

/**
 * Whether `url` belongs to the app served at `appUrl`: same scheme and host
 * (any path, query or hash). Compared by hand because Node's URL reports the
 * origin of a non-special scheme such as stockroom:// as "null".
 */
export function isAppUrl(url: string | null | undefined, appUrl: string): boolean {
  if (!url) return false
  const a = tryParse(url)
  const b = tryParse(appUrl)
  if (!a || !b) return false
  if (a.protocol !== b.protocol || a.host !== b.host) return false
  if (a.username || a.password) return false
  // file:// has no host to tell pages apart: only the app's own page counts.
  return a.protocol === 'file:' ? a.pathname === b.pathname : true
}

function tryParse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
