import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, plainStock, startCountAt } from './count-page'
import { dismissNotices, e2eAvailability, openApp, screenshot, startHost, type RunningHost } from './harness'
import { nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 41
const SIZE = 200

describe.skipIf(!availability.run)('several counters, one location', () => {
  // PC A: the suite's web host. PC B: a second web host, with its own data, connection and replica.
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])
  let hostB: RunningHost
  beforeAll(async () => {
    hostB = await startHost({ env: { STOCKROOM_NO_DEMO: '1' } })
  })
  afterAll(async () => {
    await hostB?.stop()
  })

  it('sums two PCs’ counts of one location per item and sends one write per item', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const here = plainStock(data, warehouse.id).filter(
      (p) => p.onHand >= 10 && p.onHand <= 500 && Number.isInteger(p.onHand)
    )
    const [shared, onlyA, onlyB] = here
    if (!shared || !onlyA || !onlyB) throw new Error('the dataset lacks three stocked plain products')

    const [a, b] = await Promise.all([openApp(app.browser, app.host.url), openApp(app.browser, hostB.url)])
    await Promise.all([connectAndSync(a, app.vendor), connectAndSync(b, app.vendor)])
    await Promise.all([startCountAt(a, warehouse.name), startCountAt(b, warehouse.name)])
    await a.getByTestId('counter-name').fill('Ana')
    await b.getByTestId('counter-name').fill('Ben')

    // Scans go to the page, not to the name field just typed in.
    const scans = async (page: typeof a, codes: string[]) => {
      await page.locator('body').click({ position: { x: 5, y: 5 } })
      let seq = 0
      for (const code of codes) seq = (await nextBanner(page, seq, () => scan(page, code))).seq
    }
    await scans(a, [shared.barcode, shared.barcode, onlyA.barcode])
    await scans(b, [shared.barcode, shared.barcode, shared.barcode, onlyB.barcode])

    // B hands its count over as a file; its count is closed there, nothing sent from it.
    await b.getByTestId('hand-over').click()
    const download = b.waitForEvent('download')
    await b.getByTestId('confirm-hand-over').click()
    const file = await (await download).path()
    await expect.poll(() => b.getByTestId('hand-over-result').count()).toBe(1)
    await dismissNotices(b)
    await screenshot(b, 'counters-handed-over')

    // A brings it in: summed into A's lines.
    await a.getByTestId('bring-in-file').setInputFiles(file)
    const result = a.getByTestId('bring-in-result')
    await expect.poll(() => result.getAttribute('data-ok')).toBe('true')
    expect(await result.textContent()).toMatch(/Ben's count from \S+ brought in/)
    await dismissNotices(a)
    await screenshot(a, 'counters-brought-in')

    await a.getByTestId('count-review-button').click()
    const row = (sku: string) => a.locator(`[data-testid="review-row"][data-sku="${sku}"]`)
    await expect
      .poll(() => row(shared.sku).getByTestId('review-row-parts').textContent())
      .toBe('Ana 2 + Ben 3 = 5')
    expect(await row(onlyA.sku).getByTestId('review-row-parts').textContent()).toBe('Ana 1 = 1')
    expect(await row(onlyB.sku).getByTestId('review-row-parts').textContent()).toBe('Ben 1 = 1')
    expect(await a.getByTestId('review-counters').textContent()).toContain('Counted by Ana, Ben.')
    await a.getByTestId('bring-in-result').locator('button').click()
    await dismissNotices(a)
    await screenshot(a, 'counters-review')

    // The same file again is refused in plain words.
    await a.getByTestId('bring-in-file').setInputFiles(file)
    await expect.poll(() => result.getAttribute('data-ok')).toBe('false')
    expect(await result.textContent()).toMatch(/already brought in here\. It is not added twice/)
    await dismissNotices(a)
    await screenshot(a, 'counters-refused-twice')
    await a.getByTestId('bring-in-result').locator('button').click()

    // A supervisor's correction is a part of its own, not an edit of Ana's or Ben's scans.
    await row(shared.sku).getByTestId('review-recount').click()
    await a.getByTestId('recount-by').fill('Sam')
    await a.getByTestId('recount-quantity').fill('6')
    await a.getByTestId('recount-save').click()
    await expect
      .poll(() => row(shared.sku).getByTestId('review-row-parts').textContent())
      .toBe('Ana 2 + Ben 3 + Sam (recount) 1 = 6')
    await dismissNotices(a)
    await screenshot(a, 'counters-supervisor-recount')

    await a.getByTestId('submit-count').click()
    // Every line differs by far more than a tenth: the review asks to recount first.
    await a.getByTestId('confirm-submit').click()
    await expect.poll(() => a.getByTestId('submit-result').count()).toBe(1)
    const ours = async () =>
      (await app.vendor.adjustments()).filter((x) => String(x.notes).startsWith('Stockroom count'))
    await expect.poll(async () => (await ours()).length, { timeout: 60_000 }).toBe(1)
    const lines = (await ours())[0]!.lines as { productId: string; quantityChange: number }[]
    // Exactly one write per item, for the summed quantity (as the supervisor corrected it).
    expect(lines.map((l) => [l.productId, l.quantityChange]).sort()).toEqual(
      [
        [shared.id, 6 - shared.onHand],
        [onlyA.id, 1 - onlyA.onHand],
        [onlyB.id, 1 - onlyB.onHand]
      ].sort()
    )
    await a.close()
    await b.close()
  })

  it('tells two scanners on one PC apart by their prefixes and sums them per item', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const [item] = plainStock(data, warehouse.id).filter((p) => p.onHand >= 10 && Number.isInteger(p.onHand))
    if (!item) throw new Error('the dataset lacks a stocked plain product')
    // A PC of its own, so this count starts from nothing.
    const hostC = await startHost({ env: { STOCKROOM_NO_DEMO: '1' } })
    try {
      const page = await openApp(app.browser, hostC.url)
      await connectAndSync(page, app.vendor)
      await startCountAt(page, warehouse.name)
      await page.getByTestId('scanner-settings').click()
      await page.getByTestId('scanner-prefixes').fill('§ ~')
      await page.getByRole('button', { name: 'Done' }).click()
      await page.getByTestId('counter-name').fill('Cy')
      await page.getByTestId('scanner-holders').click()
      await page.locator('[data-testid="scanner-holder"][data-prefix="~"]').fill('Di')
      await page.keyboard.press('Escape')
      await page.locator('body').click({ position: { x: 5, y: 5 } })

      let seq = 0
      for (const code of [`§${item.barcode}`, `~${item.barcode}`, `~${item.barcode}`])
        seq = (await nextBanner(page, seq, () => scan(page, code))).seq
      await page.getByTestId('count-review-button').click()
      const row = page.locator(`[data-testid="review-row"][data-sku="${item.sku}"]`)
      // One line for the item: the scanner left without a holder counts under "Counted by".
      await expect.poll(() => row.getByTestId('review-row-parts').textContent()).toBe('Cy 1 + Di 2 = 3')
      expect(await page.getByTestId('review-row').count()).toBe(1)
      await dismissNotices(page)
      await screenshot(page, 'counters-two-scanners')
      await page.close()
    } finally {
      await hostC.stop()
    }
  })
})
