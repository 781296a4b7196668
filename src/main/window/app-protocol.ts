import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { CustomScheme, Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from './app-url'

/**
 * `standard` gives the scheme real origins; `secure` makes it a secure context
 * (Web Locks, crypto.subtle); `supportFetchAPI` lets the page fetch its own
 * assets (sounds). No CORS and no service workers: nothing else needs them.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true }
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg'
}

/**
 * Serves the built renderer for stockroom://app/. Nothing outside
 * `rendererDir` is reachable; an extensionless path falls back to index.html
 * (client-side routes), a missing asset is a 404. The CSP travels with every
 * response because session webRequest hooks do not see custom schemes.
 */
export function createAppProtocolHandler(rendererDir: string, contentSecurityPolicy: string) {
  const base = resolve(rendererDir) + sep
  const reply = (status: number, text: string) =>
    new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return reply(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, 'Method not allowed')
    let path: string
    try {
      path = decodeURIComponent(url.pathname)
    } catch {
      return reply(400, 'Bad path')
    }
    let file = normalize(join(base, path))
    if (!file.startsWith(base) && file + sep !== base) return reply(403, 'Forbidden')

    const found = await stat(file).catch(() => null)
    if (!found || found.isDirectory()) {
      if (found || extname(path) === '') file = join(base, 'index.html')
      else return reply(404, 'Not found')
    }
    const body = await readFile(file).catch(() => null)
    if (!body) return reply(500, 'The app is not built. Run: npm run build')
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache'
      }
    })
  }
}

/** Must run after `app` is ready; the scheme itself is registered before ready. */
export function setupAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  contentSecurityPolicy: string
): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, contentSecurityPolicy))
}
