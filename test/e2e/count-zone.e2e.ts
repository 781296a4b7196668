import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { seriousAxeViolations } from './axe'
import { connectAndSync, countAdjustmentAt, submitWithKeyboard } from './count-page'
import { watchPointer } from './dock'
import { dismissNotices, docsScreenshot, e2eAvailability, inEachTheme, openApp } from './harness'
import { tabTo, tabToAndEnter } from './keyboard-nav'
import { nextBanner, scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 29
const SIZE = 200

/** Picks the first choice of an open list that reads `text`, with the arrow keys and Enter. */
async function pickTyped(page: Page, text: string) {
  await expect.poll(() => page.getByRole('option').first().textContent()).toContain(text)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
}

describe.skipIf(!availability.run)('items not counted, one zone at a time', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('sets every line of one zone to zero with the keyboard and sends exactly those differences', async () => {
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[1]!
    // A zone is the bin code's leading part: CHC-A-01-02 is in zone CHC-A.
    const zone = `${warehouse.code}-A`
    const inZone = data.products
      .all()
      .filter((p) => p.isActive)
      .flatMap((p) => {
        const row = data.stockOf(p.id).find((r) => r.warehouseId === warehouse.id)
        const cells = (row?.cells ?? []).filter((c) => c.onHand !== 0)
        const codes = cells.map((c) => data.bin(c.binId)!.bin.code)
        if (cells.length === 0 || !codes.every((c) => c.startsWith(`${zone}-`))) return []
        return [{ p, onHand: cells.reduce((n, c) => n + c.onHand, 0) }]
      })
    const plain = inZone.filter(({ p }) => !p.trackBatches && !p.trackSerials)
    const serial = inZone.filter(({ p }) => p.trackSerials)
    const scanned = plain.find(({ p }) => p.barcode?.length === 13)
    if (!scanned || plain.length < 5 || serial.length === 0 || inZone.some(({ p }) => p.trackBatches))
      throw new Error(`zone ${zone} is not all plain products and a serial-tracked one`)

    const page = await openApp(app.browser, app.host.url)
    await page.setViewportSize({ width: 1024, height: 768 })
    await connectAndSync(page, app.vendor)
    await dismissNotices(page)
    const pointer = await watchPointer(page)

    // Count the warehouse, keyboard and scanner only: pick it by typing, scan one item of the zone.
    await page.keyboard.press('Alt+2')
    await page.getByTestId('count-location').focus()
    await page.keyboard.type(warehouse.name)
    await pickTyped(page, `${warehouse.name} (whole warehouse)`)
    await tabToAndEnter(page, page.getByTestId('count-start-button'))
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    await nextBanner(page, 0, () => scan(page, scanned.p.barcode!))

    // The review: the zone chosen by typing it shows that zone's lines, each with its bin.
    await tabToAndEnter(page, page.getByTestId('count-review-button'))
    await tabTo(page, page.getByTestId('not-counted-zone'))
    await page.keyboard.type(zone)
    await pickTyped(page, `${zone} · Ambient racking (${inZone.length - 1})`)
    const rows = page.locator('[data-testid="not-counted-row"]')
    await expect.poll(() => rows.count()).toBe(inZone.length - 1)
    expect(await page.getByTestId('not-counted-shown').textContent()).toMatch(
      new RegExp(`^${inZone.length - 1} lines of \\d+ shown\\.$`)
    )
    const bins = await page.getByTestId('not-counted-bins').allTextContents()
    expect(
      bins.every((b) => new RegExp(`^bins? ${zone}-\\d\\d-\\d\\d(, ${zone}-\\d\\d-\\d\\d)*$`).test(b))
    ).toBe(true)

    // Set all shown to zero: the serial-numbered line is named and left, as Frostbyte cannot zero it so.
    await tabToAndEnter(page, page.getByTestId('not-counted-zero-all'))
    await expect
      .poll(() => page.locator('[data-testid="not-counted-row"][data-choice="zero"]').count())
      .toBe(plain.length - 1)
    expect(await page.getByTestId('not-counted-error').textContent()).toMatch(
      new RegExp(
        `^${serial.length} lines? (was left as it was|were left as they were) \\(${serial[0]!.p.name}`
      )
    )
    await dismissNotices(page)
    await page.getByTestId('not-counted-title').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    expect(await seriousAxeViolations(page)).toEqual([])
    await inEachTheme(page, async (scheme) => {
      await docsScreenshot(page, `review-zone-1024x768-${scheme}`)
      // Read once the theme's colour transitions have ended.
      await expect.poll(() => seriousAxeViolations(page)).toEqual([])
    })

    await submitWithKeyboard(page)
    const lines = await countAdjustmentAt(app.vendor, warehouse.name, page)
    // The scanned item: 1 − on hand; every other plain line of the zone: − on hand. Nothing else.
    expect(lines.map((l) => [l.productId, l.quantityChange]).sort()).toEqual(
      plain.map(({ p, onHand }) => [p.id, p.id === scanned.p.id ? 1 - onHand : -onHand]).sort()
    )
    expect(await pointer()).toBe(0)
    await page.close()
  })
})
