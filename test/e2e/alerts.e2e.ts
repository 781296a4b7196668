import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import {
  addConnectionThroughUi,
  e2eAvailability,
  openApp,
  screenshot,
  type RunningVendor,
  clickOption
} from './harness'
import { useApp } from './vendor-app'
import { scan } from './scanner'

const availability = e2eAvailability()
const SEED = 7
const SIZE = 300

/** What someone does in the vendor's own app, through its API. */
async function vendorWrite(vendor: RunningVendor, method: 'POST' | 'PUT', path: string, body: unknown) {
  const res = await fetch(`${vendor.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${vendor.apiKey}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID()
    },
    body: JSON.stringify(body)
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
}

const statusText = (page: Page, id: string) => page.getByTestId(id).textContent()

describe.skipIf(!availability.run)('telling people what is happening', () => {
  const app = useApp({ vendors: [['--vendor', 'frostbyte', '--size', String(SIZE), '--seed', String(SEED)]] })

  it('low stock reaches the notifier and opens the item; Activity, Low stock list and status bar tell the truth', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const plain = data.products
      .all()
      .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials && p.minStockLevel > 0)
    const inOneWarehouse = (id: string) => new Set(data.stockOf(id).map((s) => s.warehouseId)).size === 1
    // X runs low at the vendor; Z is counted in Stockroom after the vendor deactivated it.
    const x = plain.find((p) => inOneWarehouse(p.id) && data.totalOnHand(p.id) > p.minStockLevel + 5)!
    const z = plain.find(
      (p) => p !== x && inOneWarehouse(p.id) && p.barcode?.length === 13 && data.totalOnHand(p.id) >= 3
    )!
    expect(x && z).toBeTruthy()

    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, { name: 'Wellington', url: app.vendor.url, apiKey: app.vendor.apiKey })

    // The first sync: one summary of what is low, not one notice per item.
    const notices = page.getByTestId('host-notice')
    await expect.poll(() => notices.count(), { timeout: 90_000 }).toBe(1)
    expect(await notices.textContent()).toMatch(/\d+ items are low at Wellington/)
    await screenshot(page, 'alerts-first-sync-notice')

    // Clicked, it opens the Low stock list: the emptiest first, with its chart.
    await notices.click()
    await expect.poll(() => page.getByTestId('low-row').count()).toBeGreaterThan(1)
    expect(await page.getByTestId('low-stock-bar').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('low-stock-chart').textContent()).toContain('Wellington')
    expect(await statusText(page, 'status-low')).toMatch(/^\d+ items low$/)
    await screenshot(page, 'alerts-low-stock-view')

    // The vendor's stock of X drops below its minimum; the next sync tells exactly that, once.
    const wh = data.stockOf(x.id)[0]!.warehouseId
    await vendorWrite(app.vendor, 'POST', '/stock-adjustments', {
      reason: 'DAMAGE',
      lines: [
        { productId: x.id, warehouseId: wh, quantityChange: x.minStockLevel - 1 - data.totalOnHand(x.id) }
      ]
    })
    await page.locator('[data-section="connections"]').click()
    // A sync still running reads Stop: Sync now is pressed once it has ended.
    await page.getByRole('button', { name: 'Sync now', exact: true }).click({ timeout: 120_000 })
    const lowX = notices.filter({ hasText: `Low stock: ${x.sku}` })
    await expect.poll(() => lowX.count(), { timeout: 60_000 }).toBe(1)
    expect(await lowX.textContent()).toContain(`${x.minStockLevel - 1}`)
    await screenshot(page, 'alerts-item-notice')
    await lowX.click()
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    expect(await page.getByTestId('item-detail').textContent()).toContain(x.sku)
    await screenshot(page, 'alerts-notice-opens-item')
    await page.keyboard.press('Escape')

    // A write the vendor refuses (Z was deactivated there after the sync): in review, none waiting.
    await vendorWrite(app.vendor, 'PUT', `/products/${z.id}`, { isActive: false })
    const zWarehouse = data.warehouses.find((w) => w.id === data.stockOf(z.id)[0]!.warehouseId)!
    await page.locator('[data-section="count"]').click()
    await page.getByTestId('count-location').click()
    await page.getByTestId('count-location').fill(zWarehouse.name)
    await clickOption(page, page.getByRole('option', { name: `${zWarehouse.name} (whole warehouse)` }))
    await page.getByTestId('count-start-button').click()
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    await scan(page, z.barcode!)
    await expect.poll(() => page.getByTestId('count-line').count()).toBe(1)
    await page.getByTestId('count-review-button').click()
    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByTestId('status-review').count(), { timeout: 30_000 }).toBe(1)
    expect(await statusText(page, 'status-review')).toBe('1 write in review')
    expect(await statusText(page, 'status-pending')).toBe('No writes waiting')
    await screenshot(page, 'status-writes-in-review')

    // Activity: the syncs, the crossings and the write, each linked to what it is about.
    await page.locator('[data-section="activity"]').click()
    const entries = (kind: string) => page.locator(`[data-testid="activity-entry"][data-kind="${kind}"]`)
    // The count queued as a write, then the vendor's refusal.
    await expect.poll(() => entries('write').count()).toBe(2)
    expect(await entries('sync').count()).toBeGreaterThanOrEqual(2)
    expect(await entries('low-stock').count()).toBe(2)
    expect(await entries('low-stock').first().textContent()).toContain(x.sku)
    expect(await entries('write').first().textContent()).toMatch(
      /Needs review: .*not in your organisation or is inactive/
    )
    expect(await entries('write').last().textContent()).toMatch(/1 difference queued as 1 write/)
    await screenshot(page, 'activity')
    await entries('low-stock').first().getByTestId('activity-link').click()
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    await page.keyboard.press('Escape')

    // A connection whose key the vendor refuses is paused, counted in the status bar, one click away.
    await addConnectionThroughUi(page, { name: 'Auckland', url: app.vendor.url, apiKey: 'not-a-valid-key' })
    await expect
      .poll(() => statusText(page, 'status-attention'), { timeout: 30_000 })
      .toBe('1 connection paused')
    await page.locator('[data-section="items"]').click()
    await page.getByTestId('status-attention').click()
    await expect.poll(() => page.getByTestId('connection-card').count()).toBe(2)
    await screenshot(page, 'status-paused-connection')

    // Offline: said so, and nothing claims to sync or send; asked to sync, it waits for the network.
    const syncNow = page.getByRole('button', { name: 'Sync now', exact: true })
    await expect.poll(() => syncNow.count(), { timeout: 120_000 }).toBe(1)
    await page.context().setOffline(true)
    await expect.poll(() => statusText(page, 'status-online')).toBe('Offline')
    await syncNow.click()
    expect(await statusText(page, 'status-last-sync')).toMatch(/^Sync waits for the network/)
    expect(await page.getByRole('button', { name: 'Stop sync' }).count()).toBe(0)
    expect(await statusText(page, 'status-pending')).toBe('No writes waiting')
    await screenshot(page, 'status-offline')
    await page.context().setOffline(false)
  })
})
