import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { addConnectionThroughUi, type RunningVendor } from './harness'

type FrostbyteData = ReturnType<typeof generateFrostbyte>

/** Plain products (no lots, no serials, an EAN-13) with what stands of each in a warehouse. */
export function plainStock(data: FrostbyteData, warehouseId: string) {
  return data.products
    .all()
    .filter((p) => p.isActive && !p.trackBatches && !p.trackSerials && p.barcode?.length === 13)
    .map((p) => {
      const row = data.stockOf(p.id).find((r) => r.warehouseId === warehouseId)
      const onHand = row ? row.cells.reduce((n, c) => n + c.onHand, 0) : 0
      return { id: p.id, sku: p.sku, name: p.name, barcode: p.barcode!, onHand }
    })
}

/** Connects the vendor through the Connections screen and waits for stock to be synced. */
export async function connectAndSync(page: Page, vendor: RunningVendor) {
  await addConnectionThroughUi(page, { name: 'Main warehouse', url: vendor.url, apiKey: vendor.apiKey })
  await expect
    .poll(() => page.getByTestId('sync-stock-on-hand').textContent(), { timeout: 120_000 })
    .toMatch(/^up to date/)
}

/** Starts a count of a whole warehouse from the Count screen. */
export async function startCountAt(page: Page, warehouseName: string) {
  await page.locator('[data-section="count"]').click()
  await page.getByTestId('count-location').click()
  await page.getByTestId('count-location').fill(warehouseName)
  await page.getByRole('option', { name: `${warehouseName} (whole warehouse)` }).click()
  await page.getByTestId('count-start-button').click()
  await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
}
