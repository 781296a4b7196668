import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
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

/** Serves the built renderer; unknown paths fall back to index.html, nothing outside `root` is reachable. */
export function createStaticHandler(root: string) {
  const base = normalize(root + sep)
  return async (req: IncomingMessage, res: ServerResponse) => {
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
    if (!info || info.isDirectory()) file = join(base, 'index.html')
    const found = await stat(file).catch(() => null)
    if (!found) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('The app is not built. Run: npm run build')
      return
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': found.size,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
  }
}
