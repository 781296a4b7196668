import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import { ManualClock } from '../common/time'
import { startFrostbyteFake, type FakeServer, type FrostbyteData } from './server'

const AUTH = { Authorization: 'Bearer fb_demo_key' }

describe('Frostbyte fake: lists, paging, modifiedSince and sorting', () => {
  let fb: FakeServer<FrostbyteData>
  const clock = new ManualClock(Date.UTC(2026, 5, 12, 3, 0, 0))
  beforeAll(async () => {
    fb = await startFrostbyteFake({
      size: 1000,
      seed: 7,
      perKeyPerMinute: 100_000,
      perOrgPerMinute: 100_000,
      now: clock.now
    })
  })
  afterAll(() => fb.close())
  const get = (path: string) => fetchJson(`${fb.url}${path}`, { headers: AUTH })
  const activeCount = (): number => [...fb.data.products.values()].filter((p) => p.isActive).length

  it('defaults to page 1 of 50 in the documented envelope', async () => {
    const r = await get('/products')
    expect(r.status).toBe(200)
    expect(r.json.data).toHaveLength(50)
    expect(r.json.pagination).toEqual({
      total: activeCount(),
      page: 1,
      pageSize: 50,
      totalPages: Math.ceil(activeCount() / 50)
    })
  })

  it('clamps pageSize above 200 to 200 instead of rejecting it', async () => {
    const r = await get('/products?pageSize=5000')
    expect(r.status).toBe(200)
    expect(r.json.data).toHaveLength(200)
    expect(r.json.pagination.pageSize).toBe(200)
  })

  it('rejects bad paging values and unknown parameters with 400 invalid_parameter', async () => {
    for (const q of [
      'page=0',
      'page=abc',
      'pageSize=0',
      'pageSize=-5',
      'sortBy=price',
      'sortDir=up',
      'modifiedSince=yesterday',
      'colour=blue'
    ]) {
      const r = await get(`/products?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.json.error.code, q).toBe('invalid_parameter')
    }
  })

  it('returns an empty page past the end', async () => {
    const r = await get('/products?page=999&pageSize=200')
    expect(r.json.data).toEqual([])
    expect(r.json.pagination.total).toBe(activeCount())
  })

  it('pages through updatedAt ties without duplicates or gaps (id tiebreaker)', async () => {
    const ids: string[] = []
    const stamps: string[] = []
    for (let page = 1; ; page++) {
      const r = await get(`/products?sortBy=updatedAt&sortDir=asc&pageSize=37&page=${page}`)
      ids.push(...r.json.data.map((p: { id: string }) => p.id))
      stamps.push(...r.json.data.map((p: { updatedAt: string }) => p.updatedAt))
      if (page >= r.json.pagination.totalPages) break
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(activeCount())
    expect([...stamps].sort()).toEqual(stamps)
    // The bulk-import timestamp is shared by many records, so ties do span pages.
    const counts = new Map<string, number>()
    for (const s of stamps) counts.set(s, (counts.get(s) ?? 0) + 1)
    expect(Math.max(...counts.values())).toBeGreaterThan(37)
  })

  it('sorts by id tiebreaker in both directions', async () => {
    const asc = (await get('/products?sortBy=updatedAt&sortDir=asc&pageSize=200')).json.data as {
      id: string
      updatedAt: string
    }[]
    for (let i = 1; i < asc.length; i++) {
      const a = asc[i - 1]!
      const b = asc[i]!
      expect(a.updatedAt < b.updatedAt || (a.updatedAt === b.updatedAt && a.id < b.id)).toBe(true)
    }
    const desc = (await get('/products?sortBy=updatedAt&sortDir=desc&pageSize=5')).json.data as {
      updatedAt: string
    }[]
    expect(desc[0]!.updatedAt >= desc[4]!.updatedAt).toBe(true)
  })

  it('modifiedSince returns records updated at or after the instant, including later touches and new records', async () => {
    const all = [...fb.data.products.values()].filter((p) => p.isActive)
    const pivot = all.map((p) => p.updatedAt).sort((a, b) => a - b)[Math.floor(all.length * 0.9)]!
    const expected = all.filter((p) => p.updatedAt >= pivot).length
    const since = new Date(pivot).toISOString()
    const r = await get(`/products?modifiedSince=${since}&sortBy=updatedAt&sortDir=asc&pageSize=200`)
    expect(r.json.pagination.total).toBe(expected)
    expect(r.json.data.every((p: { updatedAt: string }) => p.updatedAt >= since)).toBe(true)

    clock.advance(60_000)
    const old = all.find((p) => p.updatedAt < pivot)!
    fb.data.touchProduct(old.id)
    const added = fb.data.insertProduct({ sku: 'NEW-0001', name: 'Fresh Widget, Blue' })
    const again = await get(`/products?modifiedSince=${since}&sortBy=updatedAt&sortDir=asc&pageSize=200`)
    expect(again.json.pagination.total).toBe(expected + 2)
    const tail = again.json.data.slice(-2).map((p: { id: string }) => p.id)
    expect(tail.sort()).toEqual([old.id, added.id].sort())
  })

  it('deleted products simply disappear from lists and detail', async () => {
    const victim = [...fb.data.products.values()].find((p) => p.isActive && fb.data.stockOf(p.id).length > 0)!
    const before = (await get('/products?pageSize=1')).json.pagination.total
    fb.data.deleteProduct(victim.id)
    expect((await get('/products?pageSize=1')).json.pagination.total).toBe(before - 1)
    expect((await get(`/products/${victim.id}`)).status).toBe(404)
    const stock = await get(`/stock-on-hand?productId=${victim.id}`)
    expect(stock.json.data).toEqual([])
  })

  it('a deleted stock row disappears from stock-on-hand and the product total', async () => {
    const row = [...fb.data.stockRows.values()].find(
      (r) => fb.data.products.get(r.productId)?.isActive && fb.data.stockOf(r.productId).length > 1
    )!
    const total = fb.data.totalOnHand(row.productId)
    const inRow = fb.data.totalOnHand(row.productId, row.warehouseId)
    fb.data.deleteStockRow(row.id)
    const rows = (await get(`/stock-on-hand?productId=${row.productId}&includeZero=true`)).json.data as {
      id: string
    }[]
    expect(rows.map((r) => r.id)).not.toContain(row.id)
    expect((await get(`/products/${row.productId}`)).json.totalStockOnHand).toBe(total - inRow)
  })

  it('sku and barcode are exact, case-insensitive lookups that AND with other filters', async () => {
    const p = [...fb.data.products.values()].find(
      (x) => x.isActive && x.barcode !== null && x.barcode.length === 13
    )!
    const bySku = await get(`/products?sku=${p.sku.toLowerCase()}`)
    expect(bySku.json.data.map((x: { id: string }) => x.id)).toEqual([p.id])
    expect((await get(`/products?sku=${p.sku.slice(0, -1)}`)).json.data).toEqual([])
    const byCode = await get(`/products?barcode=${p.barcode}`)
    expect(byCode.json.data.map((x: { id: string }) => x.id)).toEqual([p.id])
    expect((await get(`/products?barcode=${p.barcode}&sku=${p.sku}`)).json.data).toHaveLength(1)
    expect((await get(`/products?barcode=${p.barcode}&sku=OTHER-1`)).json.data).toHaveLength(0)
    expect((await get(`/products?barcode=${p.barcode!.slice(0, 12)}`)).json.data).toEqual([])
  })

  it('search is a contains match over name, SKU and barcode', async () => {
    const p = [...fb.data.products.values()].find((x) => x.isActive)!
    const word = p.name.split(' ')[0]!.toLowerCase()
    const r = await get(`/products?search=${encodeURIComponent(word)}&pageSize=200`)
    expect(r.json.data.length).toBeGreaterThan(0)
    expect(
      r.json.data.every((x: { name: string; sku: string; barcode: string | null }) =>
        `${x.name} ${x.sku} ${x.barcode}`.toLowerCase().includes(word)
      )
    ).toBe(true)
  })

  it('stock-on-hand supports modifiedSince with updatedAt sort', async () => {
    const r = await get('/stock-on-hand?sortBy=updatedAt&sortDir=asc&pageSize=200')
    expect(r.status).toBe(200)
    const rows = r.json.data as {
      updatedAt: string
      product: { id: string }
      warehouse: { code: string }
      quantityOnHand: number
    }[]
    expect([...rows.map((x) => x.updatedAt)].sort()).toEqual(rows.map((x) => x.updatedAt))
    const last = rows[rows.length - 1]!.updatedAt
    const since = await get(`/stock-on-hand?modifiedSince=${last}&sortBy=updatedAt&sortDir=asc`)
    expect(since.json.data.every((x: { updatedAt: string }) => x.updatedAt >= last)).toBe(true)
  })

  it('lists batches in FEFO order and filters them', async () => {
    const r = await get('/batches?pageSize=200')
    const expiries = (r.json.data as { expiryDate: string | null }[])
      .map((b) => b.expiryDate)
      .filter((x): x is string => x !== null)
    expect([...expiries].sort()).toEqual(expiries)
    expect((await get('/batches?status=NOPE')).status).toBe(400)
    expect((await get('/batches?productId=cnotinorg000000000000000')).status).toBe(404)
  })

  it('lists purchase orders newest first by default and shipments newest first', async () => {
    const pos = (await get('/purchase-orders?pageSize=200')).json.data as { orderDate: string }[]
    expect([...pos.map((p) => p.orderDate)].sort().reverse()).toEqual(pos.map((p) => p.orderDate))
    const sortByOnly = (await get('/purchase-orders?sortBy=orderNumber&pageSize=3')).json.data as {
      orderNumber: string
    }[]
    expect(sortByOnly[0]!.orderNumber > sortByOnly[1]!.orderNumber).toBe(true)
    expect((await get('/shipments?status=PACKED,BOGUS')).status).toBe(400)
    expect((await get('/shipments?salesOrderId=cmnotarealorder0000000000')).json.data).toEqual([])
    expect((await get('/shipments?salesOrderId=12')).status).toBe(400)
  })
})
