import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot, clickOption } from './harness'
import { useVendorApp } from './vendor-app'
import { counted, nextBanner, scan } from './scanner'

const availability = e2eAvailability()
const SEED = 17
const SIZE = 400

describe.skipIf(!availability.run)('counting while the vendor is unreachable', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('queues the count offline, shows it pending, and drains the outbox on its own when the vendor returns', async () => {
    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      name: 'Main warehouse',
      url: app.vendor.url,
      apiKey: app.vendor.apiKey
    })
    await expect
      .poll(() => page.getByTestId('sync-stock-on-hand').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)

    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const [a, b] = data.products
      .all()
      .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials && p.barcode?.length === 13)
      .filter((p) => data.stockOf(p.id).some((r) => r.warehouseId === warehouse.id))
    if (!a || !b) throw new Error('no two plain products stocked in the first warehouse')

    // The vendor goes away.
    await app.vendor.cutOff()

    await page.locator('[data-section="count"]').click()
    await page.getByTestId('count-location').click()
    await page.getByTestId('count-location').fill(warehouse.name)
    await clickOption(page, page.getByRole('option', { name: `${warehouse.name} (whole warehouse)` }))
    await page.getByTestId('count-start-button').click()
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    let seq = 0
    for (const code of [a.barcode!, b.barcode!, b.barcode!])
      seq = (await nextBanner(page, seq, () => scan(page, code))).seq
    await expect.poll(() => counted(page, b.sku)).toBe('2')
    await screenshot(page, 'offline-counting')

    await page.getByTestId('count-review-button').click()
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(2)
    await screenshot(page, 'offline-review')
    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByTestId('submit-result').count()).toBe(1)

    // Queued, not sent: the vendor is unreachable.
    await page.locator('[data-section="outbox"]').click()
    await expect.poll(() => page.getByTestId('outbox-entry').count()).toBe(1)
    await expect
      .poll(() => page.getByTestId('outbox-error').textContent(), { timeout: 30_000 })
      .toMatch(/could not be reached/)
    expect(await page.getByTestId('status-pending').textContent()).toBe('1 write waiting to send')
    // The entry says where the count was, and its change is still to send.
    expect(await page.getByTestId('outbox-entry').textContent()).toContain(`counted at ${warehouse.name}`)
    expect(await page.getByTestId('outbox-change-heading').textContent()).toBe('Change to send')
    expect(await page.getByTestId('status-unreachable').textContent()).toMatch(/unreachable/)
    await screenshot(page, 'outbox-offline')

    // The item's drawer says what waits, whole, and its stock table shows the quantity counted there.
    await page.locator('[data-section="items"]').click()
    await page.getByTestId('item-search').fill(b.sku)
    await page.getByTestId('item-row').filter({ hasText: b.name }).first().click()
    await expect.poll(() => page.getByTestId('item-pending').count()).toBe(1)
    const pending = page.getByTestId('item-pending')
    expect(await pending.textContent()).toBe(
      `Counted 2 at ${warehouse.name}: waiting for the vendor to confirm.`
    )
    expect(await pending.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    expect(await page.getByTestId('item-stock-pending').allTextContents()).toContain('2')
    await page.keyboard.press('Escape')
    await page.locator('[data-section="outbox"]').click()

    // The vendor comes back: the outbox drains by itself (probe, then replay), nobody clicks anything.
    await app.vendor.restore()
    await expect
      .poll(() => page.getByTestId('status-pending').textContent(), { timeout: 90_000 })
      .toBe('All writes sent')
    await page.getByText('All', { exact: true }).click()
    await expect.poll(() => page.locator('[data-testid="outbox-entry"][data-state="done"]').count()).toBe(1)
    expect(await page.getByTestId('outbox-change-heading').textContent()).toBe('Change sent')
    await screenshot(page, 'outbox-drained')
    // Applied once at the vendor, with both lines.
    const ours = (await app.vendor.adjustments()).filter((adj) =>
      String(adj.notes ?? '').startsWith('Stockroom count')
    )
    expect(ours).toHaveLength(1)
    expect(ours[0]!.lines).toHaveLength(2)
    await page.close()
  })
})
