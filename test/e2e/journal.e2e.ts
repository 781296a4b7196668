import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, plainStock, startCountAt } from './count-page'
import { e2eAvailability, openApp, screenshot } from './harness'
import { nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 23
const SIZE = 300

describe.skipIf(!availability.run)('a queued write outlives the loss of IndexedDB', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('IndexedDB is deleted under a queued count: restored from the journal, said plainly, sent exactly once', async () => {
    const { vendor, host, browser } = app
    let page = await openApp(browser, host.url)
    await connectAndSync(page, vendor)

    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const a = plainStock(data, warehouse.id).find((p) => p.onHand > 0)
    if (!a) throw new Error('no plain product stocked in the first warehouse')

    // Counted and submitted while the vendor is away: the write waits in the outbox.
    await vendor.cutOff()
    await startCountAt(page, warehouse.name)
    await nextBanner(page, 0, () => scan(page, a.barcode))
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
