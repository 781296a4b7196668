import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { LAUNCH_META, LAUNCH_PARAM } from '../../shared/host-api/wire'

/** The query parameter of the printed address that carries the access token. */
export const TOKEN_PARAM = 'token'

/**
 * Who may use the web host. The host API carries the vendor keys' power, and
 * any page in any browser on this PC — and any program of any user of it — can
 * reach 127.0.0.1:
 *
 * - nothing is served without the access token printed with the address (as
 *   Jupyter does): the address `?token=…` sets an HttpOnly cookie for this port,
 *   which the page's later requests carry. The token is known to whoever started
 *   the host (and kept in its data directory, readable by that user only), so
 *   another user's program gets no page, hence no launch secret, hence no socket;
 * - the Host header must name this host (loopback, this port), so a page that
 *   rebinds its own name to 127.0.0.1 is served nothing, not even the page;
 * - a socket must come from this host's page (Origin) and present the secret
 *   made at this launch, which only that page receives (a meta tag in the
 *   served document: other origins cannot read it, a restart changes it).
 */
export interface LaunchGuard {
  readonly secret: string
  /** The access token: in the printed address, and in the cookie it sets. */
  readonly token: string
  /** The port is known once the server listens. */
  listening(port: number): void
  /** Null when the request may be served; otherwise why not (for the log). */
  refuseRequest(req: IncomingMessage): string | null
  /** The Set-Cookie header a request that brought the token in its address gets, else undefined. */
  grant(req: IncomingMessage): string | undefined
  /** Null when the upgrade may open a host API socket; otherwise why not. */
  refuseSocket(req: IncomingMessage): string | null
  /** The served document with the secret in its head. */
  injectInto(html: string): string
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost']

/** A new random value, for a launch secret or an access token. */
export const newToken = (): string => randomBytes(32).toString('base64url')

const same = (given: string | null | undefined, wanted: string) => {
  const a = Buffer.from(given ?? '')
  const b = Buffer.from(wanted)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** A cookie's value from a Cookie header. */
function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

export function createLaunchGuard(secret = newToken(), token = newToken()): LaunchGuard {
  let hosts: string[] = []
  let cookieName = 'stockroom-access'
  const sameSecret = (given: string | null) => same(given, secret)
  const tokenInAddress = (req: IncomingMessage) =>
    same(new URL(req.url ?? '/', 'http://localhost').searchParams.get(TOKEN_PARAM), token)
  const refuseHost = (req: IncomingMessage) => {
    const host = req.headers.host?.toLowerCase()
    return host && hosts.includes(host) ? null : `Host ${JSON.stringify(host ?? '(none)')}`
  }
  const refuseRequest = (req: IncomingMessage) => {
    const badHost = refuseHost(req)
    if (badHost) return badHost
    if (tokenInAddress(req) || same(cookie(req.headers.cookie, cookieName), token)) return null
    return 'no access token'
  }
  return {
    secret,
    token,
    listening(port) {
      hosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`)
      // Cookies are per host name, not per port: one per port keeps two hosts apart.
      cookieName = `stockroom-access-${port}`
    },
    refuseRequest,
    grant(req) {
      if (refuseHost(req) || !tokenInAddress(req)) return undefined
      return `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`
    },
    // The socket needs no cookie: its launch secret is only in the page, which only the token opens.
    refuseSocket(req) {
      const badHost = refuseHost(req)
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
