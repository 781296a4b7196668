import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../../package.json'
import { consoleLog } from '../console-log'
import { createNodePlatform } from '../platform/node-platform'
import { createMainServices } from '../services'
import { hostPortFile } from './host-port'
import { hostToken } from './host-token'
import { startWebHost } from './web-host'

/**
 * `npm run web`: the main-side services in plain Node, the built renderer and
 * the host API over WebSocket on 127.0.0.1. Used where Electron cannot run
 * (CI, development machines without the Electron binary) and by E2E tests.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      // Without one (or with 0) the port this data directory used last, so the page keeps its origin.
      port: { type: 'string', default: process.env.STOCKROOM_PORT },
      'data-dir': { type: 'string', default: process.env.STOCKROOM_DATA_DIR },
      'key-dir': { type: 'string', default: process.env.STOCKROOM_KEY_DIR },
      // No demo connection on a first start (also STOCKROOM_NO_DEMO=1).
      'no-demo': { type: 'boolean', default: process.env.STOCKROOM_NO_DEMO === '1' },
      // Every status line as it comes (each sync, notice, socket); without it only what matters.
      verbose: { type: 'boolean', default: process.env.STOCKROOM_VERBOSE === '1' }
    }
  })
  const dataDir = resolve(values['data-dir'] ?? join(homedir(), '.local', 'share', 'stockroom-web'))
  // The key lives apart from the data it protects.
  const keyDir = resolve(values['key-dir'] ?? join(homedir(), '.config', 'stockroom-web-keys'))
  const log = consoleLog({ verbose: values.verbose === true })
  const platform = createNodePlatform({ dataDir, keyDir, log })
  const services = await createMainServices({ dataDir, platform, version, log, demo: !values['no-demo'] })
  const ports = hostPortFile(dataDir)
  const { port, moved } = await ports.choose(values.port === undefined ? undefined : Number(values.port))
  if (moved)
    log(
      `port ${port} asked for; this data directory's app data (counts, queued writes) is kept by the page at port ${moved}, and stays there`
    )
  const host = await startWebHost({
    services,
    rendererDir: join(__dirname, '..', 'renderer'),
    port,
    token: await hostToken(dataDir),
    log
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') err.message = portInUse(port, dataDir)
    throw err
  })
  await ports.remember(Number(new URL(host.url).port))
  // The address with its access token: only whoever started the host sees it (see launch-guard.ts).
  console.log(`Stockroom web host: ${host.openUrl}`)
  console.log(`Data: ${dataDir}`)

  const stop = async () => {
    // What was asked of the vendors, and what was asked again and why: a benchmark explains each extra request.
    console.log(`Stockroom web host stats: ${JSON.stringify(services.gateway.stats())}`)
    await host.close()
    await services.dispose()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** Another port would be another origin, with an empty store in the browser: say so before advising it. */
const portInUse = (port: number, dataDir: string) =>
  `port ${port} is in use. The app's data in the browser (counts, queued writes) belongs to http://127.0.0.1:${port}, ` +
  `the address this data directory (${dataDir}) uses: close the program holding that port and start again. ` +
  `Starting on another port (--port NNNN) opens the app with an empty outbox at a new address.`

main().catch((err: unknown) => {
  console.error(`Stockroom web host failed to start: ${(err as Error).message}`)
  process.exit(1)
})
