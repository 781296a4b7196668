import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { MainServices } from '../services'
import { createStaticHandler } from './static-files'
import { attachWsBridge } from './ws-bridge'

export interface WebHostOptions {
  services: MainServices
  rendererDir: string
  port?: number
  host?: string
}

export interface WebHost {
  url: string
  close(): Promise<void>
}

/** Serves the built renderer and the host API on loopback. Port 0 picks a free port. */
export async function startWebHost({
  services,
  rendererDir,
  port = 0,
  host = '127.0.0.1'
}: WebHostOptions): Promise<WebHost> {
  const handleStatic = createStaticHandler(rendererDir)
  const server = createServer((req, res) => {
    handleStatic(req, res).catch(() => res.writeHead(500).end())
  })
  let origin = ''
  const bridge = attachWsBridge(server, services.dispatch, services.events, () => origin)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  origin = `http://${host}:${address.port}`
  return {
    url: `${origin}/`,
    async close() {
      await bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
