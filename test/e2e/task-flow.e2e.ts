import { describe, expect, it } from 'vitest'
import { generateInventora } from '../../src/main/fakes/inventora/generate'
import { addConnectionThroughUi, e2eAvailability, openApp } from './harness'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
const SEED = 29
const SIZE = 200

interface VendorTask {
  status: string
  Items: { id: number; Batches: { id: number; quantity: number }[] }[]
}

describe.skipIf(!availability.run)('moving a task along and undoing batches', () => {
  const app = useVendorApp(['--vendor', 'inventora', '--size', String(SIZE), '--seed', String(SEED)])

  it('starts and completes a task; a batch recorded and undone offline reaches the vendor as neither', async () => {
    const v = app.vendor
    const data = generateInventora({ seed: SEED, size: SIZE, now: () => new Date() })
    const task = [...data.tasks.values()].find(
      (t) => !t.deleted && t.status === 'pending' && t.items.length > 0
    )!
    const before = (await v.get(`/tasks/${task.id}`)) as VendorTask
    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, {
      system: 'Inventora',
      name: 'Workshop',
      url: v.url,
      apiKey: v.apiKey
    })
    await expect
      .poll(() => page.getByTestId('sync-tasks').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)

    await v.cutOff()
    await page.locator('[data-section="tasks"]').click()
    await page
      .getByTestId('task-row')
      .filter({ has: page.getByText(task.name, { exact: true }) })
      .click()
    await page.getByTestId('task-start').click()
    await expect.poll(() => page.getByTestId('task-start').count()).toBe(0)
    // A batch recorded, then undone before it was ever sent: both cancelled here, nothing sent.
    await page.getByTestId('record-batch').first().click()
    await page.getByTestId('batch-quantity').fill('4')
    await page.getByTestId('batch-save').click()
    await expect.poll(() => page.getByTestId('task-batches-queued').textContent()).toMatch(/waiting to send/)
    await page.getByTestId('task-batches-queued').getByTestId('batch-undo').click()
    await expect.poll(() => page.getByTestId('task-batches-queued').count()).toBe(0)
    await page.getByTestId('task-complete').click()
    await expect.poll(() => page.getByTestId('task-complete').count()).toBe(0)
    await page.keyboard.press('Escape')

    await v.restore()
    await expect
      .poll(() => page.getByTestId('status-pending').textContent(), { timeout: 120_000 })
      .toBe('All writes sent')
    const after = (await v.get(`/tasks/${task.id}`)) as VendorTask
    expect(after.status).toBe('done')
    expect(after.Items.map((i) => i.Batches.length)).toEqual(before.Items.map((i) => i.Batches.length))
    const ledger = await v.ledger()
    expect(ledger.filter((l) => l.path.includes('batches'))).toEqual([])
    expect(ledger.filter((l) => l.path === `/tasks/${task.id}`).map((l) => l.body)).toEqual([
      { status: 'in-progress' },
      { status: 'done' }
    ])

    // Online: a batch recorded and sent, then undone: the vendor holds both, in order.
    const other = [...data.tasks.values()].find(
      (t) => t !== task && !t.deleted && t.status !== 'done' && t.items.length > 0
    )!
    await page
      .getByTestId('task-row')
      .filter({ has: page.getByText(other.name, { exact: true }) })
      .click()
    await page.getByTestId('record-batch').first().click()
    await page.getByTestId('batch-quantity').fill('2')
    await page.getByTestId('batch-save').click()
    await expect.poll(() => page.getByTestId('task-batches-queued').count(), { timeout: 90_000 }).toBe(0)
    await page.getByTestId('task-batches').getByTestId('batch-undo').last().click()
    const batchWrites = async () =>
      (await v.ledger()).filter((l) => l.path.includes('batches')).map((l) => `${l.method} ${l.path}`)
    await expect.poll(batchWrites, { timeout: 90_000 }).toHaveLength(2)
    const both = await batchWrites()
    expect(both[0]).toMatch(new RegExp(`^POST /tasks/${other.id}/items/\\d+/batches$`))
    expect(both[1]).toMatch(/^DELETE \/task-batches\/\d+$/)
    await page.close()
  })
})
