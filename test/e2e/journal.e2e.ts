import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import {
  addConnectionThroughUi,
  e2eAvailability,
  launchBrowser,
  openApp,
  screenshot,
  startHost,
  startVendor,
  type RunningHost,
  type RunningVendor
} from './harness'
import { nextBanner, scan } from './scanner'

const availability = e2eAvailability()
const SEED = 23
const SIZE = 300

describe.skipIf(!availability.run)('a queued write outlives the loss of IndexedDB', () => {
  let vendor: RunningVendor
  let host: RunningHost
  let browser: Browser

  beforeAll(async () => {
    vendor = await startVendor(['--size', String(SIZE), '--seed', String(SEED)])
    host = await startHost({ env: { STOCKROOM_NO_DEMO: '1' } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    await vendor?.stop()
  })

  it('IndexedDB is deleted under a queued count: restored from the journal, said plainly, sent exactly once', async () => {
    let page = await openApp(browser, host.url)
    await addConnectionThroughUi(page, { name: 'Main warehouse', url: vendor.url, apiKey: vendor.apiKey })
    await expect
      .poll(() => page.getByTestId('sync-stock-on-hand').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)

    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const [a] = data.products
      .all()
      .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials && p.barcode?.length === 13)
      .filter((p) => data.stockOf(p.id).some((r) => r.warehouseId === warehouse.id))
    if (!a) throw new Error('no plain product stocked in the first warehouse')

    // Counted and submitted while the vendor is away: the write waits in the outbox.
    await vendor.cutOff()
    await page.locator('[data-section="count"]').click()
    await page.getByTestId('count-location').click()
    await page.getByTestId('count-location').fill(warehouse.name)
    await page.getByRole('option', { name: `${warehouse.name} (whole warehouse)` }).click()
    await page.getByTestId('count-start-button').click()
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    await nextBanner(page, 0, () => scan(page, a.barcode!))
    await page.getByTestId('count-review-button').click()
    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByTestId('submit-result').count()).toBe(1)
    await page.locator('[data-section="outbox"]').click()
    await expect.poll(() => page.getByTestId('outbox-entry').count()).toBe(1)

    // The browser loses the database (as Chromium does after a full disk), then the app starts again.
    const origin = new URL(host.url).origin
    await page.goto('about:blank')
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' })
    await page.close()
    page = await openApp(browser, host.url)
    await expect
      .poll(() => page.getByText('Restored from the journal').count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    await expect.poll(() => page.getByText(/nothing you counted is lost/).count()).toBeGreaterThan(0)
    await page.locator('[data-section="outbox"]').click()
    await expect.poll(() => page.getByTestId('outbox-entry').count()).toBe(1)
    await screenshot(page, 'journal-restored')

    // The vendor returns: the restored write is sent, once.
    await vendor.restore()
    await expect
      .poll(() => page.getByTestId('status-pending').textContent(), { timeout: 90_000 })
      .toBe('All writes sent')
    const ours = (await vendor.adjustments()).filter((adj) =>
      String(adj.notes ?? '').startsWith('Stockroom count')
    )
    expect(ours).toHaveLength(1)
    await page.close()
  })
})
