import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, plainStock, startCountAt } from './count-page'
import { dismissNotices, e2eAvailability, openApp, screenshot } from './harness'
import { counted, nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 23
const SIZE = 300

describe.skipIf(!availability.run)('quantities that cannot go wrong silently', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('never counts a slow scan as a quantity, keeps a late scan whole, and holds a far-off line for a supervisor', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const [a, b, c] = plainStock(data, warehouse.id).filter((p) => p.onHand >= 1 && p.onHand <= 40)
    if (!a || !b || !c) throw new Error('no three plain products with a little stock in the first warehouse')

    const { vendor } = app
    const page = await openApp(app.browser, app.host.url)
    await connectAndSync(page, vendor)
    await startCountAt(page, warehouse.name)

    // 12 typed, then a scan whose keys arrive 40 ms apart: slower than a burst, so typed into the field.
    await page.getByTestId('count-quantity').click()
    await page.keyboard.type('12', { delay: 120 })
    await expect.poll(() => page.getByTestId('count-next-times').textContent()).toBe('× 12')
    await screenshot(page, 'count-next-scan-times')
    await scan(page, b.barcode, 40)
    await expect.poll(() => page.getByTestId('count-quantity').inputValue()).toBe(`12${b.barcode}`)
    expect(await page.getByText('looks like a barcode, not a quantity').count()).toBe(1)
    expect(await page.getByTestId('count-next-times').count()).toBe(0)

    // The next scan counts one unit, says the field was not used, and empties it.
    const first = await nextBanner(page, 0, () => scan(page, a.barcode))
    expect(first.status).toBe('counted')
    expect(await page.getByTestId('scan-figure').textContent()).toBe('+1')
    expect(await page.getByTestId('scan-ignored-quantity').textContent()).toContain(`12${b.barcode}`)
    expect(await page.getByTestId('count-quantity').inputValue()).toBe('')
    await expect.poll(() => counted(page, a.sku)).toBe('1')

    // On a busy PC a scanner's keys can reach the page late, still stamped 3 ms apart as the scanner
    // typed them: a burst held up half-way for 600 ms is one scan, not typing and then a broken scan.
    const late = await nextBanner(page, first.seq, () => scan(page, a.barcode, 3, { after: 5, ms: 600 }))
    expect(late.status).toBe('counted')
    await expect.poll(() => counted(page, a.sku)).toBe('2')
    // The slow scan's item was not counted: at most it stands as expected, with nothing counted.
    const rowB = page.locator(`[data-testid="count-line"][data-sku="${b.sku}"]`)
    expect(await rowB.locator('[data-testid="count-line-counted"]').count()).toBe(0)

    // An unknown scan clears a typed quantity too.
    await page.getByTestId('count-quantity').fill('4')
    const known = new Set(data.products.all().map((p) => p.barcode))
    const unknownEan = ['4006381333931', '5012345678900', '0012345678905'].find((code) => !known.has(code))!
    const unknown = await nextBanner(page, late.seq, () => scan(page, unknownEan))
    expect(unknown.status).toBe('unknown')
    expect(await page.getByTestId('count-quantity').inputValue()).toBe('')

    // A quantity far over what is expected is not counted until confirmed.
    const far = c.onHand * 10 + 500
    await page.getByTestId('count-quantity').fill(String(far))
    const asked = await nextBanner(page, unknown.seq, () => scan(page, c.barcode))
    expect(asked.status).toBe('confirm')
    expect(await page.getByTestId('scan-confirm-reason').textContent()).toMatch(/more than 10×/)
    expect(await page.locator(`[data-testid="count-line"][data-sku="${c.sku}"]`).count()).toBe(0)
    const confirmed = await nextBanner(page, asked.seq, () =>
      page.getByTestId('confirm-quantity-yes').click()
    )
    expect(confirmed.status).toBe('counted')
    await expect.poll(() => counted(page, c.sku)).toBe(far.toLocaleString('en'))

    // At review the line is held: Submit is off until a supervisor approves that quantity.
    await page.getByTestId('count-review-button').click()
    const rowC = page.locator(`[data-testid="review-row"][data-sku="${c.sku}"]`)
    await expect.poll(() => rowC.getAttribute('data-approval')).toBe('needed')
    expect(await page.getByTestId('submit-count').isDisabled()).toBe(true)
    await page.getByTestId('review-approve').click()
    await page.getByTestId('approve-by').fill('Dana Supervisor')
    await page.getByTestId('approve-counted').fill(String(far - 1))
    await page.getByTestId('approve-save').click()
    expect(await page.getByTestId('approve-error').textContent()).toMatch(/not the one counted/)
    await page.getByTestId('approve-counted').fill(String(far))
    // The refusal of the wrong quantity goes once it is corrected.
    expect(await page.getByTestId('approve-error').count()).toBe(0)
    await dismissNotices(page)
    await screenshot(page, 'count-approval')
    await page.getByTestId('approve-save').click()
    await expect.poll(() => rowC.getAttribute('data-approval')).toBe('approved')
    expect(await page.getByTestId('review-approved').textContent()).toBe('approved by Dana Supervisor')
    await screenshot(page, 'count-approved-review')

    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByTestId('submit-result').count()).toBe(1)
    // The vendor received the approved quantity once, and never the code as a quantity.
    await expect
      .poll(
        async () =>
          (await vendor.adjustments()).filter((x) => String(x.notes).startsWith('Stockroom count')).length,
        {
          timeout: 60_000
        }
      )
      .toBe(1)
    const [sent] = (await vendor.adjustments()).filter((x) => String(x.notes).startsWith('Stockroom count'))
    expect(JSON.stringify(sent!.lines)).not.toContain('12' + b.barcode)
    expect(sent!.lines).toHaveLength(2)
    await page.close()
  })
})
