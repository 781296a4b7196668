import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../host/content-security-policy'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav'
}

const NOT_BUILT = 'The app is not built. Run: npm run build'

export interface StaticGuard {
  /** Null when the request may be served; otherwise why not. */
  refuseRequest(req: IncomingMessage): string | null
  /** The Set-Cookie header that admits the browser's later requests, for a request that brought the token. */
  grant(req: IncomingMessage): string | undefined
  /** The app's document as this launch serves it. */
  injectInto(html: string): string
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff'
}

/**
 * Serves the built renderer; unknown paths fall back to index.html, nothing
 * outside `root` is reachable, and only requests the guard admits are served.
 */
export function createStaticHandler(root: string, guard: StaticGuard) {
  const base = normalize(root + sep)
  const index = join(base, 'index.html')
  return async (req: IncomingMessage, res: ServerResponse) => {
    const refused = guard.refuseRequest(req)
    if (refused === 'no access token') {
      res
        .writeHead(403, { 'Content-Type': 'text/plain' })
        .end(
          'Open Stockroom at the address it printed when it started: that address carries its access token.'
        )
      return
    }
    if (refused) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('This address does not serve Stockroom.')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    let file = normalize(join(base, decodeURIComponent(url.pathname)))
    if (!file.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    const info = await stat(file).catch(() => null)
    if (!info || info.isDirectory()) file = index
    if (file === index) return serveDocument(req, res)
    const found = await stat(file).catch(() => null)
    if (!found) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(NOT_BUILT)
      return
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': found.size,
      ...securityHeaders,
      'Cache-Control': 'no-cache'
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  }

  /** The document carries this launch's secret: never cached, never stale after a restart. */
  async function serveDocument(req: IncomingMessage, res: ServerResponse) {
    const html = await readFile(index, 'utf8').catch(() => null)
    if (html === null) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(NOT_BUILT)
      return
    }
    const body = Buffer.from(guard.injectInto(html))
    const admit = guard.grant(req)
    res.writeHead(200, {
      'Content-Type': types['.html'],
      'Content-Length': body.length,
      ...securityHeaders,
      'Cache-Control': 'no-store',
      ...(admit && { 'Set-Cookie': admit })
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
