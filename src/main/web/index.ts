import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../../package.json'
import { createNodePlatform } from '../platform/node-platform'
import { createMainServices } from '../services'
import { startWebHost } from './web-host'

/**
 * `npm run web`: the main-side services in plain Node, the built renderer and
 * the host API over WebSocket on 127.0.0.1. Used where Electron cannot run
 * (CI, development machines without the Electron binary) and by E2E tests.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.STOCKROOM_PORT ?? '5180' },
      'data-dir': { type: 'string', default: process.env.STOCKROOM_DATA_DIR },
      'key-dir': { type: 'string', default: process.env.STOCKROOM_KEY_DIR },
      // No demo connection on a first start (also STOCKROOM_NO_DEMO=1).
      'no-demo': { type: 'boolean', default: process.env.STOCKROOM_NO_DEMO === '1' }
    }
  })
  const dataDir = resolve(values['data-dir'] ?? join(homedir(), '.local', 'share', 'stockroom-web'))
  // The key lives apart from the data it protects.
  const keyDir = resolve(values['key-dir'] ?? join(homedir(), '.config', 'stockroom-web-keys'))
  const log = (line: string) => console.log(`[stockroom] ${line}`)
  const platform = createNodePlatform({ dataDir, keyDir, log })
  const services = await createMainServices({ dataDir, platform, version, log, demo: !values['no-demo'] })
  const host = await startWebHost({
    services,
    rendererDir: join(__dirname, '..', 'renderer'),
    port: Number(values.port),
    log
  })
  console.log(`Stockroom web host: ${host.url}`)
  console.log(`Data: ${dataDir}`)

  const stop = async () => {
    await host.close()
    await services.dispose()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException
  if (e.code === 'EADDRINUSE')
    console.error(
      `Stockroom web host: that port is in use. Start with --port 0 for a free port, or STOCKROOM_PORT=NNNN.`
    )
  else console.error(`Stockroom web host failed to start: ${e.message}`)
  process.exit(1)
})
