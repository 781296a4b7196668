import { describe, expect, it } from 'vitest'
import { addConnectionThroughUi, dismissNotices, e2eAvailability, openApp } from './harness'
import {
  approvedPo,
  dockScan,
  dockScansAtOnce,
  docShot,
  fbProducts,
  gtin14,
  lastTone,
  watchPointer
} from './dock'
import { scan } from './scanner'
import { useVendorApp } from './vendor-app'

const availability = e2eAvailability()
interface ReceiptBody {
  warehouseId: string
  notes?: string
  lines: {
    poLineId: string
    productId: string
    quantity: number
    binId?: string
    batchNumber?: string
    serialNumbers?: string[]
  }[]
}

describe.skipIf(!availability.run)('receiving a purchase order by scanning, offline', () => {
  const app = useVendorApp(['--vendor', 'frostbyte', '--size', '400', '--seed', '43'])

  it('receives a 50-line order with GS1 labels, a bin and serials while offline; the vendor holds one receipt', async () => {
    const v = app.vendor
    const warehouses = (await v.get('/warehouses?pageSize=50')) as {
      data: { id: string; zones: { bins: { id: string; code: string }[] }[] }[]
    }
    const wh = warehouses.data[0]!
    const bin = wh.zones.flatMap((z) => z.bins).find((b) => b.code.length >= 4)!
    const products = (await fbProducts(v)).filter((p) => p.isActive && p.barcode)
    const plainOrLot = products.filter((p) => !p.trackSerials).slice(0, 49)
    const serial = products.find((p) => p.trackSerials)!
    expect(plainOrLot).toHaveLength(49)
    const po = await approvedPo(v, wh.id, [
      ...plainOrLot.map((p, i) => ({ productId: p.id, quantity: 2 + (i % 5) })),
      { productId: serial.id, quantity: 2 }
    ])
    const wrong = products.find((p) => !plainOrLot.includes(p) && p !== serial && !p.trackSerials)!

    const page = await openApp(app.browser, app.host.url)
    await addConnectionThroughUi(page, { name: 'Dock', url: v.url, apiKey: v.apiKey })
    await expect
      .poll(() => page.getByTestId('sync-shipments').textContent(), { timeout: 120_000 })
      .toMatch(/^up to date/)
    expect(await page.getByTestId('sync-purchase-orders').textContent()).toMatch(/^up to date/)
    const pointer = await watchPointer(page)

    await v.cutOff()
    await page.keyboard.press('Alt+8')
    await expect.poll(() => page.getByTestId('receiving-screen').count()).toBe(1)
    // The order's number and a bin, scanned at once: the bin is taken by that order's receiving.
    const atOnce = await dockScansAtOnce(page, [po.orderNumber, bin.code])
    expect(atOnce, atOnce.words).toMatchObject({ tone: 'location' })
    expect(atOnce.words).toMatch(/^Into bin/)
    await expect.poll(() => page.getByTestId('receiving-bin').textContent()).toContain(bin.code)

    // One GS1 label per line: count (30), lot (10) and expiry (17).
    for (const [i, p] of plainOrLot.entries()) {
      const label = `(01)${gtin14(p.barcode!)}(17)271231(10)L${i}-${p.sku.slice(0, 8)}(30)${2 + (i % 5)}`
      const r = await dockScan(page, label)
      expect(r, `${p.sku} ${r.words}`).toMatchObject({ tone: 'ok' })
    }
    // The serial-tracked line: one label per unit, each with its serial (21).
    for (const sn of ['SN-E2E-0001', 'SN-E2E-0002'])
      expect((await dockScan(page, `(01)${gtin14(serial.barcode!)}(21)${sn}`)).tone).toBe('ok')
    // One more than ordered is asked once; a scan meanwhile is refused; Escape takes nothing, Enter takes it.
    const last = plainOrLot[48]!
    const extra = `(01)${gtin14(last.barcode!)}(17)271231(10)L48-${last.sku.slice(0, 8)}(30)1`
    const lastNow = page.locator(
      `[data-testid="receiving-line"][data-sku="${last.sku}"] [data-testid="receiving-line-now"]`
    )
    expect(await lastNow.textContent()).toBe('5')
    await scan(page, extra)
    await expect.poll(() => page.getByTestId('over-receipt-words').count(), { timeout: 15_000 }).toBe(1)
    expect((await dockScan(page, extra)).words).toMatch(/^Answer the question first/)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('over-receipt-words').count()).toBe(0)
    expect(await lastNow.textContent()).toBe('5')
    await scan(page, extra)
    await expect.poll(() => page.getByTestId('over-receipt-words').count(), { timeout: 15_000 }).toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => lastNow.textContent(), { timeout: 15_000 }).toBe('6')

    // Not on the order: the error tone and words, nothing recorded.
    const refused = await dockScan(page, wrong.barcode!)
    expect(refused.tone).toBe('error')
    expect(refused.words).toMatch(/Not on .*nothing was recorded/)
    expect(await lastTone(page)).toBe('error')

    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.getByTestId('write-status').getAttribute('data-state')).toBe('pending')
    expect(await page.getByTestId('write-status').textContent()).toMatch(/Waiting to send/)
    await docShot(page, 'receiving')

    await v.restore()
    await expect
      .poll(() => page.getByTestId('write-status').getAttribute('data-state'), { timeout: 120_000 })
      .toBe('done')
    expect(await pointer()).toBe(0)

    const receipts = (await v.ledger()).filter((l) => l.path === `/purchase-orders/${po.id}/receipts`)
    expect(receipts).toHaveLength(1)
    const body = receipts[0]!.body as ReceiptBody
    expect(body.warehouseId).toBe(wh.id)
    expect(body.lines).toHaveLength(50)
    for (const [i, p] of plainOrLot.entries()) {
      const line = body.lines.find((l) => l.productId === p.id)!
      expect(line).toMatchObject({ quantity: 2 + (i % 5) + (p === last ? 1 : 0), binId: bin.id })
      if (p.trackBatches) {
        expect(line.batchNumber).toBe(`L${i}-${p.sku.slice(0, 8)}`)
        expect(body.notes).toContain(`L${i}-${p.sku.slice(0, 8)} 2027-12-31`)
      } else expect(line.batchNumber).toBeUndefined()
    }
    expect(body.lines.find((l) => l.productId === serial.id)).toMatchObject({
      quantity: 2,
      binId: bin.id,
      serialNumbers: ['SN-E2E-0001', 'SN-E2E-0002']
    })
    const atVendor = (await v.get(`/purchase-orders/${po.id}`)) as { status: string }
    expect(atVendor.status).toBe('RECEIVED')
    await page.close()
  })

  it('sends a receipt with an expired lot to review, in plain words with what to do', async () => {
    const v = app.vendor
    const expired = (await v.get('/batches?status=EXPIRED&pageSize=50')) as {
      data: { batchNumber: string; product: { id: string } | null }[]
    }
    const products = await fbProducts(v)
    const batch = expired.data.find((b) => b.product && products.find((p) => p.id === b.product!.id)?.barcode)
    expect(batch, 'an expired batch of a barcoded product').toBeDefined()
    const product = products.find((p) => p.id === batch!.product!.id)!
    const warehouses = (await v.get('/warehouses?pageSize=50')) as { data: { id: string }[] }
    const po = await approvedPo(v, warehouses.data[0]!.id, [{ productId: product.id, quantity: 3 }])

    const page = await openApp(app.browser, app.host.url)
    await page.keyboard.press('Alt+5')
    // The sync this page started with may still run (its button then reads Stop): wait for it to end.
    const syncNow = page.getByRole('button', { name: /^Sync now/ }).first()
    await expect.poll(() => syncNow.count(), { timeout: 120_000 }).toBeGreaterThan(0)
    await syncNow.click()
    await page.keyboard.press('Alt+8')
    await expect
      .poll(async () => (await dockScan(page, po.orderNumber)).tone, { timeout: 90_000 })
      .toBe('location')
    expect((await dockScan(page, `(01)${gtin14(product.barcode!)}(10)${batch!.batchNumber}(30)3`)).tone).toBe(
      'ok'
    )
    await page.keyboard.press('Control+Enter')
    await expect
      .poll(() => page.getByTestId('write-status').getAttribute('data-state'), { timeout: 90_000 })
      .toBe('needs-review')
    expect(await page.getByTestId('write-advice').textContent()).toMatch(
      /expired or recalled.*Keep those goods apart/
    )
    await expect.poll(() => page.getByTestId('receiving-line-pending').first().textContent()).toBe('0')
    await dismissNotices(page)
    await docShot(page, 'receiving-refused-review')
    await page.close()
  })
})
