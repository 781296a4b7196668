import { describe, expect, it } from 'vitest'
import { generateForge } from '../../src/main/fakes/forgemrp/generate'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot, clickOption } from './harness'
import { useVendorApp } from './vendor-app'
import { nextBanner, scan } from './scanner'

const availability = e2eAvailability()
const SEED = 31
const SIZE = 400

describe.skipIf(!availability.run)('a job shop on ForgeMRP', () => {
  const app = useVendorApp(['--vendor', 'forgemrp', '--size', String(SIZE), '--seed', String(SEED)])

  it('connects through the Connections screen, syncs, finds its stock by search, lists its jobs read-only and exports a count as CSV', async () => {
    // The same data the fake generated (same seed and size).
    const data = generateForge({ seed: SEED, size: SIZE, now: () => new Date() })
    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      system: 'ForgeMRP',
      name: 'Machine shop',
      url: app.vendor.url,
      apiKey: app.vendor.apiKey
    })
    await expect
      .poll(() => page.getByTestId('sync-purchase_orders').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)
    expect(await page.getByTestId('sync-inventory_items').textContent()).toMatch(/^up to date/)
    await screenshot(page, 'forgemrp-connected')

    // Items carry no barcode or SKU at ForgeMRP: found by words of the description and material.
    const item = data.ordered<{ id: string; createdAt: number }>('inventory')[0]!
    const stocked = data.inventory.get(item.id)!
    await page.locator('[data-section="items"]').click()
    await page
      .getByTestId('item-search')
      .fill(`${stocked.materialType} ${stocked.shape} ${stocked.dimensions}`)
    await expect
      .poll(() => page.getByTestId('item-row').filter({ hasText: stocked.description }).count())
      .toBeGreaterThan(0)
    await screenshot(page, 'forgemrp-items-search')
    await page.getByTestId('item-row').filter({ hasText: stocked.description }).first().click()
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    expect(await page.getByTestId('item-stock').textContent()).toContain(stocked.location!)
    await page.keyboard.press('Escape')

    // Jobs are tasks, read-only, with the reason on each.
    const open = [...data.jobs.values()].filter((j) => j.status !== 'complete')
    await page.locator('[data-section="tasks"]').click()
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(open.length)
    await screenshot(page, 'forgemrp-tasks')
    const job = data.jobs.get(data.ordered<{ id: string; createdAt: number }>('jobs')[1]!.id)!
    await page.getByTestId('task-row').filter({ hasText: job.number }).click()
    await expect.poll(() => page.getByTestId('task-detail').count()).toBe(1)
    expect(await page.getByTestId('task-lines').locator('tbody tr').count()).toBe(job.workOrders.length)
    expect(await page.getByTestId('task-read-only').textContent()).toMatch(
      /Read-only: ForgeMRP.*Record the work in ForgeMRP/
    )
    expect(await page.getByTestId('record-batch').count()).toBe(0)
    await screenshot(page, 'forgemrp-task-detail')
    await page.keyboard.press('Escape')

    // A count at the item's place: a local label is unknown, the item is picked by search, and
    // the count is exported as CSV with the reason (ForgeMRP's API takes no stock writes).
    await page.locator('[data-section="count"]').click()
    await page.getByTestId('count-location').click()
    await page.getByTestId('count-location').fill(stocked.location!)
    await clickOption(page, page.getByRole('option', { name: new RegExp(`^${stocked.location}`) }).first())
    await page.getByTestId('count-start-button').click()
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    const unknown = await nextBanner(page, 0, () => scan(page, '4006381333931'))
    expect(unknown.status).toBe('unknown')
    await page.getByTestId('pick-search').fill(stocked.description)
    await expect.poll(() => page.getByTestId('pick-item').count()).toBeGreaterThan(0)
    await nextBanner(page, unknown.seq, () => page.getByTestId('pick-item').first().click())
    await expect.poll(() => page.getByTestId('count-line').count()).toBe(1)
    await page.getByTestId('count-review-button').click()
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(1)
    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByTestId('submit-result').getAttribute('data-outcome')).toBe('exported')
    expect(await page.getByTestId('submit-reason').textContent()).toMatch(
      /ForgeMRP's API cannot change stock levels/
    )
    const download = page.waitForEvent('download')
    await page.getByTestId('submit-csv').click()
    const csv = await (await download).createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of csv) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    expect(text).toContain(stocked.description.split(',')[0]!)
    await screenshot(page, 'forgemrp-count-exported')
    await page.close()
  })
})
