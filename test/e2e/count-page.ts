import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { addConnectionThroughUi, clickOption, type RunningVendor } from './harness'
import { tabToAndEnter } from './keyboard-nav'

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
  await stockSynced(page)
}

/**
 * Waits until this page's replica holds the connection's stock (a new page's replica
 * syncs again what the host is already connected to).
 */
export async function stockSynced(page: Page) {
  await page.locator('[data-section="connections"]').click()
  await expect
    .poll(() => page.getByTestId('sync-stock-on-hand').textContent(), { timeout: 120_000 })
    .toMatch(/^up to date/)
}

/** Starts a count of a whole warehouse from the Count screen. */
export async function startCountAt(page: Page, warehouseName: string) {
  await page.locator('[data-section="count"]').click()
  await page.getByTestId('count-location').click()
  await page.getByTestId('count-location').fill(warehouseName)
  await clickOption(page, page.getByRole('option', { name: `${warehouseName} (whole warehouse)` }))
  await page.getByTestId('count-start-button').click()
  await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
}

/** Submits the count under review with the keyboard, through the recount question when it is asked. */
export async function submitWithKeyboard(page: Page) {
  await tabToAndEnter(page, page.getByTestId('submit-count'))
  await expect
    .poll(
      async () =>
        (await page.getByTestId('confirm-submit').count()) + (await page.getByTestId('submit-result').count())
    )
    .toBeGreaterThan(0)
  if ((await page.getByTestId('confirm-submit').count()) > 0)
    await tabToAndEnter(page, page.getByTestId('confirm-submit'))
  await expect.poll(() => page.getByTestId('submit-result').count()).toBe(1)
}

export interface LedgerLine {
  productId: string
  quantityChange: number
  batchId?: string | null
}

/** The lines of the one stock adjustment a count at this warehouse sent, once the vendor holds it. */
export async function countAdjustmentAt(
  vendor: RunningVendor,
  warehouseName: string,
  /** The page that sent it: on a miss, its Outbox screen is printed, so the run tells where the write stands. */
  page?: Page
): Promise<LedgerLine[]> {
  // "Stockroom count at X, …", or "Stockroom count — PC-2 at X, …" from a PC that has a name.
  const ours = async () =>
    (await vendor.adjustments()).filter((x) => {
      const notes = String(x.notes)
      return notes.startsWith('Stockroom count') && notes.includes(` at ${warehouseName}, `)
    })
  try {
    await expect.poll(async () => (await ours()).length, { timeout: 60_000 }).toBe(1)
  } catch (error) {
    if (page) {
      await page.locator('[data-section="outbox"]').click()
      console.log(`the Outbox screen:\n${await page.locator('main').innerText()}`)
    }
    throw error
  }
  return (await ours())[0]!.lines as LedgerLine[]
}
