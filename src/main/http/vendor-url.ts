/** Percent-decodes until nothing changes (so `%252e` is seen as `.`); undecodable input stays as is. */
function fullyDecoded(s: string): string {
  for (let i = 0; i < 4; i++) {
    let next: string
    try {
      next = decodeURIComponent(s)
    } catch {
      return s
    }
    if (next === s) return s
    s = next
  }
  return s
}

/**
 * The URL of `path` under the connection's API base, or null when it would leave it. Paths come
 * from connectors, from queued writes and from ids the page sends: none of them
 * may leave the base (dot segments, plain or encoded; `//host`; backslashes;
 * absolute URLs), since the request carries the vendor key.
 */
export function vendorUrl(baseUrl: string, path: string): URL | null {
  const base = new URL(baseUrl.replace(/\/$/, ''))
  // A query may follow; it cannot change where the request goes.
  const decoded = fullyDecoded(path.split('?')[0]!)
  const refused =
    !path.startsWith('/') ||
    /[\\#]/.test(decoded) ||
    [...decoded].some((ch) => ch.charCodeAt(0) < 0x20) ||
    // An empty segment is how `//host` and `/http://host` start; a dot segment climbs out.
    (decoded !== '/' &&
      decoded
        .slice(1)
        .split('/')
        .some((segment) => segment === '' || segment === '.' || segment === '..'))
  const basePath = base.pathname.replace(/\/$/, '')
  const url = refused ? null : new URL(base.origin + basePath + path)
  return url && url.origin === base.origin && url.pathname.startsWith(basePath + '/') ? url : null
}
