import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, startHost, startVendor, type RunningHost, type RunningVendor } from './harness'

export interface VendorApp {
  vendor: RunningVendor
  host: RunningHost
  browser: Browser
}

/**
 * A fake vendor in its own process, a web host without the demo connection, and a
 * browser, started before the suite's tests and stopped after them. `host.url` is
 * the address the host printed, with its access token: open pages with it. Read the
 * returned object inside tests (it is filled in by `beforeAll`).
 */
export function useVendorApp(vendorArgs: string[]): VendorApp {
  const app = {} as VendorApp
  beforeAll(async () => {
    app.vendor = await startVendor(vendorArgs)
    app.host = await startHost({ env: { STOCKROOM_NO_DEMO: '1' } })
    app.browser = await launchBrowser()
  })
  afterAll(async () => {
    await app.browser?.close()
    await app.host?.stop()
    await app.vendor?.stop()
  })
  return app
}
