import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { MainServices } from '../services'
import { createLaunchGuard, newToken, TOKEN_PARAM } from './launch-guard'
import { createStaticHandler } from './static-files'
import { attachWsBridge } from './ws-bridge'

export interface WebHostOptions {
  services: MainServices
  rendererDir: string
  port?: number
  host?: string
  /** The access token (kept by the caller across restarts, so an open page stays admitted); new by default. */
  token?: string
  log?: (line: string) => void
}

export interface WebHost {
  /** The host's origin, with a trailing slash. Serves nothing without the token. */
  url: string
  /** The address to open: {@link url} with the access token. Printed for the person who started the host only. */
  openUrl: string
  token: string
  close(): Promise<void>
}

/** Serves the built renderer and the host API on loopback. Port 0 picks a free port. */
export async function startWebHost({
  services,
  rendererDir,
  port = 0,
  host = '127.0.0.1',
  token,
  log = () => {}
}: WebHostOptions): Promise<WebHost> {
  const guard = createLaunchGuard(newToken(), token ?? newToken())
  const handleStatic = createStaticHandler(rendererDir, guard)
  const server = createServer((req, res) => {
    handleStatic(req, res).catch((err: unknown) => {
      log(`could not serve ${req.url ?? '/'}: ${err instanceof Error ? err.message : String(err)}`)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  // A malformed request or a reset connection is that client's problem, never the host's.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  const bridge = attachWsBridge(server, {
    dispatch: services.dispatch,
    events: services.events,
    admit: (req) => guard.refuseSocket(req),
    log
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (err) => log(`web host server error: ${err.message}`))
  const address = server.address() as AddressInfo
  guard.listening(address.port)
  const url = `http://${host}:${address.port}/`
  return {
    url,
    openUrl: `${url}?${TOKEN_PARAM}=${guard.token}`,
    token: guard.token,
    async close() {
      await bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
