import { describe, expect, it } from 'vitest'
import { generateFraction } from '../../src/main/fakes/fractionerp/generate'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot, clickOption } from './harness'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 23
const SIZE = 300

describe.skipIf(!availability.run)('a manufacturer on FractionERP', () => {
  const app = useVendorApp(['--vendor', 'fractionerp', '--size', String(SIZE), '--seed', String(SEED)])

  it('connects with an email and password, syncs, finds parts by search and lists works orders read-only', async () => {
    const data = generateFraction({ seed: SEED, size: SIZE, now: () => new Date() })
    expect(app.vendor.login).toBeDefined()
    const page = await openApp(app.browser, app.host.url)

    // The form asks what the vendor's profile says: a login, not a key.
    await page.locator('[data-section="connections"]').click()
    await page.getByRole('button', { name: 'Add connection' }).click()
    await page.getByLabel('System').first().click()
    await clickOption(page, page.getByRole('option', { name: 'FractionERP' }))
    expect(await page.getByLabel('API key', { exact: true }).count()).toBe(0)
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(1)
    await screenshot(page, 'fractionerp-add-connection')
    await page.getByRole('button', { name: 'Cancel' }).click()

    await addConnectionThroughUi(page, {
      system: 'FractionERP',
      name: 'Moulding shop',
      url: app.vendor.url,
      apiKey: '',
      login: app.vendor.login!
    })
    await expect
      .poll(() => page.getByTestId('sync-shipments').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)
    expect(await page.getByTestId('sync-parts').textContent()).toMatch(/^up to date · 300 records/)
    // The password is nowhere on the page.
    expect(await page.content()).not.toContain(app.vendor.login!.password)
    await screenshot(page, 'fractionerp-connected')

    // Parts are searchable by part number and by words of the description.
    const part = data.parts.get('42')!
    await page.locator('[data-section="items"]').click()
    await page.getByTestId('item-search').fill(part.part_number)
    // The search forgives a slip, so near numbers may follow; the exact part comes first.
    await expect
      .poll(async () => (await page.getByTestId('item-row').first().textContent()) ?? '')
      .toContain(part.part_number)
    expect(await page.getByTestId('item-row').first().textContent()).toContain(part.description)
    expect(await page.getByTestId('item-row').count()).toBeLessThan(10)
    await screenshot(page, 'fractionerp-items-search')
    await page.getByTestId('item-search').fill(part.description)
    await expect
      .poll(() => page.getByTestId('item-row').filter({ hasText: part.part_number }).count())
      .toBe(1)
    expect(await page.getByTestId('item-row').count()).toBeLessThan(SIZE)

    // Works orders are tasks, read-only, with the reason on each.
    const open = data.workOrders.all().filter((w) => w.status !== 'Completed')
    await page.locator('[data-section="tasks"]').click()
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(open.length)
    await screenshot(page, 'fractionerp-tasks')
    const wo = data.workOrders.get('2')!
    await page
      .getByTestId('task-row')
      .filter({ hasText: `WO ${wo.number}` })
      .first()
      .click()
    await expect.poll(() => page.getByTestId('task-detail').count()).toBe(1)
    expect(await page.getByTestId('task-read-only').textContent()).toMatch(
      /Read-only: FractionERP.*Record the work in FractionERP/
    )
    expect(await page.getByTestId('record-batch').count()).toBe(0)
    await screenshot(page, 'fractionerp-task-detail')
    await page.close()
  })
})
