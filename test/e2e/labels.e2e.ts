import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateForge } from '../../src/main/fakes/forgemrp/generate'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { startFakePrinter, type FakePrinter } from '../../src/main/fakes/printer/server'
import { decodeImage } from '../helpers/barcode-reader'
import {
  addConnectionThroughUi,
  ARTIFACTS,
  e2eAvailability,
  openApp,
  screenshot,
  clickOption
} from './harness'
import { nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 25
const SIZE = 120

async function pickOption(page: Page, testId: string, text: string, searchable = true) {
  await page.getByTestId(testId).click()
  if (searchable) await page.getByTestId(testId).fill(text)
  await clickOption(page, page.getByRole('option', { name: new RegExp(`^${text}`) }).first())
}

describe.skipIf(!availability.run)('labels for a ForgeMRP location, printed and then counted', () => {
  const app = useVendorApp(['--vendor', 'forgemrp', '--size', String(SIZE), '--seed', String(SEED)])
  let printer: FakePrinter
  beforeAll(async () => {
    printer = await startFakePrinter()
  })
  afterAll(() => printer?.close())

  it('prints the items of a location with no code to the label printer, and each printed code counts its item', async () => {
    // The fake's own data (same seed and size): the location with the most items.
    const data = generateForge({ seed: SEED, size: SIZE, now: () => new Date() })
    const byPlace = new Map<string, string[]>()
    for (const i of data.inventory.values())
      if (i.location) byPlace.set(i.location, [...(byPlace.get(i.location) ?? []), i.description])
    const [place, names] = [...byPlace.entries()].sort((a, b) => b[1].length - a[1].length)[0]!
    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      system: 'ForgeMRP',
      name: 'Machine shop',
      url: app.vendor.url,
      apiKey: app.vendor.apiKey
    })
    await expect
      .poll(() => page.getByTestId('sync-inventory_items').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)

    // The label printer, set up on this PC; a test print shows what was sent.
    await page.locator('[data-section="labels"]').click()
    await expect.poll(() => page.getByTestId('screen-title').textContent()).toBe('Labels')
    await page.getByLabel('Name').fill('Packing desk')
    await page.getByTestId('printer-address').fill(printer.host)
    await page.getByTestId('printer-port').fill(String(printer.port))
    await page.getByTestId('printer-add').click()
    await expect.poll(() => page.getByTestId('printer-row').count()).toBe(1)
    await page.getByTestId('printer-test').click()
    await expect.poll(() => page.getByTestId('printer-test-done').count(), { timeout: 30_000 }).toBe(1)
    expect(await page.getByTestId('printer-test-sent').textContent()).toBe(printer.jobs[0]!.zpl)
    expect(printer.jobs[0]!.labels[0]!.texts[0]).toBe('Stockroom test print')

    // Items at the location with no code: the print dialog with each label's preview.
    await pickOption(page, 'labels-location', place)
    const withoutCode = page.getByTestId('labels-items-without-code')
    await expect.poll(() => withoutCode.textContent()).toBe(`Items here with no code (${names.length})`)
    await withoutCode.click()
    const dialog = page.getByTestId('print-dialog')
    const previews = dialog.getByTestId('label-preview')
    const shown = Math.min(names.length, 12)
    await expect.poll(() => previews.locator('img').count(), { timeout: 30_000 }).toBe(shown)
    await screenshot(page, 'labels-print-dialog')
    await previews.first().screenshot({ path: join(ARTIFACTS, 'labels-preview.png') })

    // The printer is off, then refuses: told in plain words, the labels stay to print again.
    await printer.switchOff()
    await dialog.getByTestId('print-send').click()
    await expect
      .poll(() => dialog.getByTestId('print-error').textContent(), { timeout: 30_000 })
      .toMatch(
        /^Packing desk \(127\.0\.0\.1:\d+\) is not answering: the printer is off or not on the network/
      )
    await screenshot(page, 'labels-printer-off')
    await printer.switchOn()
    printer.mode = 'refuse'
    await dialog.getByTestId('print-send').click()
    await expect
      .poll(() => dialog.getByTestId('print-error').textContent(), { timeout: 30_000 })
      .toMatch(/^Packing desk \(127\.0\.0\.1:\d+\) refused/)
    expect(printer.jobs).toHaveLength(1)
    expect(await previews.locator('img').count()).toBe(shown)
    // Nothing was linked: the items still have no code.
    expect(await withoutCode.textContent()).toBe(`Items here with no code (${names.length})`)

    printer.mode = 'print'
    await dialog.getByTestId('print-send').click()
    await expect.poll(() => dialog.getByTestId('print-done').count(), { timeout: 30_000 }).toBe(1)
    expect(await dialog.getByTestId('print-done').textContent()).toMatch(
      new RegExp(`^Sent ${names.length} labels to Packing desk .* ${names.length} new codes linked`)
    )
    const job = printer.jobs[1]!
    expect(job.labels.map((l) => l.texts[0]).sort()).toEqual([...names].sort())
    await page.keyboard.press('Escape')
    await expect.poll(() => withoutCode.textContent()).toBe('Items here with no code (0)')

    // Count the location and scan what was printed: each code counts its item.
    await page.locator('[data-section="count"]').click()
    await pickOption(page, 'count-location', place)
    await page.getByTestId('count-start-button').click()
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    let seq = 0
    for (const label of job.labels) {
      const code = label.barcodes[0]!.data
      const banner = await nextBanner(page, seq, () => scan(page, code))
      expect(banner.status).toBe('counted')
      seq = banner.seq
    }
    await expect.poll(() => page.getByTestId('count-line').count()).toBe(names.length)
    const lines = await page.getByTestId('count-line').evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.querySelector('p')?.textContent,
        counted: r.getAttribute('data-counted')
      }))
    )
    expect(lines.map((l) => l.name).sort()).toEqual([...names].sort())
    expect(lines.every((l) => l.counted === '1')).toBe(true)
    await screenshot(page, 'labels-counted')
    await page.close()
  })

  it.runIf(existsSync('/usr/bin/pdftoppm') || process.env.CI === 'true')(
    'saves a location label as a PDF at the label’s size for other printers; its page reads back as the location',
    async () => {
      const data = generateForge({ seed: SEED, size: SIZE, now: () => new Date() })
      const place = [...data.inventory.values()].find((i) => i.location)!.location!
      const page = await openApp(app.browser, app.host.url)
      await page.locator('[data-section="labels"]').click()
      await pickOption(page, 'labels-location', place)
      await page.getByTestId('labels-location-one').click()
      const dialog = page.getByTestId('print-dialog')
      await expect.poll(() => dialog.getByTestId('label-preview').locator('img').count()).toBe(1)
      await pickOption(page, 'print-target', 'PDF', false)
      const download = page.waitForEvent('download')
      await dialog.getByTestId('print-pdf').click()
      const file = join(ARTIFACTS, 'labels-location.pdf')
      await (await download).saveAs(file)
      await expect.poll(() => dialog.getByTestId('print-done').count()).toBe(1)
      expect(await dialog.getByTestId('print-done').textContent()).toMatch(
        /^PDF of 1 label at 57 × 32 mm, 203 dpi — print it at actual size \(100%\)\. A copy is kept at .*labels-.*\.pdf\./
      )
      expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-')
      // The web host cannot open a file on the PC's screen, and says so; the desktop app opens its viewer.
      await dialog.getByTestId('print-open-pdf').click()
      await expect
        .poll(() => dialog.getByTestId('print-open-note').textContent())
        .toBe('This window cannot open files on the PC: open the downloaded PDF, or the copy named above.')
      // The PDF page, rendered as a 600-dpi office printer would, and read by zxing.
      execFileSync('pdftoppm', ['-r', '600', '-png', '-singlefile', file, join(ARTIFACTS, 'labels-pdf-page')])
      const png = await readFile(join(ARTIFACTS, 'labels-pdf-page.png'))
      const [read] = await decodeImage(png)
      expect(read?.text).toBe(place)
      // A smaller copy to look at.
      execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(ARTIFACTS, 'labels-pdf-page')])
      await page.close()
    }
  )

  it('prints one item’s label from its page, and the code it carries shows on the page as linked', async () => {
    const data = generateForge({ seed: SEED, size: SIZE, now: () => new Date() })
    const linked = new Set(printer.printed().flatMap((l) => l.texts.slice(0, 1)))
    const item = [...data.inventory.values()].find((i) => !linked.has(i.description))!
    const page = await openApp(app.browser, app.host.url)
    await page.locator('[data-section="items"]').click()
    await page.getByTestId('item-search').fill(item.description)
    await page.getByTestId('item-row').filter({ hasText: item.description }).first().click()
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    expect(await page.getByTestId('item-linked-code').count()).toBe(0)
    await page.getByTestId('item-print-label').click()
    const dialog = page.getByTestId('print-dialog')
    await expect.poll(() => dialog.getByTestId('label-preview').locator('img').count()).toBe(1)
    const before = printer.jobs.length
    await dialog.getByTestId('print-send').click()
    await expect.poll(() => dialog.getByTestId('print-done').count(), { timeout: 30_000 }).toBe(1)
    expect(await dialog.getByTestId('print-done').textContent()).toMatch(
      /^Sent 1 label to Packing desk .*1 new code linked to its item/
    )
    const code = printer.jobs[before]!.labels[0]!.barcodes[0]!.data
    expect(printer.jobs[before]!.labels[0]!.texts[0]).toBe(item.description)
    expect(await dialog.getByTestId('label-preview').getAttribute('data-barcode')).toBe(code)
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()
    await expect.poll(() => page.getByTestId('item-linked-code').textContent()).toBe(code)
    await screenshot(page, 'labels-item-linked')
    await page.close()
  })
})

describe.skipIf(!availability.run)('a receipt label for a Frostbyte lot', () => {
  const app = useVendorApp(['--size', '200', '--seed', String(SEED)])
  let printer: FakePrinter
  beforeAll(async () => {
    printer = await startFakePrinter()
  })
  afterAll(() => printer?.close())

  it('prints GS1-128 with the GTIN, expiry, batch and a typed serial from the item’s lot', async () => {
    const data = generateFrostbyte({ seed: SEED, size: 200, now: () => new Date() })
    const products = new Map(data.products.all().map((p) => [p.id, p]))
    const batch = data.batches
      .all()
      .find(
        (b) =>
          b.productId &&
          b.expiryDate &&
          /^[A-Z0-9-]{1,20}$/.test(b.batchNumber) &&
          products.get(b.productId)?.isActive &&
          products.get(b.productId)?.barcode
      )
    if (!batch) throw new Error('the fake has no batch with an expiry of a product with a barcode')
    const product = products.get(batch.productId!)!
    const gtins = [product.codes.ean13, product.codes.upcA, product.codes.gtin14]
      .filter((c): c is string => Boolean(c))
      .map((c) => c.padStart(14, '0'))
    const expiry = new Date(batch.expiryDate!).toISOString().slice(2, 10).replace(/-/g, '')

    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      name: 'Main warehouse',
      url: app.vendor.url,
      apiKey: app.vendor.apiKey
    })
    await expect
      .poll(() => page.getByTestId('sync-batches').textContent(), { timeout: 120_000 })
      .toMatch(/^up to date/)
    await page.locator('[data-section="labels"]').click()
    await page.getByLabel('Name').fill('Dock printer')
    await page.getByTestId('printer-address').fill(printer.host)
    await page.getByTestId('printer-port').fill(String(printer.port))
    await page.getByTestId('printer-add').click()
    await expect.poll(() => page.getByTestId('printer-row').count()).toBe(1)

    await page.locator('[data-section="items"]').click()
    await page.getByTestId('item-search').fill(product.sku)
    await page.getByTestId('item-row').filter({ hasText: product.sku }).first().click()
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    const row = page.getByTestId('item-lots').locator('tr').filter({ hasText: batch.batchNumber })
    await row.getByTestId('lot-print-label').click()
    await page.getByTestId('lot-serial').fill('SN-42')
    await page.getByTestId('lot-make-label').click()
    const dialog = page.getByTestId('print-dialog')
    await expect.poll(() => dialog.getByTestId('label-preview').locator('img').count()).toBe(1)
    await screenshot(page, 'labels-receipt-dialog')
    await dialog.getByTestId('print-send').click()
    await expect.poll(() => dialog.getByTestId('print-done').count(), { timeout: 30_000 }).toBe(1)
    const [field] = printer.printed()[0]!.barcodes
    expect(field?.command).toBe('BC')
    expect(field?.mode).toBe('D')
    const m = /^\(01\)(\d{14})\(17\)(\d{6})\(10\)([^()]+)\(21\)(.+)$/.exec(field!.data)
    expect(m).not.toBeNull()
    expect(gtins).toContain(m![1])
    expect([m![2], m![3], m![4]]).toEqual([expiry, batch.batchNumber, 'SN-42'])
    expect(printer.printed()[0]!.texts).toEqual([
      product.name,
      `Lot ${batch.batchNumber}  Exp ${new Date(batch.expiryDate!).toISOString().slice(0, 10)}`,
      'Serial SN-42'
    ])
    await page.close()
  })
})
