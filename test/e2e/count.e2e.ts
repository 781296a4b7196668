import { describe, expect, it } from 'vitest'
import { DEMO_SEED, DEMO_SIZE } from '../../src/main/demo/demo'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { e2eAvailability, openApp, screenshot, clickOption } from './harness'
import { useApp } from './vendor-app'
import { counted, nextBanner, recordCommitsAndTones, scan, tonesAfterCommits } from './scanner'

const availability = e2eAvailability()

describe.skipIf(!availability.run)('counting a warehouse with a USB scanner', () => {
  const app = useApp({ demo: true })

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
    const known = new Set(data.products.all().map((p) => p.barcode))
    const unknownEan = ['4006381333931', '5012345678900', '0012345678905'].find((code) => !known.has(code))!
    if (!a || !b || !c) throw new Error('the demo data has no three stocked products in one warehouse')

    const page = await openApp(app.browser, app.host.url)
    await page.locator('[data-section="connections"]').click()
    await expect
      .poll(() => page.getByTestId('sync-stock-on-hand').textContent(), { timeout: 120_000 })
      .toMatch(/^up to date/)

    await recordCommitsAndTones(page)
    await page.locator('[data-section="count"]').click()
    await page.getByTestId('count-location').click()
    await page.getByTestId('count-location').fill(warehouse.name)
    await clickOption(page, page.getByRole('option', { name: `${warehouse.name} (whole warehouse)` }))
    await expect.poll(() => page.getByTestId('count-location-stock').textContent()).toMatch(/stock recorded/)
    await page.getByTestId('count-start-button').click()
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    expect(await page.getByTestId('scan-banner').getAttribute('data-status')).toBe('ready')

    // A, B, A: two lines, A counted twice.
    let seq = 0
    for (const code of [a.barcode, b.barcode, a.barcode]) {
      const banner = await nextBanner(page, seq, () => scan(page, code))
      expect(banner.status).toBe('counted')
      seq = banner.seq
    }
    // Each beep means "saved": every scan's write had committed to IndexedDB before its tone sounded.
    expect(await tonesAfterCommits(page)).toEqual([
      { tone: 'tone ok', committed: true },
      { tone: 'tone ok', committed: true },
      { tone: 'tone ok', committed: true }
    ])
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
    // On a busy PC the rest of the scan can reach the page long after its first key, which has
    // already landed in the field: the scan is still one scan, and that key is taken back out.
    seq = (await nextBanner(page, seq, () => scan(page, b.barcode, 3, { after: 1, ms: 600 }))).seq
    expect(await page.getByTestId('count-code').inputValue()).toBe('abc')
    await expect.poll(() => counted(page, b.sku)).toBe('2')
    await page.getByTestId('count-code').fill('')

    // An unknown code is shown, not swallowed, and the item can be found by SKU and counted.
    const unknown = await nextBanner(page, seq, () => scan(page, unknownEan))
    seq = unknown.seq
    expect(unknown.status).toBe('unknown')
    expect(await page.getByTestId('scan-banner').getAttribute('data-tone')).toBe('unknown')
    await page.getByTestId('pick-search').fill(c.sku)
    // The search also finds near matches; the item with that very SKU is among them.
    const pick = page.getByTestId('pick-results').locator('tr', { hasText: c.sku }).getByTestId('pick-item')
    await expect.poll(() => pick.count()).toBe(1)
    await screenshot(page, 'count-unknown')
    seq = (await nextBanner(page, seq, () => pick.click())).seq
    await expect.poll(() => counted(page, c.sku)).toBe('1')

    // A typed quantity applies to the next scan, which lands in the count and not in the quantity field.
    await page.getByTestId('count-quantity').fill('3')
    const third = await nextBanner(page, seq, () => scan(page, c.barcode))
    seq = third.seq
    expect(third.status).toBe('counted')
    await expect.poll(() => counted(page, c.sku)).toBe('4')
    expect(await page.getByTestId('scan-figure').textContent()).toBe('+3')
    expect(await page.getByTestId('count-quantity').inputValue()).toBe('')
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await screenshot(page, 'count-session')

    await page.getByTestId('count-review-button').click()
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(3)
    expect(await page.getByTestId('review-counted').textContent()).toBe('7')
    expect(await page.getByTestId('review-expected').textContent()).toBe(
      (a.onHand + b.onHand + c.onHand).toLocaleString('en')
    )
    const variance = `−${(a.onHand + b.onHand + c.onHand - 7).toLocaleString('en')}`
    expect(await page.getByTestId('review-variance').textContent()).toBe(variance)
    await screenshot(page, 'count-review')

    // Reopened after a restart: the count is where it was, still in review.
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    await page.locator('[data-section="count"]').click()
    await expect.poll(() => page.getByTestId('review-row').count(), { timeout: 15_000 }).toBe(3)
    expect(await page.getByTestId('review-counted').textContent()).toBe('7')

    // Submitting hands the count to the outbox; what the outbox does with it is tested there.
    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect
      .poll(() => page.locator('[data-testid="submit-result"], [data-testid="submit-error"]').count())
      .toBe(1)
    await screenshot(page, 'count-submitted')
    await page.close()
  })
})
