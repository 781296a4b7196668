import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, plainStock, stockSynced } from './count-page'
import { dismissNotices, e2eAvailability, openApp, screenshot } from './harness'
import { counted, nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 31
const SIZE = 200

const scansGoTo = (page: Page) => page.getByTestId('scans-go-to-where').textContent()
const bannerTitle = (page: Page) => page.getByTestId('scan-title').textContent()
const tone = (page: Page) => page.evaluate(() => document.documentElement.dataset.tone ?? '')

describe.skipIf(!availability.run)('location labels', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('a location label starts a count and a second one switches it, the first count’s lines intact', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const [akl, chc] = data.warehouses
    if (!akl?.code || !chc?.code) throw new Error('the dataset lacks two coded warehouses')
    // Bin labels (warehouse codes such as AKL are shorter than the scanner's shortest burst).
    const bin = akl.zones?.[0]?.bins?.[1]?.code
    const otherBin = akl.zones?.[1]?.bins?.[0]?.code
    const chcBin = chc.zones?.[0]?.bins?.[0]?.code
    const [a, b, c] = plainStock(data, akl.id)
    if (!a || !b || !c || !bin || !otherBin || !chcBin)
      throw new Error('the dataset lacks plain products and bins')

    const page = await openApp(app.browser, app.host.url)
    await connectAndSync(page, app.vendor)
    await page.locator('[data-section="count"]').click()
    await expect.poll(() => page.getByTestId('count-start').count()).toBe(1)
    await page.getByTestId('count-blind').click()
    await dismissNotices(page)

    // No count open: a bin label starts one at its warehouse (this vendor counts whole warehouses), blind as the form said.
    await scan(page, bin.toLowerCase())
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    await expect.poll(() => scansGoTo(page)).toBe(akl.name)
    expect(await page.getByTestId('scan-banner').getAttribute('data-status')).toBe('switched')
    expect(await bannerTitle(page)).toBe(`Now counting at ${akl.name}`)
    expect(await page.getByTestId('scan-switch').textContent()).toContain(
      `The bin ${bin} is not counted on its own here, so scans go to ${akl.name}.`
    )
    expect(await tone(page)).toMatch(/^location:/)
    expect(await page.getByText('blind count').count()).toBe(1)
    await screenshot(page, 'location-started')

    let seq = Number(await page.getByTestId('scan-banner').getAttribute('data-seq'))
    for (const code of [a.barcode, a.barcode, b.barcode]) {
      const shown = await nextBanner(page, seq, () => scan(page, code))
      expect(shown.status).toBe('counted')
      seq = shown.seq
    }
    expect(await counted(page, a.sku)).toBe('2')

    // Another bin of the warehouse being counted: scans stay where they go.
    const sameShown = await nextBanner(page, seq, () => scan(page, otherBin))
    seq = sameShown.seq
    expect(sameShown.status).toBe('switched')
    expect(await bannerTitle(page)).toBe(`Already counting at ${akl.name}`)
    expect(await page.getByTestId('scan-switch').textContent()).toContain(`bin ${otherBin}`)

    // A label of another warehouse: scans go there, the first count is kept with its three scans.
    seq = (await nextBanner(page, seq, () => scan(page, chcBin))).seq
    await expect.poll(() => scansGoTo(page)).toBe(chc.name)
    expect(await bannerTitle(page)).toBe(`Now counting at ${chc.name}`)
    expect(await page.getByTestId('scan-switch').textContent()).toContain(
      `The count at ${akl.name} is kept with its 3 scans`
    )
    expect(await tone(page)).toMatch(/^location:/)
    const parked = page.getByTestId('parked-count')
    expect(await parked.count()).toBe(1)
    expect(await parked.getAttribute('data-location')).toBe(akl.name)
    expect(await parked.textContent()).toContain(`${akl.name} · 3 scans · blind`)
    expect(await page.getByText('blind count').count()).toBe(1)
    seq = (await nextBanner(page, seq, () => scan(page, c.barcode))).seq
    await expect.poll(() => counted(page, c.sku)).toBe('1')
    expect(await page.locator(`[data-testid="count-line"][data-sku="${a.sku}"]`).count()).toBe(0)
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await screenshot(page, 'location-switched')

    // Back by its warehouse code, typed: the first count resumes with its lines as they were.
    await nextBanner(page, seq, async () => {
      await page.getByTestId('count-code').fill(akl.code!.toLowerCase())
      await page.getByTestId('count-code-add').click()
    })
    await expect.poll(() => scansGoTo(page)).toBe(akl.name)
    expect(await bannerTitle(page)).toBe(`Back to counting at ${akl.name}`)
    await expect.poll(() => counted(page, a.sku)).toBe('2')
    expect(await counted(page, b.sku)).toBe('1')
    expect(await parked.getAttribute('data-location')).toBe(chc.name)
    await screenshot(page, 'location-resumed')

    // The count kept aside is one click away too.
    await parked.click()
    await expect.poll(() => scansGoTo(page)).toBe(chc.name)
    await expect.poll(() => counted(page, c.sku)).toBe('1')
    expect(await parked.getAttribute('data-location')).toBe(akl.name)
    await page.close()
  })

  it('counts the item scanned right after the label that starts the count, before the count is drawn', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const akl = data.warehouses[0]!
    const bin = akl.zones?.[0]?.bins?.[1]?.code
    const [a] = plainStock(data, akl.id)
    if (!a || !bin) throw new Error('the dataset lacks a plain product and a bin')
    // A new page: its own replica, with the counts of the test before restored from the journal.
    const page = await openApp(app.browser, app.host.url)
    await stockSynced(page)
    await page.locator('[data-section="count"]').click()
    // Discarded one by one, the one kept aside too, until no count is open.
    const start = page.getByTestId('count-start')
    const discard = page.getByTestId('count-discard')
    const parked = page.getByTestId('parked-count')
    for (;;) {
      await expect.poll(async () => (await start.count()) + (await discard.count())).toBeGreaterThan(0)
      if ((await discard.count()) > 0) {
        const before = await page.getByTestId('count-session').getAttribute('data-count-id')
        await discard.click()
        await page.getByTestId('confirm-discard').click()
        await expect
          .poll(async () =>
            (await start.count()) > 0
              ? 'none'
              : page.getByTestId('count-session').getAttribute('data-count-id')
          )
          .not.toBe(before)
      } else if ((await parked.count()) > 0) {
        await parked.click()
        await expect.poll(() => discard.count()).toBe(1)
      } else break
    }

    await scan(page, [bin, a.barcode, a.barcode])
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    await expect.poll(() => scansGoTo(page)).toBe(akl.name)
    await expect.poll(() => counted(page, a.sku), { timeout: 15_000 }).toBe('2')
    await page.close()
  })
})
