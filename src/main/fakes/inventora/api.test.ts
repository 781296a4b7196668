import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import { startInventoraFake, type FakeServer, type InventoraData } from './server'

const KEY = { 'X-Inventora-API-Key': 'inv_demo_key' }

describe('Inventora fake: auth and paging', () => {
  let inv: FakeServer<InventoraData>
  beforeAll(async () => {
    inv = await startInventoraFake({ size: 2500, seed: 3 })
  })
  afterAll(() => inv.close())
  const get = (path: string, headers: Record<string, string> = KEY) =>
    fetchJson(`${inv.url}${path}`, { headers })

  it('serves the documented base path', () => {
    expect(inv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/)
  })

  it('accepts the key as a header or as a query parameter', async () => {
    expect((await get('/locations')).status).toBe(200)
    expect((await get('/locations', { 'x-inventora-api-key': 'inv_demo_key' })).status).toBe(200)
    const q = await get('/locations?x-inventora-api-key=inv_demo_key', {})
    expect(q.status).toBe(200)
    expect(q.json.data.length).toBeGreaterThanOrEqual(3)
    expect(inv.requests[inv.requests.length - 1]?.apiKey).toBe('inv_demo_key')
  })

  it('answers 401 with the documented { error } bodies', async () => {
    const missing = await get('/products', {})
    expect(missing.status).toBe(401)
    expect(missing.json).toEqual({ error: 'API key missing' })
    const wrong = await get('/products', { 'X-Inventora-API-Key': 'nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.json).toEqual({ error: 'Invalid API key' })
    expect((await get('/products?x-inventora-api-key=nope', {})).json).toEqual({ error: 'Invalid API key' })
  })

  it('defaults to limit 100 / offset 0 and echoes them in the pagination envelope', async () => {
    const r = await get('/products')
    expect(r.json.data).toHaveLength(100)
    expect(r.json.pagination).toEqual({ totalCount: 2500, offset: 0, limit: 100 })
  })

  it('caps limit at 1000', async () => {
    const r = await get('/products?limit=5000')
    expect(r.json.data).toHaveLength(1000)
    expect(r.json.pagination.limit).toBe(1000)
  })

  it('pages past 1000 records with offset, without gaps or duplicates', async () => {
    const ids: string[] = []
    for (let offset = 0; ; offset += 1000) {
      const r = await get(`/products?limit=1000&offset=${offset}`)
      expect(r.json.pagination).toMatchObject({ totalCount: 2500, offset, limit: 1000 })
      ids.push(...r.json.data.map((p: { id: string }) => p.id))
      if (r.json.data.length < 1000) break
    }
    expect(ids).toHaveLength(2500)
    expect(new Set(ids).size).toBe(2500)
    expect(ids).toEqual([...inv.data.products.values()].map((p) => p.id))
    const beyond = await get('/products?limit=10&offset=2500')
    expect(beyond.json.data).toEqual([])
  })

  it('rejects bad limit/offset values with 400', async () => {
    for (const q of ['limit=0', 'limit=-1', 'limit=ten', 'offset=-5', 'offset=1.5']) {
      const r = await get(`/products?${q}`)
      expect(r.status, q).toBe(400)
      expect(typeof r.json.error, q).toBe('string')
    }
  })

  it('returns products and materials in the shared Resource shape', async () => {
    const p = (await get('/products?limit=1')).json.data[0]
    expect(Object.keys(p).sort()).toEqual(
      [
        'id',
        'name',
        'sku',
        'stockLevel',
        'unitType',
        'unitPrice',
        'minLevel',
        'notes',
        'retailPrice',
        'wholesalePrice',
        'ean',
        'minimumQuantity',
        'reorderURLs',
        'locationStockLevels',
        'productionType',
        'materials'
      ].sort()
    )
    const sum = Object.values(p.locationStockLevels as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(p.stockLevel).toBeCloseTo(sum, 6)
    expect(p.materials.length).toBeGreaterThan(0)
    expect(Object.keys(p.materials[0]).sort()).toEqual(
      ['id', 'name', 'sku', 'unitType', 'unitPrice', 'stockLevel', 'minLevel', 'quantityUsed'].sort()
    )
    const m = (await get('/materials?limit=1')).json.data[0]
    expect(m.materials).toEqual([])
    expect((await get(`/materials/${m.id}`)).json).toEqual(m)
    expect((await get('/products/nope')).json).toEqual({ error: 'Resource not found' })
  })

  it('filters tasks by status and by user id or email', async () => {
    const all = (await get('/tasks?limit=1000')).json
    expect(all.pagination.totalCount).toBeGreaterThanOrEqual(10)
    expect(all.pagination.totalCount).toBeLessThanOrEqual(50)
    const done = (await get('/tasks?status=done&limit=1000')).json.data as { status: string }[]
    expect(done.length).toBeGreaterThan(0)
    expect(done.every((t) => t.status === 'done')).toBe(true)
    expect((await get('/tasks?status=finished')).status).toBe(400)
    const user = inv.data.users.find((u) =>
      (all.data as { UserId: string | null }[]).some((t) => t.UserId === u.id)
    )!
    const byId = (await get(`/tasks?UserId=${user.id}&limit=1000`)).json.data
    const byEmail = (await get(`/tasks?UserId=${encodeURIComponent(user.email)}&limit=1000`)).json.data
    expect(byId.length).toBeGreaterThan(0)
    expect(byEmail).toEqual(byId)
  })

  it('answers unknown routes with 404 { error }', async () => {
    const r = await get('/widgets')
    expect(r.status).toBe(404)
    expect(typeof r.json.error).toBe('string')
  })
})
