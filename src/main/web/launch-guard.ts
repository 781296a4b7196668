import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { LAUNCH_META, LAUNCH_PARAM } from '../../shared/host-api/wire'

/**
 * Who may use the web host. The host API carries the vendor keys' power, and
 * any page in any browser on this PC can reach 127.0.0.1:
 *
 * - the Host header must name this host (loopback, this port), so a page that
 *   rebinds its own name to 127.0.0.1 is served nothing, not even the page;
 * - a socket must come from this host's page (Origin) and present the secret
 *   made at this launch, which only that page receives (a meta tag in the
 *   served document: other origins cannot read it, a restart changes it).
 */
export interface LaunchGuard {
  readonly secret: string
  /** The port is known once the server listens. */
  listening(port: number): void
  /** Null when the request may be served; otherwise why not (for the log). */
  refuseRequest(req: IncomingMessage): string | null
  /** Null when the upgrade may open a host API socket; otherwise why not. */
  refuseSocket(req: IncomingMessage): string | null
  /** The served document with the secret in its head. */
  injectInto(html: string): string
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost']

export function createLaunchGuard(secret = randomBytes(32).toString('base64url')): LaunchGuard {
  let hosts: string[] = []
  const sameSecret = (given: string | null) => {
    const a = Buffer.from(given ?? '')
    const b = Buffer.from(secret)
    return a.length === b.length && timingSafeEqual(a, b)
  }
  const refuseRequest = (req: IncomingMessage) => {
    const host = req.headers.host?.toLowerCase()
    return host && hosts.includes(host) ? null : `Host ${JSON.stringify(host ?? '(none)')}`
  }
  return {
    secret,
    listening(port) {
      hosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`)
    },
    refuseRequest,
    refuseSocket(req) {
      const badHost = refuseRequest(req)
      if (badHost) return badHost
      const origin = req.headers.origin
      if (!origin || !hosts.some((h) => origin === `http://${h}`))
        return `Origin ${JSON.stringify(origin ?? '(none)')}`
      const given = new URL(req.url ?? '/', 'http://localhost').searchParams.get(LAUNCH_PARAM)
      return sameSecret(given) ? null : given ? 'a wrong launch secret' : 'no launch secret'
    },
    injectInto(html) {
      const meta = `<meta name="${LAUNCH_META}" content="${secret}" />`
      const head = /<head[^>]*>/i.exec(html)
      if (head) return html.replace(head[0], `${head[0]}\n    ${meta}`)
      const doctype = /^<!doctype html>/i.exec(html)
      return doctype ? `${doctype[0]}${meta}${html.slice(doctype[0].length)}` : meta + html
    }
  }
}
