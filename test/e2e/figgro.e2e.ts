import { formatDate } from '../../src/renderer/src/util/format'
import { describe, expect, it } from 'vitest'
import { generateFiggro } from '../../src/main/fakes/figgro/generate'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot } from './harness'
import { useApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 31
const SIZE = 600

describe.skipIf(!availability.run)('a Figgro connection synced inside its request budget', () => {
  // About 35 pages against 20 requests per 10 s: the budget runs out half-way and the plan says so.
  const app = useApp({
    vendors: [
      [
        '--vendor',
        'figgro',
        '--size',
        String(SIZE),
        '--seed',
        String(SEED),
        '--requests-per-minute',
        '20',
        '--window-seconds',
        '10'
      ]
    ]
  })

  it('shows the plan and when it will be done while it syncs; items and lots are then searchable', async () => {
    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      system: 'Figgro',
      name: 'Figgro plant',
      url: app.vendor.url,
      apiKey: app.vendor.apiKey
    })
    const card = page.getByTestId('connection-card').filter({ hasText: 'Figgro plant' })
    const plan = card.getByTestId('sync-plan')
    // The words and the instants behind them, read together while the budget is spent.
    const read = () =>
      plan.evaluate((el) => ({
        text: el.textContent ?? '',
        at: Date.now(),
        resumesAt: Number(el.getAttribute('data-resumes-at')),
        finishAt: Number(el.getAttribute('data-finish-at'))
      }))
    let seen = await read().catch(() => undefined)
    await expect
      .poll(async () => (seen = await read().catch(() => undefined))?.text, { timeout: 30_000 })
      .toMatch(
        /^page \d+ of \d+ in all — the request budget resumes at \d\d:\d\d:\d\d — done around \d\d:\d\d:\d\d$/
      )
    await screenshot(page, 'figgro-plan')
    expect(seen!.resumesAt).toBeGreaterThan(seen!.at)
    expect(seen!.resumesAt - seen!.at).toBeLessThan(15_000) // within the 10 s window, learnt from Reset
    expect(seen!.finishAt).toBeGreaterThan(seen!.resumesAt)

    await expect
      .poll(() => card.getByTestId('sync-job-run-tickets').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)
    // The plan and any pacing wait go with the pass, which ends just after its last resource.
    await expect.poll(() => card.getByTestId('sync-plan').count()).toBe(0)
    await expect.poll(() => card.getByTestId('sync-wait').count()).toBe(0)
    await screenshot(page, 'figgro-synced')

    const data = generateFiggro({ seed: SEED, size: SIZE, now: () => new Date() })
    await page.locator('[data-section="items"]').click()
    const product = data.products[17]!
    await page.getByTestId('item-search').fill(product.sku)
    // The exact code first (the search also finds near matches after it).
    await expect.poll(() => page.getByTestId('item-row').first().textContent()).toContain(product.name)
    await page.keyboard.press('Escape') // a search that finds one item may open it
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(0)

    // A raw material found by its lot number; its lot shows its expiry, flagged when it is near.
    const material = data.rawMaterials[4]! // i % 9 === 4: expires within 12 days
    await page.getByTestId('item-search').fill(material.lotNumber)
    // The row of the search before stays until the new one lands: wait for the material's own row.
    await expect.poll(() => page.getByTestId('item-row').first().textContent()).toContain(material.sku)
    expect(await page.getByTestId('item-row').count()).toBe(1)
    await page.getByTestId('item-row').click()
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    const lots = page.getByTestId('item-lots')
    await expect.poll(() => lots.textContent()).toContain(material.lotNumber)
    // Shown in the PC's date form (the browser's en-US here), as every date is.
    expect(await lots.textContent()).toContain(formatDate(material.expiryDate!, 'en-US'))
    expect(await lots.textContent()).toContain('expires soon')
    await screenshot(page, 'figgro-lot')
  })
})
