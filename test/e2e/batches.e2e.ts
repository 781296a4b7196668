import { describe, expect, it } from 'vitest'
import { generateInventora } from '../../src/main/fakes/inventora/generate'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot } from './harness'
import { useVendorApp } from './vendor-app'
import { scan } from './scanner'

const availability = e2eAvailability()
const SEED = 23
const SIZE = 200

describe.skipIf(!availability.run)('recording a production batch while the vendor is unreachable', () => {
  const app = useVendorApp(['--vendor', 'inventora', '--size', String(SIZE), '--seed', String(SEED)])

  it('keeps the batch on the task as waiting to send, and sends it once when the vendor returns', async () => {
    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      system: 'Inventora',
      name: 'Workshop',
      url: app.vendor.url,
      apiKey: app.vendor.apiKey
    })
    await expect
      .poll(() => page.getByTestId('sync-tasks').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)

    const data = generateInventora({ seed: SEED, size: SIZE, now: () => new Date() })
    const open = [...data.tasks.values()].filter((t) => !t.deleted && t.status !== 'done')
    // A product with a barcode that exactly one open task makes: scanning it on the list opens that task.
    const makers = (resourceId: string) =>
      open.filter((t) => t.items.some((i) => i.resourceId === resourceId))
    const task = open.find((t) => {
      const first = t.items[0]
      return first && data.resource(first.resourceId)?.ean && makers(first.resourceId).length === 1
    })
    if (!task) throw new Error('the generated data has no barcoded product made by exactly one open task')
    const line = task.items[0]!
    const batchesBefore = line.batches.length

    await app.vendor.cutOff()
    await page.locator('[data-section="tasks"]').click()
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(0)
    await scan(page, data.resource(line.resourceId)!.ean!)
    await expect.poll(() => page.getByTestId('task-detail').count()).toBe(1)
    // The drawer is titled with the task it opened.
    expect(await page.getByRole('dialog', { name: task.name, exact: true }).count()).toBe(1)
    await page.getByTestId('record-batch').first().click()
    await page.getByTestId('batch-quantity').fill('5')
    await page.getByTestId('batch-save').click()
    await expect.poll(() => page.getByTestId('task-batches-queued').textContent()).toMatch(/waiting to send/)
    await screenshot(page, 'batch-offline')
    await page.keyboard.press('Escape')

    await page.locator('[data-section="outbox"]').click()
    await expect
      .poll(() => page.getByTestId('outbox-error').textContent(), { timeout: 30_000 })
      .toMatch(/could not be reached/)
    expect(await page.getByTestId('status-pending').textContent()).toBe('1 write waiting to send')
    await screenshot(page, 'batch-outbox-offline')

    await app.vendor.restore()
    await expect
      .poll(() => page.getByTestId('status-pending').textContent(), { timeout: 90_000 })
      .toBe('All writes sent')
    await page.locator('[data-section="tasks"]').click()
    await page
      .getByTestId('task-row')
      .filter({ has: page.getByText(task.name, { exact: true }) })
      .click()
    await expect.poll(() => page.getByTestId('task-batches-queued').count()).toBe(0)
    await screenshot(page, 'batch-sent')

    // At the vendor: exactly one new batch of 5 on that line.
    const atVendor = (await app.vendor.get(`/tasks/${task.id}`)) as {
      Items: { id: number; Batches: { quantity: number }[] }[]
    }
    const batches = atVendor.Items.find((i) => i.id === line.id)!.Batches
    expect(batches).toHaveLength(batchesBefore + 1)
    expect(batches.at(-1)!.quantity).toBe(5)
    await page.close()
  })
})
