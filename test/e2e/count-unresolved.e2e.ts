import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import {
  connectAndSync,
  countAdjustmentAt,
  plainStock,
  startCountAt,
  stockSynced,
  submitWithKeyboard
} from './count-page'
import { seriousAxeViolations } from './axe'
import { dismissNotices, docsScreenshot, e2eAvailability, inEachTheme, openApp, screenshot } from './harness'
import { tabTo, tabToAndEnter } from './keyboard-nav'
import { counted, nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 31
const SIZE = 300
const FLOOR_PC = { width: 1024, height: 768 }

const entry = (page: Page, kind: string) =>
  page.locator(`[data-testid="unresolved-entry"][data-kind="${kind}"]`)
const unresolved = async (page: Page) =>
  page
    .locator('[data-testid="unresolved-entry"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))

/** The first count line's top edge, in viewport pixels. */
async function firstLineTop(page: Page): Promise<number> {
  const box = await page.locator('[data-testid="count-line"]').first().boundingBox()
  if (!box) throw new Error('no count line is drawn')
  return box.y
}

describe.skipIf(!availability.run)('nothing dropped without a trace, on a 1024×768 floor PC', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('keeps an unknown code, a quantity waiting and a lot item without its lot under Unresolved until each is settled there, then submits', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const plain = plainStock(data, warehouse.id).filter((p) => p.onHand >= 5 && p.onHand <= 40)
    const [a, b, c] = plain
    if (!a || !b || !c) throw new Error('no three plain products with a little stock in the first warehouse')
    const lotted = data.products
      .all()
      .find(
        (p) =>
          p.isActive &&
          p.trackBatches &&
          p.barcode?.length === 13 &&
          data.stockOf(p.id).some((r) => r.warehouseId === warehouse.id && r.cells.some((x) => x.batchId))
      )
    if (!lotted) throw new Error('no batch-tracked product with a barcode and stock in the first warehouse')
    const known = new Set(data.products.all().map((p) => p.barcode))
    const unknownEan = ['4006381333931', '5012345678900', '0012345678905'].find((code) => !known.has(code))!

    const page = await openApp(app.browser, app.host.url)
    await page.setViewportSize(FLOOR_PC)
    await connectAndSync(page, app.vendor)
    await startCountAt(page, warehouse.name)

    // A plain scan: counted, nothing unresolved.
    let seq = (await nextBanner(page, 0, () => scan(page, a.barcode))).seq
    expect(await page.getByTestId('unresolved').count()).toBe(0)

    // 500 typed, then b (a few expected): held for confirmation. The next scan replaces the question,
    // and the 500 waits under Unresolved instead of vanishing.
    await tabTo(page, page.getByTestId('count-quantity'))
    await page.keyboard.type('500', { delay: 120 })
    const asked = await nextBanner(page, seq, () => scan(page, b.barcode))
    expect(asked.status).toBe('confirm')
    seq = (await nextBanner(page, asked.seq, () => scan(page, a.barcode))).seq
    await expect.poll(() => unresolved(page)).toEqual(['confirm'])

    // An unknown code, then another scan: the code stays listed.
    const unknown = await nextBanner(page, seq, () => scan(page, unknownEan))
    expect(unknown.status).toBe('unknown')
    // With an unknown code showing, the lines still start in the upper half of the screen.
    await dismissNotices(page)
    await screenshot(page, 'count-unknown-1024')
    expect(await firstLineTop(page)).toBeLessThan(FLOOR_PC.height / 2)
    seq = (await nextBanner(page, unknown.seq, () => scan(page, a.barcode))).seq
    await expect.poll(() => counted(page, a.sku)).toBe('3')
    await expect.poll(() => unresolved(page)).toEqual(['confirm', 'unknown'])

    // A batch-tracked item scanned by its plain barcode: counted, and its lot is asked for.
    const noLot = await nextBanner(page, seq, () => scan(page, lotted.barcode!))
    expect(noLot.status).toBe('counted')
    expect(await page.getByTestId('scan-no-lot').count()).toBe(1)
    await expect.poll(() => unresolved(page)).toEqual(['confirm', 'unknown', 'no-lot'])

    const top = await firstLineTop(page)
    expect(top).toBeLessThan(FLOOR_PC.height / 2)
    await dismissNotices(page)
    await screenshot(page, 'count-unresolved-1024')
    expect(await seriousAxeViolations(page)).toEqual([])
    await inEachTheme(page, (scheme) => docsScreenshot(page, `count-1024x768-${scheme}`).then(() => {}))

    // The review says why it cannot be submitted while the 500 waits.
    await tabToAndEnter(page, page.getByTestId('count-review-button'))
    await expect.poll(() => page.getByTestId('review-unconfirmed').count()).toBe(1)
    expect(await page.getByTestId('review-unconfirmed').textContent()).toMatch(
      /1 quantity waits for confirmation/
    )
    expect(await page.getByTestId('submit-count').isDisabled()).toBe(true)
    await dismissNotices(page)
    expect(await seriousAxeViolations(page)).toEqual([])
    await inEachTheme(page, (scheme) => docsScreenshot(page, `review-1024x768-${scheme}`).then(() => {}))

    // Each is settled from the list, with the keyboard: the 500 dropped…
    await tabToAndEnter(page, entry(page, 'confirm').getByTestId('unresolved-drop'))
    await expect.poll(() => unresolved(page)).toEqual(['unknown', 'no-lot'])
    // …the unknown code found and linked to c (and counted)…
    await tabToAndEnter(page, entry(page, 'unknown').getByTestId('unresolved-find'))
    await expect.poll(() => page.getByTestId('pick-search').count()).toBe(1)
    await expect
      .poll(() => page.getByTestId('pick-search').evaluate((el) => el === document.activeElement))
      .toBe(true)
    // Typed at a person's pace: keys 30 ms apart ending in Enter are a scanner's burst.
    await page.keyboard.type(c.sku, { delay: 80 })
    await expect.poll(() => page.getByTestId('pick-search').inputValue()).toBe(c.sku)
    await expect.poll(() => page.locator(`[data-testid="pick-row"][data-sku="${c.sku}"]`).count()).toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => unresolved(page)).toEqual(['no-lot'])
    // …and the lot item moved to a lot chosen from the list.
    const lotSelect = entry(page, 'no-lot').getByTestId('unresolved-lot')
    await tabTo(page, lotSelect)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => lotSelect.inputValue()).not.toBe('')
    const lotNumber = await lotSelect.evaluate(
      (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent
    )
    await tabToAndEnter(page, entry(page, 'no-lot').getByTestId('unresolved-move-lot'))
    await expect.poll(() => page.getByTestId('unresolved').count()).toBe(0)
    expect(await page.getByTestId('review-unconfirmed').count()).toBe(0)
    await dismissNotices(page)
    await screenshot(page, 'count-unresolved-settled-1024')

    await submitWithKeyboard(page)

    // In the vendor's ledger: a counted 3, c counted once through its new link, the lot item's one unit
    // on the batch chosen, and nothing for b (its 500 was dropped).
    const lines = await countAdjustmentAt(app.vendor, warehouse.name, page)
    const batch = data.batches.all().find((x) => x.productId === lotted.id && x.batchNumber === lotNumber)
    expect(batch).toBeDefined()
    const change = (id: string) => lines.filter((l) => l.productId === id)
    expect(change(a.id).map((l) => l.quantityChange)).toEqual([3 - a.onHand])
    expect(change(c.id).map((l) => l.quantityChange)).toEqual([1 - c.onHand])
    expect(change(b.id)).toEqual([])
    expect(change(lotted.id).map((l) => l.batchId)).toEqual([batch!.id])
    await page.close()
  })

  it('links a case label to its item with the keyboard: each scan of the case adds 12', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[1]!
    const [item] = plainStock(data, warehouse.id).filter((p) => p.onHand >= 30)
    if (!item) throw new Error('no plain product with 30 or more in the second warehouse')
    const page = await openApp(app.browser, app.host.url)
    await page.setViewportSize(FLOOR_PC)
    // The host keeps the connection the test above made; this page's replica syncs it again.
    await stockSynced(page)
    await startCountAt(page, warehouse.name)

    const label = `CASE-${item.sku}`
    const unknown = await nextBanner(page, 0, () => scan(page, label))
    expect(unknown.status).toBe('unknown')
    // Straight after the unknown scan, typing goes to the search; Tab to "case of", 12, Enter.
    await expect
      .poll(() => page.getByTestId('pick-search').evaluate((el) => el === document.activeElement))
      .toBe(true)
    // Typed at a person's pace: keys 30 ms apart ending in Enter are a scanner's burst.
    await page.keyboard.type(item.sku, { delay: 80 })
    await expect.poll(() => page.getByTestId('pick-search').inputValue()).toBe(item.sku)
    await expect.poll(() => page.locator(`[data-testid="pick-row"][data-sku="${item.sku}"]`).count()).toBe(1)
    await tabTo(page, page.getByTestId('pick-case-of'))
    await page.keyboard.type('12', { delay: 60 })
    const linked = await nextBanner(page, unknown.seq, () => page.keyboard.press('Enter'))
    expect(linked.status).toBe('counted')
    expect(await page.getByTestId('scan-figure').textContent()).toBe('+12 (case)')
    await expect.poll(() => counted(page, item.sku)).toBe('12')

    const again = await nextBanner(page, linked.seq, () => scan(page, label))
    expect(again.status).toBe('counted')
    expect(await page.getByTestId('scan-figure').textContent()).toBe('+12 (case)')
    await expect.poll(() => counted(page, item.sku)).toBe('24')
    await dismissNotices(page)
    await screenshot(page, 'count-case-of-12-1024')
    await page.close()
  })
})
