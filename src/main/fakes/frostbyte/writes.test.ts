import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import { ManualClock } from '../common/time'
import { startFrostbyteFake, type FakeServer, type FrostbyteData } from './server'

const AUTH = { Authorization: 'Bearer fb_demo_key', 'Content-Type': 'application/json' }

describe('Frostbyte fake: writes', () => {
  let fb: FakeServer<FrostbyteData>
  const clock = new ManualClock(Date.UTC(2026, 5, 12, 3, 0, 0))
  beforeAll(async () => {
    fb = await startFrostbyteFake({
      size: 100,
      now: clock.now,
      perKeyPerMinute: 10_000,
      perOrgPerMinute: 10_000
    })
  })
  afterAll(() => fb.close())
  const get = (path: string) => fetchJson(`${fb.url}${path}`, { headers: AUTH })
  const post = (path: string, body?: unknown) =>
    fetchJson(`${fb.url}${path}`, {
      method: 'POST',
      headers: AUTH,
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
  const plainRow = () =>
    [...fb.data.stockRows.values()].find((r) => {
      const p = fb.data.products.get(r.productId)
      return p?.isActive && !p.trackBatches && !p.trackSerials
    })!

  it('a stock adjustment moves stock-on-hand and bumps the row and the product updatedAt together', async () => {
    clock.advance(60_000)
    const row = plainRow()
    const soh = await get(`/stock-on-hand?productId=${row.productId}&warehouseId=${row.warehouseId}`)
    const before = soh.json.data[0].quantityOnHand as number
    const total = (await get(`/products/${row.productId}`)).json.totalStockOnHand as number
    clock.advance(1_000)
    const r = await post('/stock-adjustments', {
      reason: 'CYCLE_COUNT',
      lines: [
        { productId: row.productId, warehouseId: row.warehouseId, quantityChange: -2, costPerUnit: 1.5 }
      ]
    })
    expect(r.status).toBe(201)
    expect(r.json).toMatchObject({
      adjustmentNumber: expect.stringMatching(/^ADJ-/),
      reason: 'CYCLE_COUNT',
      status: 'COMPLETED',
      completedAt: clock.now().toISOString()
    })
    expect(r.json.lines[0]).toMatchObject({
      productId: row.productId,
      warehouseId: row.warehouseId,
      binId: expect.any(String),
      batchId: null,
      quantityChange: -2,
      costPerUnit: 1.5
    })
    const after = await get(`/stock-on-hand?productId=${row.productId}&warehouseId=${row.warehouseId}`)
    expect(after.json.data[0].quantityOnHand).toBe(before - 2)
    expect(after.json.data[0].updatedAt).toBe(clock.now().toISOString())
    const product = (await get(`/products/${row.productId}`)).json
    expect(product.totalStockOnHand).toBe(total - 2)
    expect(product.updatedAt).toBe(clock.now().toISOString())
    const changed = await get(`/products?modifiedSince=${clock.now().toISOString()}`)
    expect(changed.json.data.map((p: { id: string }) => p.id)).toEqual([row.productId])
    const listed = await get(`/stock-adjustments/${r.json.id}`)
    expect(listed.json).toEqual(r.json)
  })

  it('reports every failing field in validation_error details', async () => {
    const r = await post('/stock-adjustments', {
      reason: 'GUESS',
      lines: [{ productId: 5, quantityChange: null, costPerUnit: true }]
    })
    expect(r.status).toBe(400)
    expect(r.json.error.code).toBe('validation_error')
    const paths = (r.json.error.details as { path: string }[]).map((d) => d.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'reason',
        'lines.0.productId',
        'lines.0.warehouseId',
        'lines.0.quantityChange',
        'lines.0.costPerUnit'
      ])
    )
    expect(r.json.error.message).toMatch(/^reason: /)
    expect(
      (
        await post('/stock-adjustments', {
          reason: 'STOCK_REQUISITION',
          lines: [{ productId: 'x', warehouseId: 'y', quantityChange: 1 }]
        })
      ).status
    ).toBe(400)
    const tooMany = Array.from({ length: 51 }, () => ({
      productId: 'x',
      warehouseId: 'y',
      quantityChange: 1
    }))
    expect(
      (await post('/stock-adjustments', { reason: 'CYCLE_COUNT', lines: tooMany })).json.error.details[0].path
    ).toBe('lines')
  })

  it('rejects ids inside the body with 422 invalid_reference and invalid JSON with 400', async () => {
    const row = plainRow()
    const r = await post('/stock-adjustments', {
      reason: 'CYCLE_COUNT',
      lines: [{ productId: 'cnotaproduct000000000000', warehouseId: row.warehouseId, quantityChange: 1 }]
    })
    expect(r.status).toBe(422)
    expect(r.json.error.code).toBe('invalid_reference')
    const bad = await fetchJson(`${fb.url}/stock-adjustments`, {
      method: 'POST',
      headers: AUTH,
      body: '{"reason":'
    })
    expect(bad.status).toBe(400)
  })

  it('refuses to take batch-tracked stock negative, and to adjust a UNIT product by a fraction', async () => {
    const batch = [...fb.data.batches.values()].find(
      (b) => b.productId && fb.data.batchCells(b).length > 0 && fb.data.products.get(b.productId)?.isActive
    )!
    const { warehouseId } = fb.data.batchCells(batch)[0]!
    const have = fb.data.batchOnHand(batch, warehouseId)
    const r = await post('/stock-adjustments', {
      reason: 'WRITE_OFF',
      lines: [{ productId: batch.productId, warehouseId, batchId: batch.id, quantityChange: -(have + 1) }]
    })
    expect(r.status).toBe(422)
    expect(r.json.error.code).toBe('unprocessable')
    const unit = fb.data.unitsOfMeasure.find((u) => u.type === 'UNIT')!
    const row = [...fb.data.stockRows.values()].find((x) => {
      const p = fb.data.products.get(x.productId)
      return p?.isActive && !p.trackBatches && p.unitOfMeasureId === unit.id
    })!
    expect(
      (
        await post('/stock-adjustments', {
          reason: 'CYCLE_COUNT',
          lines: [{ productId: row.productId, warehouseId: row.warehouseId, quantityChange: 0.5 }]
        })
      ).status
    ).toBe(422)
    expect(fb.data.batchOnHand(batch, warehouseId)).toBe(have)
  })

  it('receives goods against an approved PO: stock, batches, serials and PO status', async () => {
    const pos = [...fb.data.purchaseOrders.values()].slice(0, 3)
    expect(pos.map((p) => p.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED'])
    const wh = fb.data.warehouses[0]!
    const [plain, batched, serial] = pos as [(typeof pos)[0], (typeof pos)[0], (typeof pos)[0]]

    const line = plain.lines[0]!
    const before = fb.data.totalOnHand(line.productId, wh.id)
    const partial = await post(`/purchase-orders/${plain.id}/receipts`, {
      warehouseId: wh.id,
      lines: [{ poLineId: line.id, productId: line.productId, quantity: 1 }]
    })
    expect(partial.status).toBe(201)
    expect(partial.json.reference).toMatch(/^GR-/)
    expect(partial.json.purchaseOrder.status).toBe(
      plain.lines.length === 1 && line.quantity === 1 ? 'RECEIVED' : 'PARTIALLY_RECEIVED'
    )
    expect(fb.data.totalOnHand(line.productId, wh.id)).toBe(before + 1)

    const bl = batched.lines[0]!
    const noBatch = await post(`/purchase-orders/${batched.id}/receipts`, {
      warehouseId: wh.id,
      lines: [{ poLineId: bl.id, productId: bl.productId, quantity: 2 }]
    })
    expect(noBatch.status).toBe(422)
    const withBatch = await post(`/purchase-orders/${batched.id}/receipts`, {
      warehouseId: wh.id,
      lines: [{ poLineId: bl.id, productId: bl.productId, quantity: 2, batchNumber: 'LNEW-0001' }]
    })
    expect(withBatch.status).toBe(201)
    const created = (await get('/batches?search=LNEW-0001')).json.data
    expect(created).toHaveLength(1)
    expect(created[0].product.id).toBe(bl.productId)

    const sl = serial.lines[0]!
    const wrongCount = await post(`/purchase-orders/${serial.id}/receipts`, {
      warehouseId: wh.id,
      lines: [{ poLineId: sl.id, productId: sl.productId, quantity: 2, serialNumbers: ['ONE'] }]
    })
    expect(wrongCount.status).toBe(422)
    const ok = await post(`/purchase-orders/${serial.id}/receipts`, {
      warehouseId: wh.id,
      lines: [
        { poLineId: sl.id, productId: sl.productId, quantity: 2, serialNumbers: ['SN-TEST-A', 'SN-TEST-B'] }
      ]
    })
    expect(ok.status).toBe(201)
    const found = await get('/serial-numbers?serial=sn-test-a')
    expect(found.json.data).toHaveLength(1)
    expect(found.json.data[0].status).toBe('AVAILABLE')
  })

  it('runs PO transitions and names the actual status on a wrong one', async () => {
    const supplier = [...fb.data.suppliers.values()].find((s) => s.isActive)!
    const product = [...fb.data.products.values()].find((p) => p.isActive)!
    const created = await post('/purchase-orders', {
      supplierId: supplier.id,
      lines: [{ productId: product.id, quantity: 4, unitCost: 2.5 }]
    })
    expect(created.status).toBe(201)
    expect(created.json.status).toBe('DRAFT')
    expect((await post(`/purchase-orders/${created.json.id}/approve`)).json.error.message).toMatch(/DRAFT/)
    expect((await post(`/purchase-orders/${created.json.id}/submit`)).json.status).toBe('SUBMITTED')
    expect((await post(`/purchase-orders/${created.json.id}/approve`)).json.status).toBe('APPROVED')
    expect((await post(`/purchase-orders/cnotapo00000000000000000/submit`)).status).toBe(404)
  })

  it('packs and dispatches shipments; dispatch rolls the order up and rejects bad tracking numbers', async () => {
    const [picked, packed] = [...fb.data.shipments.values()]
    const pack = await post(`/shipments/${picked!.id}/pack`)
    expect(pack.status).toBe(200)
    expect(pack.json.status).toBe('PACKED')
    expect((await post(`/shipments/${picked!.id}/pack`)).status).toBe(422)
    expect((await post(`/shipments/${packed!.id}/dispatch`, { trackingNumber: 'bad/chars' })).status).toBe(
      400
    )
    const d = await post(`/shipments/${packed!.id}/dispatch`, {
      carrier: 'NZ Couriers',
      trackingNumber: 'NZC 12345'
    })
    expect(d.status).toBe(200)
    expect(d.json).toMatchObject({
      status: 'DISPATCHED',
      carrier: 'NZ Couriers',
      trackingNumber: 'NZC 12345',
      shipDate: clock.now().toISOString()
    })
    expect(fb.data.salesOrders.get(packed!.salesOrderId)?.status).toBe('DISPATCHED')
  })

  it('reports low stock at or below the minimum, expiring batches, and stock as it stood at a date', async () => {
    const low = (await get('/reports/low-stock')).json.products as {
      productId: string
      quantityOnHand: number
      minStockLevel: number
    }[]
    expect(low.length).toBeGreaterThan(0)
    for (const p of low) expect(p.quantityOnHand).toBeLessThanOrEqual(p.minStockLevel)
    expect((await get('/reports/low-stock?warehouseId=cnope0000000000000000000')).json.error.code).toBe(
      'invalid_reference'
    )

    const soon = (await get('/reports/expiry?daysAhead=14&daysBack=0')).json.batches as {
      expiryDate: string
    }[]
    expect(soon.length).toBeGreaterThan(0)

    const row = plainRow()
    clock.advance(1_000)
    const t = clock.now().toISOString()
    const current = fb.data.totalOnHand(row.productId, row.warehouseId)
    clock.advance(60_000)
    expect(
      (
        await post('/stock-adjustments', {
          reason: 'CORRECTION',
          lines: [{ productId: row.productId, warehouseId: row.warehouseId, quantityChange: 7 }]
        })
      ).status
    ).toBe(201)
    const atDate = (await get(`/reports/stock-on-hand-at-date?asAtDate=${t}`)).json.rows as {
      productId: string
      warehouseId: string
      quantityOnHand: number
    }[]
    const mine = atDate.find((r) => r.productId === row.productId && r.warehouseId === row.warehouseId)
    expect(mine?.quantityOnHand).toBe(current)
    const moves = (
      await get(
        `/reports/stock-movement?dateFrom=${t}&dateTo=${clock.now().toISOString()}&productId=${row.productId}`
      )
    ).json.movements
    expect(moves).toHaveLength(1)
    expect(moves[0]).toMatchObject({ type: 'ADJUSTMENT', quantityChange: 7 })
    expect((await get('/reports/stock-on-hand-at-date')).status).toBe(400)
  })

  it('rejects bodies over 100 KB with 413', async () => {
    const r = await post('/stock-adjustments', {
      reason: 'CYCLE_COUNT',
      notes: 'x'.repeat(110 * 1024),
      lines: []
    })
    expect(r.status).toBe(413)
  })

  it('creates and updates products; duplicate SKU is 409', async () => {
    const created = await post('/products', {
      sku: 'WIDGET-001',
      name: 'Widget, Blue',
      defaultPrice: 49.95,
      costPrice: 21.5,
      taxRate: 0.15
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ sku: 'WIDGET-001', totalStockOnHand: 0, isActive: true })
    expect((await post('/products', { sku: 'widget-001', name: 'Again' })).status).toBe(409)
    expect(
      (await post('/products', { sku: 'W-2', name: 'Null price', defaultPrice: null })).json.error.code
    ).toBe('validation_error')
    const put = await fetchJson(`${fb.url}/products/${created.json.id}`, {
      method: 'PUT',
      headers: AUTH,
      body: JSON.stringify({ name: 'Widget, Red' })
    })
    expect(put.json.name).toBe('Widget, Red')
    expect(put.json.sku).toBe('WIDGET-001')
  })
})
