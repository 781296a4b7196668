import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { e2eAvailability, openApp, screenshot } from './harness'
import { connectAndSync, plainStock, startCountAt } from './count-page'
import { useVendorApp } from './vendor-app'
import { counted, nextBanner, scan } from './scanner'

const availability = e2eAvailability()
const SEED = 23
const SIZE = 300

describe.skipIf(!availability.run)('a count overtaken by another PC’s adjustment', () => {
  const app = useVendorApp(['--size', String(SIZE), '--seed', String(SEED)])

  it('is held before it leaves, told in words with the three choices, and sent against the vendor’s level now', async () => {
    const page = await openApp(app.browser, app.host.url)
    await connectAndSync(page, app.vendor)
    const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
    const warehouse = data.warehouses[0]!
    const item = plainStock(data, warehouse.id).find((p) => p.onHand >= 3)
    if (!item) throw new Error('no plain product with stock in the first warehouse')
    const expected = item.onHand

    // Another PC of the site corrects the same shelf first: −2, its own adjustment, at the vendor.
    const other = await fetch(`${app.vendor.url}/stock-adjustments`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${app.vendor.apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID()
      },
      body: JSON.stringify({
        reason: 'CYCLE_COUNT',
        notes: 'Stockroom count — PC-2',
        lines: [{ productId: item.id, warehouseId: warehouse.id, quantityChange: -2 }]
      })
    })
    expect(other.status).toBe(201)

    // This PC, its replica not yet synced again, counts the shelf: one scan, where it expected more.
    await startCountAt(page, warehouse.name)
    await nextBanner(page, 0, () => scan(page, item.barcode))
    await expect.poll(() => counted(page, item.sku)).toBe('1')
    await page.getByTestId('count-review-button').click()
    await page.getByTestId('submit-count').click()
    await page.getByTestId('confirm-submit').click()
    await expect.poll(() => page.getByTestId('submit-result').count()).toBe(1)

    await page.locator('[data-section="outbox"]').click()
    await expect
      .poll(() => page.locator('[data-testid="outbox-entry"][data-state="needs-review"]').count(), {
        timeout: 60_000
      })
      .toBe(1)
    // Counted 1 where the replica expected more: this PC's change, as the review words it.
    const oursText = `−${expected - 1}`
    await expect
      .poll(() => page.getByTestId('outbox-error').textContent())
      .toMatch(
        new RegExp(
          `^Stock of ${item.sku} .* at ${warehouse.name} changed by −2 at the vendor at \\d\\d:\\d\\d \\(stock adjustment 'Stockroom count — PC-2'\\)\\. Send your ${oursText} anyway / send the difference against now / drop\\.`
        )
      )
    await expect
      .poll(() => page.getByRole('button', { name: `Send your ${oursText} anyway` }).count())
      .toBe(1)
    await expect.poll(() => page.getByRole('button', { name: 'Drop' }).count()).toBe(1)
    await screenshot(page, 'count-overtaken-review')
    // The review and its three choices pass axe (evaluated: the page's policy refuses inline scripts).
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'))
    const serious = await page.evaluate(async () => {
      type AxeResults = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<AxeResults> } }).axe
      const r = await axe.run(document)
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    })
    expect(serious).toEqual([])
    // Nothing of this PC's reached the vendor.
    const sentByThisPc = async () =>
      (await app.vendor.adjustments()).filter(
        (a) => String(a.notes).startsWith('Stockroom count') && a.notes !== 'Stockroom count — PC-2'
      )
    expect(await sentByThisPc()).toHaveLength(0)

    await page.getByRole('button', { name: 'Send the difference against now' }).click()
    await expect
      .poll(() => page.locator('[data-testid="outbox-entry"][data-state="done"]').count(), {
        timeout: 60_000
      })
      .toBe(1)
    await page.getByText('All', { exact: true }).click()
    // One write of this PC: what was counted, against the level after the other PC's −2.
    const sent = await sentByThisPc()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.lines).toMatchObject([{ productId: item.id, quantityChange: 1 - (expected - 2) }])
    await page.close()
  })
})
