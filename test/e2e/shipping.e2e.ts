import { describe, expect, it } from 'vitest'
import { addConnectionThroughUi, dismissNotices, e2eAvailability, openApp } from './harness'
import { dockScan, dockScansAtOnce, docShot, fbProducts, gtin14, lastTone, watchPointer } from './dock'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()

interface ShipmentDetail {
  id: string
  shipmentNumber: string
  status: string
  carrier: string | null
  trackingNumber: string | null
  lines: { productId: string; quantity: number }[]
}

describe.skipIf(!availability.run)('checking, packing and dispatching a shipment by scanning', () => {
  // Every second write is applied and its answer dropped: here, the first dispatch.
  const app = useVendorApp([
    '--vendor',
    'frostbyte',
    '--size',
    '400',
    '--seed',
    '47',
    '--drop-writes-every',
    '2'
  ])

  it('checks line by line (a wrong item refused), packs, dispatches with a scanned tracking number, once', async () => {
    const v = app.vendor
    const products = new Map((await fbProducts(v)).map((p) => [p.id, p]))
    const listed = (await v.get('/shipments?status=PICKED,PICKING&pageSize=100')) as {
      data: { id: string }[]
    }
    let shipment: ShipmentDetail | undefined
    for (const s of listed.data) {
      const d = (await v.get(`/shipments/${s.id}`)) as ShipmentDetail
      if (d.lines.length >= 2 && d.lines.every((l) => products.get(l.productId)?.barcode)) {
        shipment = d
        break
      }
    }
    expect(shipment, 'a picked shipment whose items all carry barcodes').toBeDefined()
    const inShipment = new Set(shipment!.lines.map((l) => l.productId))
    const wrong = [...products.values()].find((p) => p.barcode && !inShipment.has(p.id) && p.isActive)!

    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, { name: 'Bench', url: v.url, apiKey: v.apiKey })
    await expect
      .poll(() => page.getByTestId('sync-shipments').textContent(), { timeout: 120_000 })
      .toMatch(/^up to date/)
    const pointer = await watchPointer(page)
    await page.keyboard.press('Alt+9')
    await expect.poll(() => page.getByTestId('shipping-screen').count()).toBe(1)
    const [first, ...rest] = shipment!.lines
    // A pack barcode counts as several units (GS1 AI 30).
    const label = (l: { productId: string; quantity: number }) =>
      `(01)${gtin14(products.get(l.productId)!.barcode!)}(30)${l.quantity}`
    // The shipment's number and its first item, scanned at once: the item is checked against that shipment.
    const atOnce = await dockScansAtOnce(page, [shipment!.shipmentNumber, label(first!)])
    expect(atOnce, atOnce.words).toMatchObject({ tone: 'ok' })
    const refused = await dockScan(page, wrong.barcode!)
    expect(refused).toMatchObject({ tone: 'error' })
    expect(refused.words).toMatch(/^Wrong item/)
    expect(await lastTone(page)).toBe('error')
    // A surplus of a line already complete is refused too.
    expect((await dockScan(page, products.get(first!.productId)!.barcode!)).words).toMatch(/^Surplus/)
    await dismissNotices(page)
    await docShot(page, 'shipment-checking')

    // Packing while a line is short names it.
    await page.keyboard.press('Control+Enter')
    await expect
      .poll(() => page.getByTestId('dock-banner').textContent())
      .toMatch(/^Short: .* 0 of \d+ checked/)
    for (const l of rest) expect((await dockScan(page, label(l))).tone).toBe('ok')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('shipment-status').textContent()).toBe('PACKED')

    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('shipment-carrier')
    await page.keyboard.type('NZ Post', { delay: 80 })
    expect((await dockScan(page, 'NZP 12345678-A')).tone).toBe('ok')
    await expect
      .poll(() => page.getByTestId('write-status').last().getAttribute('data-state'), { timeout: 120_000 })
      .toBe('done')
    // The first dispatch's answer was lost: the retry, same key and bytes, was answered from the vendor's store.
    await page.keyboard.press('Alt+6')
    await expect
      .poll(() => page.getByTestId('activity-list').textContent())
      .toMatch(/Sent: Dispatch .*already applied; confirmed by the vendor/)
    expect(await pointer()).toBe(0)

    const atVendor = (await v.get(`/shipments/${shipment!.id}`)) as ShipmentDetail
    expect(atVendor).toMatchObject({
      status: 'DISPATCHED',
      carrier: 'NZ Post',
      trackingNumber: 'NZP 12345678-A'
    })
    const ledger = await v.ledger()
    const mine = ledger.filter((l) => l.path.startsWith(`/shipments/${shipment!.id}/`)).map((l) => l.path)
    expect(mine).toEqual([`/shipments/${shipment!.id}/pack`, `/shipments/${shipment!.id}/dispatch`])
    await page.close()
  })
})
