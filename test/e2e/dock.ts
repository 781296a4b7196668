import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { screenshot, type RunningVendor } from './harness'
import { scan } from './scanner'

/** Counts pointer input the page receives from now on (a keyboard-and-scanner run must see none). */
export async function watchPointer(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { pointerEvents: number }
    w.pointerEvents = 0
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'wheel'])
      window.addEventListener(type, () => w.pointerEvents++, true)
  })
  return () => page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)
}

/** Scans at the dock and waits for the banner of that scan: its tone and words. */
export async function dockScan(page: Page, code: string): Promise<{ tone: string; words: string }> {
  const banner = page.getByTestId('dock-banner')
  const before = Number((await banner.getAttribute('data-seq')) ?? 0)
  await scan(page, code)
  await expect
    .poll(async () => Number(await banner.getAttribute('data-seq')), { timeout: 15_000 })
    .toBeGreaterThan(before)
  return { tone: (await banner.getAttribute('data-tone')) ?? '', words: (await banner.textContent()) ?? '' }
}

/**
 * Scans one code after another with no pause, as a receiver does who scans the order and
 * then its first item at once; waits for the banner of the last: its tone and words.
 */
export async function dockScansAtOnce(page: Page, codes: string[]): Promise<{ tone: string; words: string }> {
  const banner = page.getByTestId('dock-banner')
  const before = Number((await banner.getAttribute('data-seq')) ?? 0)
  await scan(page, codes)
  await expect
    .poll(async () => Number(await banner.getAttribute('data-seq')), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(before + codes.length)
  return { tone: (await banner.getAttribute('data-tone')) ?? '', words: (await banner.textContent()) ?? '' }
}

/** The tone the page last played (the app marks it on the document for tests; a person hears it). */
export const lastTone = (page: Page) =>
  page.evaluate(() => (document.documentElement.dataset.tone ?? '').split(':')[0])

/** GTIN-14 of a product's printed barcode (EAN-13 or UPC-A), as the GS1 label carries it. */
export const gtin14 = (barcode: string) => barcode.padStart(14, '0')

export interface FbProductRow {
  id: string
  sku: string
  barcode: string | null
  trackBatches: boolean
  trackSerials: boolean
  isActive: boolean
}

/** Every product of the Frostbyte fake, read through its API. */
export async function fbProducts(vendor: RunningVendor): Promise<FbProductRow[]> {
  const out: FbProductRow[] = []
  for (let page = 1; ; page++) {
    const res = (await vendor.get(`/products?page=${page}&pageSize=200&sortBy=createdAt&sortDir=asc`)) as {
      data: FbProductRow[]
      pagination: { totalPages: number }
    }
    out.push(...res.data)
    if (page >= res.pagination.totalPages) return out
  }
}

/** Creates, submits and approves a purchase order at the Frostbyte fake, as its own app would. */
export async function approvedPo(
  vendor: RunningVendor,
  warehouseId: string,
  lines: { productId: string; quantity: number }[]
): Promise<{ id: string; orderNumber: string; lines: { id: string; productId: string }[] }> {
  const suppliers = (await vendor.get('/suppliers?pageSize=50&sortDir=asc')) as {
    data: { id: string; isActive?: boolean }[]
  }
  const supplier = suppliers.data.find((s) => s.isActive !== false)!
  const po = (await vendor.send('POST', '/purchase-orders', {
    supplierId: supplier.id,
    warehouseId,
    lines: lines.map((l) => ({ ...l, unitCost: 3 }))
  })) as { id: string; orderNumber: string; lines: { id: string; productId: string }[] }
  expect(po.id, JSON.stringify(po)).toBeTruthy()
  await vendor.send('POST', `/purchase-orders/${po.id}/submit`)
  await vendor.send('POST', `/purchase-orders/${po.id}/approve`)
  return po
}

const DOCS = join(__dirname, '..', '..', 'docs', 'screenshots')

/** A screenshot kept with the README (docs/screenshots) as well as with the run's artifacts. */
export async function docShot(page: Page, name: string): Promise<void> {
  const path = await screenshot(page, name)
  await mkdir(DOCS, { recursive: true })
  await copyFile(path, join(DOCS, `${name}.png`))
}
