import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, plainStock, startCountAt } from './count-page'
import { dismissNotices, e2eAvailability, openApp, screenshot } from './harness'
import { counted, nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 41
const SIZE = 300
/** A shelf label printed on site: no item at the vendor carries it. */
const LABEL = 'SHELF-LBL-0042'

const seqOf = async (page: Page) => Number(await page.getByTestId('scan-banner').getAttribute('data-seq'))

async function openLinks(page: Page) {
  await page.locator('[data-section="items"]').click()
  await page.getByTestId('items-view').getByText('Barcode links').click()
  await expect.poll(() => page.getByTestId('barcode-links').count()).toBe(1)
}

async function importFile(page: Page, name: string, text: string) {
  await page
    .getByTestId('barcode-links')
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })
  await expect.poll(() => page.getByTestId('links-import-report').textContent()).toContain(name)
  return (await page.getByTestId('links-import-report').textContent()) ?? ''
}

describe.skipIf(!availability.run)('barcode links', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('an unknown label is linked in two keystrokes, counts its item on the next scan, and survives a CSV export and import', async () => {
    const { vendor, host, browser } = app
    const page = await openApp(browser, host.url)
    await connectAndSync(page, vendor)
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const item = plainStock(data, warehouse.id).find((p) => p.onHand > 0)
    if (!item) throw new Error('no plain product stocked in the first warehouse')

    await startCountAt(page, warehouse.name)
    const unknown = await nextBanner(page, 0, () => scan(page, LABEL))
    expect(unknown.status).toBe('unknown')
    // Typing goes straight to the item search; Enter links the label to the first item and counts it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('pick-search')
    await page.keyboard.type(item.sku, { delay: 90 })
    await expect.poll(() => page.getByTestId('pick-row').first().getAttribute('data-sku')).toBe(item.sku)
    await dismissNotices(page)
    await screenshot(page, 'links-pick')
    const linked = await nextBanner(page, unknown.seq, () => page.keyboard.press('Enter'))
    expect(linked.status).toBe('counted')
    expect(await page.getByTestId('scan-linked').textContent()).toContain(LABEL)
    expect(await counted(page, item.sku)).toBe('1')
    await screenshot(page, 'links-linked')

    // The next scan of the label counts the item directly, with the OK tone.
    const again = await nextBanner(page, linked.seq, () => scan(page, LABEL))
    expect(again.status).toBe('counted')
    expect(await page.getByTestId('scan-banner').getAttribute('data-tone')).toBe('ok')
    expect(await page.getByTestId('scan-title').textContent()).toBe(item.name)
    expect(await page.getByTestId('scan-via-link').textContent()).toBe('linked code')
    await expect.poll(() => counted(page, item.sku)).toBe('2')
    await screenshot(page, 'links-rescan')

    // Listed under Items › Barcode links; exported as CSV.
    await openLinks(page)
    const row = page.getByTestId('link-row')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.getAttribute('data-code')).toBe(LABEL)
    expect(await row.textContent()).toContain(item.name)
    await screenshot(page, 'links-list')
    const download = page.waitForEvent('download')
    await page.getByTestId('links-export').click()
    const chunks: Buffer[] = []
    for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer)
    const csv = Buffer.concat(chunks).toString('utf8')
    expect(csv).toContain(`"${LABEL}","Main warehouse","${vendor.url}","${item.sku}","${item.id}"`)

    // A scan on the Items screen finds the item by its link and opens it, the linked code shown.
    await scan(page, LABEL)
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    expect(await page.getByTestId('item-linked-code').textContent()).toBe(LABEL)
    await screenshot(page, 'links-item-detail')
    await page.keyboard.press('Escape')
    await openLinks(page)

    // Removed (Undo puts it back), then removed for good: the label is unknown again.
    await row.getByTestId('link-remove').click()
    await expect.poll(() => row.count()).toBe(0)
    await expect.poll(() => page.getByText(`Link removed: ${LABEL}`).count()).toBe(1)
    await screenshot(page, 'links-removed')
    await page.getByTestId('unlink-undo').click()
    await expect.poll(() => row.count()).toBe(1)
    await row.getByTestId('link-remove').click()
    await expect.poll(() => row.count()).toBe(0)
    await dismissNotices(page)
    await page.locator('[data-section="count"]').click()
    const gone = await nextBanner(page, await seqOf(page), () => scan(page, LABEL))
    expect(gone.status).toBe('unknown')

    // Imported from the file: back, and importing it again changes nothing; a row for an item this
    // PC does not have is named in plain words.
    await openLinks(page)
    expect(await importFile(page, 'site-links.csv', csv)).toContain('1 link added, 0 already here')
    await expect.poll(() => row.count()).toBe(1)
    const withStranger = csv + '"NOPE-7","Main warehouse","","NO-SUCH-SKU","","","",""\r\n'
    const second = await importFile(page, 'site-links-2.csv', withStranger)
    expect(second).toContain('0 links added, 1 already here')
    expect(second).toContain('Line 3: no item with SKU NO-SUCH-SKU in Main warehouse')
    expect(await row.count()).toBe(1)
    await screenshot(page, 'links-imported')

    await page.locator('[data-section="count"]').click()
    const back = await nextBanner(page, await seqOf(page), () => scan(page, LABEL))
    expect(back.status).toBe('counted')
    await expect.poll(() => counted(page, item.sku)).toBe('3')
    await page.close()
  })
})
