import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SEED, DEMO_SIZE } from '../../src/main/demo/demo'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { e2eAvailability, launchBrowser, openApp, screenshot, startHost, type RunningHost } from './harness'

const availability = e2eAvailability()

/**
 * A keyboard-wedge scanner: keystrokes a few ms apart, then Enter. A real scanner's
 * keys carry the OS's timestamps however busy the page is; keys sent over CDP are
 * stamped when they are dispatched, and each waits for the previous one to be
 * handled, so a burst sent while the page is still rendering the last scan would be
 * stretched out. Starting when the page is idle keeps the burst as fast as a scanner's.
 */
async function scan(page: Page, code: string) {
  await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 2000 })))
  await page.keyboard.type(code, { delay: 3 })
  await page.keyboard.press('Enter')
}

/** Waits for the banner of the next scan (every scan or undo bumps its sequence number). */
async function nextBanner(page: Page, after: number, action: () => Promise<void>) {
  await action()
  const banner = page.getByTestId('scan-banner')
  await expect.poll(async () => Number(await banner.getAttribute('data-seq'))).toBeGreaterThan(after)
  return {
    status: await banner.getAttribute('data-status'),
    seq: Number(await banner.getAttribute('data-seq'))
  }
}

const counted = (page: Page, sku: string) =>
  page
    .locator(`[data-testid="count-line"][data-sku="${sku}"] [data-testid="count-line-counted"]`)
    .textContent()

describe.skipIf(!availability.run)('counting a warehouse with a USB scanner', () => {
  let host: RunningHost
  let browser: Browser

  beforeAll(async () => {
    host = await startHost()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  it('scans into a count, undoes, refuses a bad check digit and reviews the variances', async () => {
    // The dataset the demo generated (same seed and size) tells which products stand where.
    const data = generateFrostbyte({ seed: DEMO_SEED, size: DEMO_SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const stocked = data.products
      .all()
      .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials && p.barcode?.length === 13)
      .map((p) => {
        const row = data.stockOf(p.id).find((r) => r.warehouseId === warehouse.id)
        const onHand = row ? row.cells.reduce((n, c) => n + c.onHand, 0) : 0
        return { sku: p.sku, barcode: p.barcode!, onHand }
      })
      .filter((p) => p.onHand >= 3 && Number.isInteger(p.onHand))
    const [a, b, c] = stocked
    if (!a || !b || !c) throw new Error('the demo data has no three stocked products in one warehouse')

    const page = await openApp(browser, host.url)
    await page.locator('[data-section="connections"]').click()
    await expect
      .poll(() => page.getByTestId('sync-stock-on-hand').textContent(), { timeout: 120_000 })
      .toMatch(/^up to date/)

    await page.locator('[data-section="count"]').click()
    await page.getByTestId('count-location').click()
    await page.getByTestId('count-location').fill(warehouse.name)
    await page.getByRole('option', { name: `${warehouse.name} (whole warehouse)` }).click()
    await expect.poll(() => page.getByTestId('count-location-stock').textContent()).toMatch(/stock recorded/)
    await page.getByTestId('count-start-button').click()
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    expect(await page.getByTestId('scan-banner').getAttribute('data-status')).toBe('ready')

    await page.evaluate(() => {
      const w = window as unknown as { keys: string[] }
      w.keys = []
      for (const t of ['keydown', 'keyup', 'keypress'])
        window.addEventListener(
          t,
          (e) => {
            const k = e as KeyboardEvent
            w.keys.push(
              `${t[3]}${k.key}${k.repeat ? 'R' : ''}@${k.timeStamp.toFixed(1)}/${performance.now().toFixed(1)}`
            )
          },
          true
        )
    })
    // A, B, A: two lines, A counted twice.
    let seq = 0
    for (const code of [a.barcode, b.barcode, a.barcode]) {
      const banner = await nextBanner(page, seq, () => scan(page, code))
      if (banner.status !== 'counted')
        console.log(
          code,
          await page.getByTestId('scan-banner').textContent(),
          await page.evaluate(() => (window as unknown as { keys: string[] }).keys.join(' '))
        )
      expect(banner.status).toBe('counted')
      seq = banner.seq
    }
    await expect.poll(() => page.getByTestId('count-line').count()).toBe(2)
    await expect.poll(() => counted(page, a.sku)).toBe('2')
    expect(await counted(page, b.sku)).toBe('1')
    // Expected is what the replica said at the first count of the line.
    expect(await page.locator(`[data-testid="count-line"][data-sku="${a.sku}"]`).textContent()).toContain(
      a.onHand.toLocaleString('en')
    )

    // Undo takes back the last scan only.
    seq = (await nextBanner(page, seq, () => page.getByTestId('count-undo').click())).seq
    expect(await page.getByTestId('scan-banner').getAttribute('data-status')).toBe('undone')
    await expect.poll(() => counted(page, a.sku)).toBe('1')
    expect(await counted(page, b.sku)).toBe('1')

    // A misread (wrong check digit) is shown as such and counts nothing.
    const last = Number(a.barcode.at(-1))
    const misread = a.barcode.slice(0, 12) + String((last + 1) % 10)
    const refused = await nextBanner(page, seq, () => scan(page, misread))
    seq = refused.seq
    expect(refused.status).toBe('invalid')
    expect(await page.getByTestId('scan-error').textContent()).toMatch(/check digit/)
    expect(await page.getByTestId('scan-banner').getAttribute('data-tone')).toBe('error')
    expect(await page.getByTestId('count-line').count()).toBe(2)

    // A scan while a text field has focus: the field keeps what was typed, nothing of the scan.
    await page.getByTestId('count-code').click()
    await page.keyboard.type('abc', { delay: 120 })
    seq = (await nextBanner(page, seq, () => scan(page, b.barcode))).seq
    expect(await page.getByTestId('count-code').inputValue()).toBe('abc')
    await expect.poll(() => counted(page, b.sku)).toBe('2')
    await page.getByTestId('count-code').fill('')

    // A typed quantity applies to the next scan, which lands in the count and not in the quantity field.
    await page.getByTestId('count-quantity').fill('3')
    const third = await nextBanner(page, seq, () => scan(page, c.barcode))
    seq = third.seq
    expect(third.status).toBe('counted')
    await expect.poll(() => counted(page, c.sku)).toBe('3')
    expect(await page.getByTestId('scan-figure').textContent()).toBe('+3')
    expect(await page.getByTestId('count-quantity').inputValue()).toBe('')
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await screenshot(page, 'count-session')

    await page.getByTestId('count-review-button').click()
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(3)
    expect(await page.getByTestId('review-counted').textContent()).toBe('6')
    expect(await page.getByTestId('review-expected').textContent()).toBe(
      (a.onHand + b.onHand + c.onHand).toLocaleString('en')
    )
    const variance = `−${(a.onHand + b.onHand + c.onHand - 6).toLocaleString('en')}`
    expect(await page.getByTestId('review-variance').textContent()).toBe(variance)
    await screenshot(page, 'count-review')

    // Reopened after a restart: the count is where it was, still in review.
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    await page.locator('[data-section="count"]').click()
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(3)
    expect(await page.getByTestId('review-counted').textContent()).toBe('6')
    await page.close()
  })
})
