import { describe, expect, it } from 'vitest'
import { generateFraction } from '../../src/main/fakes/fractionerp/generate'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot } from './harness'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 29
const SIZE = 200

/**
 * A vendor sends a whole resource in a shape Stockroom cannot use (here: every
 * purchase order without its id). That resource is not "up to date": the card,
 * the status bar and Activity say it failed, with the reason and the fields the
 * records did carry, in words a supervisor can send to the vendor.
 */
describe.skipIf(!availability.run)('a resource whose every record is unreadable', () => {
  const app = useVendorApp([
    '--vendor',
    'fractionerp',
    '--size',
    String(SIZE),
    '--seed',
    String(SEED),
    '--without-ids',
    '/purchase-orders'
  ])

  it('is shown failed on the card, the status bar and in Activity, with the reason', async () => {
    const orders = generateFraction({ seed: SEED, size: SIZE, now: () => new Date() }).purchaseOrders.size
    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      system: 'FractionERP',
      name: 'Moulding shop',
      url: app.vendor.url,
      apiKey: '',
      login: app.vendor.login!
    })
    await expect
      .poll(() => page.getByTestId('sync-shipments').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)

    // The card: the resource line and the failure, with the reason and the record's field names.
    const words = new RegExp(
      `Purchase orders: all ${orders.toLocaleString('en')} records FractionERP sent could not be read ` +
        `\\(no id — the record's fields: po_number, supplier_name, status`
    )
    expect(await page.getByTestId('sync-purchase-orders').textContent()).toMatch(/^unreadable · /)
    await expect
      .poll(() => page.getByTestId('resource-failure-purchase-orders').textContent(), { timeout: 30_000 })
      .toMatch(words)
    expect(await page.getByTestId('resource-failures').textContent()).toContain(
      '1 kind of data could not be synced; the rest is up to date'
    )
    // The status bar.
    await expect
      .poll(() => page.getByTestId('status-attention').textContent(), { timeout: 30_000 })
      .toBe('1 connection failing — Moulding shop: Purchase orders unreadable (no id)')
    await screenshot(page, 'unreadable-resource-card')

    // Activity.
    await page.locator('[data-section="activity"]').click()
    await expect
      .poll(
        async () =>
          (
            await page
              .getByTestId('activity-entry')
              .filter({ hasText: 'Synced Moulding shop' })
              .allTextContents()
          ).join('\n'),
        { timeout: 30_000 }
      )
      .toMatch(words)
    expect(
      await page
        .getByTestId('activity-entry')
        .filter({ hasText: 'Synced Moulding shop' })
        .first()
        .textContent()
    ).toMatch(/Not synced — Purchase orders: all/)
    await page.close()
  })
})
