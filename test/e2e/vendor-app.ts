import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { launchBrowser, startHost, startVendor, type RunningHost, type RunningVendor } from './harness'

export interface App {
  /** The fake vendors, in the order asked for, each in its own process. */
  vendors: RunningVendor[]
  host: RunningHost
  browser: Browser
}

export interface VendorApp extends App {
  /** The first (or only) fake vendor. */
  vendor: RunningVendor
  /**
   * `kill -9` of the web host, then a new one on what it left (same data and key
   * directories, same port): as a crash and a restart of the app. Needs `keepDirs`.
   */
  crashAndRestartHost(): Promise<void>
}

export interface AppOptions {
  /** Arguments of each fake vendor to start (see src/main/web/fake-vendor.ts). */
  vendors?: string[][]
  /** Start the web host with its demo connections, as a first start does (default: without). */
  demo?: boolean
  /** Data and key directories that outlive a host, so the app can be crashed and started again on them. */
  keepDirs?: boolean
}

/**
 * The one start-up of the E2E suite: fake vendors in their own processes, a web
 * host (with its own temp data) and a browser, started before the suite's tests and
 * stopped after them. Read the returned object inside tests (`beforeAll` fills it in).
 */
export function useApp(o: AppOptions = {}): VendorApp {
  const app = {
    vendors: [] as RunningVendor[],
    get vendor(): RunningVendor {
      const first = this.vendors[0]
      if (!first) throw new Error('This suite started no fake vendor.')
      return first
    }
  } as VendorApp
  let root: string | undefined
  const hostOptions = () => ({
    ...(!o.demo && { env: { STOCKROOM_NO_DEMO: '1' } }),
    ...(root && { dataDir: join(root, 'data'), keyDir: join(root, 'keys') })
  })
  app.crashAndRestartHost = async () => {
    if (!root) throw new Error('Start the app with keepDirs to restart its host on what it left.')
    const before = app.host.url
    await app.host.kill()
    app.host = await startHost(hostOptions())
    // The same origin: the open page's IndexedDB is still its own.
    if (app.host.url !== before) throw new Error(`the host came back on ${app.host.url}, not ${before}`)
  }
  beforeAll(async () => {
    if (o.keepDirs) root = await mkdtemp(join(tmpdir(), 'stockroom-e2e-kept-'))
    for (const args of o.vendors ?? []) app.vendors.push(await startVendor(args))
    app.host = await startHost(hostOptions())
    app.browser = await launchBrowser()
  })
  // A test that failed while a vendor was cut off must not leave the next test without it.
  afterEach(async () => {
    for (const vendor of app.vendors) if (vendor.offline) await vendor.restore()
  })
  afterAll(async () => {
    await app.browser?.close()
    await app.host?.stop()
    for (const vendor of app.vendors.reverse()) await vendor.stop()
    if (root) await rm(root, { recursive: true, force: true })
  })
  return app
}

/** One fake vendor, a web host without the demo connection, and a browser. */
export function useVendorApp(vendorArgs: string[]): VendorApp {
  return useApp({ vendors: [vendorArgs] })
}
