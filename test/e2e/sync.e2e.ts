import { describe, expect, it } from 'vitest'
import { DEMO_SEED, DEMO_SIZE, INVENTORA_DEMO_SIZE } from '../../src/main/demo/demo'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { generateInventora } from '../../src/main/fakes/inventora/generate'
import { e2eAvailability, openApp, screenshot } from './harness'
import { useApp } from './vendor-app'
import { scan } from './scanner'

const availability = e2eAvailability()

describe.skipIf(!availability.run)(
  'first start: the demo connection syncs and its items are searchable',
  () => {
    const app = useApp({ demo: true })

    it('shows the demo data at once, its sync progress, and finds an item by barcode', async () => {
      const page = await openApp(app.browser, app.host.url)
      await page.locator('[data-section="connections"]').click()
      // Two demo connections: a Frostbyte Pro warehouse and an Inventora workshop with tasks.
      await expect.poll(() => page.getByTestId('connection-card').count()).toBe(2)
      const frostbyte = page.getByTestId('connection-card').filter({ hasText: 'Demo — Frostbyte Pro' })
      const inventora = page.getByTestId('connection-card').filter({ hasText: 'Demo — Inventora' })
      await expect.poll(() => frostbyte.getByTestId('sync-products').count(), { timeout: 30_000 }).toBe(1)
      await screenshot(page, 'sync-progress')
      await expect
        .poll(() => frostbyte.getByTestId('sync-stock-on-hand').textContent(), { timeout: 90_000 })
        .toMatch(/^up to date/)
      await expect
        .poll(() => inventora.getByTestId('sync-tasks').textContent(), { timeout: 60_000 })
        .toMatch(/^up to date/)
      await screenshot(page, 'sync-done')

      await page.locator('[data-section="items"]').click()
      await expect.poll(() => page.getByTestId('item-row').count()).toBeGreaterThan(10)
      await screenshot(page, 'items')

      // The same dataset the demo generated (same seed and size) tells which barcodes exist.
      const data = generateFrostbyte({ seed: DEMO_SEED, size: DEMO_SIZE, now: () => new Date() })
      const product = data.products.all().find((p) => p.isActive && p.barcode && p.barcode.length === 13)!
      await page.getByTestId('item-search').fill(product.barcode!)
      await expect.poll(() => page.getByTestId('item-row').count()).toBe(1)
      expect(await page.getByTestId('item-row').textContent()).toContain(product.sku)
      await screenshot(page, 'items-barcode-search')

      await page.getByTestId('item-row').click()
      await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
      expect(await page.getByTestId('item-raw').textContent()).toContain(product.id)
      await screenshot(page, 'item-detail')

      await page.getByTestId('item-search').fill('0000000000000')
      await expect.poll(() => page.getByTestId('no-match').count()).toBe(1)
      await page.keyboard.press('Escape')

      // The Inventora demo's production tasks, open ones first, with their lines and batches.
      const tasks = generateInventora({ seed: DEMO_SEED, size: INVENTORA_DEMO_SIZE, now: () => new Date() })
      const open = [...tasks.tasks.values()].filter((t) => !t.deleted && t.status !== 'done')
      await page.locator('[data-section="tasks"]').click()
      await expect.poll(() => page.getByTestId('task-row').count()).toBe(open.length)
      await screenshot(page, 'tasks')
      const started = open.find(
        (t) =>
          t.status === 'in-progress' &&
          t.items.some((i) => tasks.resource(i.resourceId)?.ean) &&
          open.filter((o) => o.name === t.name).length === 1
      )!
      await page
        .getByTestId('task-row')
        .filter({ has: page.getByText(started.name, { exact: true }) })
        .click()
      await expect.poll(() => page.getByTestId('task-detail').count()).toBe(1)
      expect(await page.getByTestId('task-lines').locator('tbody tr').count()).toBe(started.items.length)
      expect(await page.getByTestId('task-raw').textContent()).toContain(started.id)
      await screenshot(page, 'task-detail')

      // A batch recorded on the first line: queued, sent to the demo Inventora, shown as its batch.
      const batchesBefore = started.items.reduce((n, i) => n + i.batches.length, 0)
      const made = (i: (typeof started.items)[number]) => i.batches.reduce((n, b) => n + b.quantity, 0)
      const first = started.items[0]!
      await page.getByTestId('record-batch').first().click()
      await page.getByTestId('batch-quantity').fill('4')
      await page.getByTestId('batch-save').click()
      await expect
        .poll(() => page.getByTestId('task-batches').locator('tbody tr').count(), { timeout: 20_000 })
        .toBe(batchesBefore + 1)
      expect(
        await page.getByTestId('task-lines').locator('tbody tr').first().locator('td').nth(3).textContent()
      ).toBe(String(made(first) + 4))
      await screenshot(page, 'task-batch-recorded')

      // Scanning what was made, with its count in the barcode (GS1 AI 30), fills the batch.
      const scanned = started.items.find((i) => tasks.resource(i.resourceId)?.ean)!
      const ean = tasks.resource(scanned.resourceId)!.ean!
      await scan(page, `(01)0${ean}(30)3`)
      await expect.poll(() => page.getByTestId('batch-quantity').inputValue()).toBe('3')
      await screenshot(page, 'task-batch-scan')
      await page.getByTestId('batch-save').click()
      await expect
        .poll(() => page.getByTestId('task-batches').locator('tbody tr').count(), { timeout: 20_000 })
        .toBe(batchesBefore + 2)
    })
  }
)
