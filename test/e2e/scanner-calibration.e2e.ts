import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, plainStock, startCountAt } from './count-page'
import { dismissNotices, e2eAvailability, openApp, screenshot } from './harness'
import { counted, nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 29
const SIZE = 200
/** The code of the test label the settings show. */
const TEST_LABEL = '4006381333931'
/** A slow wireless scanner: 70 ms between keys, twice the default limit. */
const SLOW_MS = 70

const openSettings = async (page: Page) => {
  await page.getByTestId('scanner-settings').click()
  await page.getByRole('dialog', { name: 'Scanner settings' }).waitFor()
}
const closeSettings = async (page: Page) => {
  await page.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('dialog', { name: 'Scanner settings' }).waitFor({ state: 'hidden' })
}
const bannerSeq = async (page: Page) => Number(await page.getByTestId('scan-banner').getAttribute('data-seq'))

describe.skipIf(!availability.run)('scanners as they are', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it("calibration sets the gap from a slow scanner's burst; repeats are ignored only when asked", async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const [a] = plainStock(data, warehouse.id).filter((p) => p.onHand >= 1)
    if (!a) throw new Error('no plain product with stock in the first warehouse')
    expect(data.products.all().some((p) => p.barcode === TEST_LABEL)).toBe(false)

    const page = await openApp(app.browser, app.host.url)
    await connectAndSync(page, app.vendor)
    await startCountAt(page, warehouse.name)
    await dismissNotices(page)

    // Before calibration the slow scanner's burst is read as typing: it lands in the field, nothing is counted.
    await page.getByTestId('count-quantity').click()
    await scan(page, a.barcode, SLOW_MS)
    await expect.poll(() => page.getByTestId('count-quantity').inputValue()).toBe(a.barcode)
    expect(await bannerSeq(page)).toBe(0)
    expect(
      await page
        .locator(`[data-testid="count-line"][data-sku="${a.sku}"] [data-testid="count-line-counted"]`)
        .count()
    ).toBe(0)
    await page.getByTestId('count-quantity').fill('')

    // Calibrate: the test label, scanned twice by the same slow scanner.
    await openSettings(page)
    // At 1024 pixels the two number fields stand side by side, their boxes on one line.
    await page.setViewportSize({ width: 1024, height: 768 })
    const top = async (label: string) => (await page.getByLabel(label).boundingBox())?.y
    expect(await top('Longest gap between keys (ms)')).toBe(await top('Shortest code'))
    expect(await page.getByTestId('scanner-max-gap').inputValue()).toBe('35')
    await page.getByTestId('calibrate-start').click()
    expect(await page.getByRole('img', { name: `Test barcode ${TEST_LABEL}` }).count()).toBe(1)
    await page.getByTestId('calibration-label').scrollIntoViewIfNeeded()
    await screenshot(page, 'scanner-calibration-label')
    const result = page.getByTestId('calibration-result')
    await scan(page, TEST_LABEL, SLOW_MS)
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('again')
    await scan(page, TEST_LABEL, SLOW_MS)
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('set')
    expect(await result.textContent()).toBe(
      'Your scanner sent 13 characters with gaps up to 70 ms. Scans are now told from typing at up to 105 ms between keys.'
    )
    expect(await page.getByTestId('scanner-max-gap').inputValue()).toBe('105')
    // Calibration took those keys for itself: none reached the count.
    expect(await bannerSeq(page)).toBe(0)
    await result.scrollIntoViewIfNeeded()
    await screenshot(page, 'scanner-calibrated')
    expect(await page.getByTestId('scanner-ignore-repeats').isChecked()).toBe(false)
    await closeSettings(page)

    // The same slow burst now counts its item.
    const slow = await nextBanner(page, 0, () => scan(page, a.barcode, SLOW_MS))
    expect(slow.status).toBe('counted')
    await expect.poll(() => counted(page, a.sku)).toBe('1')

    // Repeats are not ignored by default: a double scan counts twice.
    const doubled = await nextBanner(page, slow.seq, async () => {
      await scan(page, a.barcode)
      await scan(page, a.barcode)
    })
    await expect.poll(() => counted(page, a.sku)).toBe('3')

    // Turned on (1 s): the second scan of a double is not counted, and the person is told.
    await openSettings(page)
    await page.getByTestId('scanner-ignore-repeats').click()
    expect(await page.getByTestId('scanner-ignore-repeats').isChecked()).toBe(true)
    expect(await page.getByTestId('scanner-repeat-window').inputValue()).toBe('1000')
    await closeSettings(page)
    const firstAt = Date.now()
    const once = await nextBanner(page, doubled.seq, () => scan(page, a.barcode))
    expect(once.status).toBe('counted')
    const again = await nextBanner(page, once.seq, () => scan(page, a.barcode))
    expect(again.status).toBe('info')
    expect(await page.getByTestId('scan-banner').getAttribute('data-tone')).toBe('repeat')
    expect(await page.getByTestId('scan-title').textContent()).toBe('Same code again within 1 s — ignored')
    expect(await page.getByTestId('scan-banner').textContent()).toContain('It was not counted again.')
    expect(await page.evaluate(() => document.documentElement.dataset.tone)).toMatch(/^repeat:/)
    await expect.poll(() => counted(page, a.sku)).toBe('4')
    await screenshot(page, 'scanner-repeat-ignored')

    // Outside the window the same code counts again.
    await expect.poll(() => Date.now() - firstAt > 1500, { timeout: 5000 }).toBe(true)
    const later = await nextBanner(page, again.seq, () => scan(page, a.barcode))
    expect(later.status).toBe('counted')
    await expect.poll(() => counted(page, a.sku)).toBe('5')
    await page.close()
  })
})
