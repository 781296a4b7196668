import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, countAdjustmentAt, plainStock, startCountAt, submitWithKeyboard } from './count-page'
import { dismissNotices, e2eAvailability, openApp, screenshot } from './harness'
import { tabTo, tabToAndEnter } from './keyboard-nav'
import { nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 29
const SIZE = 200

describe.skipIf(!availability.run)('items not counted', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('shows expected, found and unexpected rows, lists what no scan found, and sends one zero', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    // By name, as the screen lists expected rows: the first ones are on screen however large the warehouse.
    const here = plainStock(data, warehouse.id).sort((x, y) => x.name.localeCompare(y.name))
    const [found, gone] = here.filter((p) => p.onHand >= 1 && p.onHand <= 500 && Number.isInteger(p.onHand))
    const stray = here.find((p) => p.onHand === 0)
    if (!found || !gone || !stray)
      throw new Error('the dataset lacks a stocked pair and an unstocked product')

    const page = await openApp(app.browser, app.host.url)
    await connectAndSync(page, app.vendor)
    await startCountAt(page, warehouse.name)
    const row = (sku: string) => page.locator(`[data-sku="${sku}"][data-status]`)

    // Before any scan every stocked item is a row, expected.
    await expect.poll(() => row(gone.sku).getAttribute('data-status')).toBe('expected')
    expect(await row(found.sku).getAttribute('data-status')).toBe('expected')
    const first = (await nextBanner(page, 0, () => scan(page, found.barcode))).seq
    await nextBanner(page, first, () => scan(page, stray.barcode))
    await expect.poll(() => row(found.sku).getAttribute('data-status')).toBe('found')
    expect(await row(stray.sku).getAttribute('data-status')).toBe('unexpected')
    expect(await row(gone.sku).getAttribute('data-status')).toBe('expected')
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await dismissNotices(page)
    await screenshot(page, 'count-expected-found-unexpected')

    // The review lists what no scan found, each left as is until someone chooses.
    await page.getByTestId('count-review-button').click()
    const missing = page.locator('[data-testid="not-counted-row"]')
    const stocked = here.filter((p) => p.onHand !== 0).length
    await expect.poll(() => missing.count()).toBeGreaterThanOrEqual(stocked - 1)
    const goneRow = page.locator(`[data-testid="not-counted-row"][data-sku="${gone.sku}"]`)
    expect(await goneRow.getAttribute('data-choice')).toBe('leave')
    await goneRow.getByText('Set to zero').click()
    await expect.poll(() => goneRow.getAttribute('data-choice')).toBe('zero')
    expect(await page.getByTestId('not-counted-zeroed').textContent()).toBe('1 set to zero')
    await goneRow.scrollIntoViewIfNeeded()
    await dismissNotices(page)
    await screenshot(page, 'count-not-counted')

    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByTestId('submit-result').count()).toBe(1)
    const ours = async () =>
      (await app.vendor.adjustments()).filter((x) => String(x.notes).startsWith('Stockroom count'))
    await expect.poll(async () => (await ours()).length, { timeout: 60_000 }).toBe(1)
    const lines = (await ours())[0]!.lines as { productId: string; quantityChange: number }[]
    // Found: +1 − on hand; stray: +1; gone: −on hand. Nothing for the items left as they are.
    expect(lines.map((l) => [l.productId, l.quantityChange]).sort()).toEqual(
      [
        [found.id, 1 - found.onHand],
        [stray.id, 1],
        [gone.id, -gone.onHand]
      ].sort()
    )
    await page.close()
  })

  it('sets every line shown by a filter to zero at once and sends exactly those differences', async () => {
    // Another warehouse than the test above: its count is its own adjustment in the ledger.
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[1]!
    const onHandHere = (id: string) =>
      data
        .stockOf(id)
        .filter((r) => r.warehouseId === warehouse.id)
        .reduce((n, r) => n + r.cells.reduce((m, c) => m + c.onHand, 0), 0)
    // A product family whose stock here is all plain (no batches, no serials): zero takes off all of it.
    const families = new Map<string, { id: string; onHand: number; plain: boolean }[]>()
    for (const p of data.products.all().filter((x) => x.isActive)) {
      const onHand = onHandHere(p.id)
      if (onHand === 0) continue
      const prefix = p.sku.split('-')[0]!
      families.set(prefix, [
        ...(families.get(prefix) ?? []),
        { id: p.id, onHand, plain: !p.trackBatches && !p.trackSerials }
      ])
    }
    const [prefix, family] =
      [...families].find(([, ps]) => ps.length >= 2 && ps.length <= 30 && ps.every((p) => p.plain)) ?? []
    if (!prefix || !family) throw new Error('no family of plain products stocked in the second warehouse')

    const page = await openApp(app.browser, app.host.url)
    await page.setViewportSize({ width: 1024, height: 768 })
    await connectAndSync(page, app.vendor)
    await startCountAt(page, warehouse.name)

    // Nothing scanned: straight to the review, where the filter shows the family only.
    await tabToAndEnter(page, page.getByTestId('count-review-button'))
    await expect.poll(() => page.getByTestId('not-counted-filter').count()).toBe(1)
    await tabTo(page, page.getByTestId('not-counted-filter'))
    await page.keyboard.type(`${prefix}-`, { delay: 60 })
    const rows = page.locator('[data-testid="not-counted-row"]')
    await expect.poll(() => rows.count()).toBe(family.length)
    expect(await page.getByTestId('not-counted-title').textContent()).toMatch(/lines? \(\d+ items?\)/)
    await tabToAndEnter(page, page.getByTestId('not-counted-zero-all'))
    await expect
      .poll(() => page.locator('[data-testid="not-counted-row"][data-choice="zero"]').count())
      .toBe(family.length)
    await dismissNotices(page)
    await screenshot(page, 'count-not-counted-bulk-1024')

    await submitWithKeyboard(page)
    const lines = await countAdjustmentAt(app.vendor, warehouse.name)
    expect(lines.map((l) => [l.productId, l.quantityChange]).sort()).toEqual(
      family.map((p) => [p.id, -p.onHand]).sort()
    )
    await page.close()
  })
})
