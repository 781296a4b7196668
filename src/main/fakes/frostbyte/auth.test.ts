import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import { startFrostbyteFake, type FakeServer, type FrostbyteData } from './server'

describe('Frostbyte fake: authentication and scopes', () => {
  let fb: FakeServer<FrostbyteData>
  beforeAll(async () => {
    fb = await startFrostbyteFake({
      size: 20,
      apiKeys: {
        fbk_full: { scopes: ['read', 'write'] },
        fbk_readonly: { scopes: ['read'] },
        fbk_products: { scopes: ['products:read'] },
        fbk_inventory: { scopes: ['inventory:write'] }
      },
      failedAuthPerMinute: 5
    })
  })
  afterAll(() => fb.close())

  const get = (path: string, headers: Record<string, string>) => fetchJson(`${fb.url}${path}`, { headers })
  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    fetchJson(`${fb.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    })

  it('serves the documented base path and accepts a bearer token', async () => {
    expect(fb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
    const r = await get('/products', { Authorization: 'Bearer fbk_full' })
    expect(r.status).toBe(200)
    expect(r.json.pagination.total).toBeGreaterThan(0)
    expect(r.headers.get('date')).toMatch(/GMT$/)
  })

  it('accepts X-API-Key as well', async () => {
    const r = await get('/warehouses', { 'X-API-Key': 'fbk_full' })
    expect(r.status).toBe(200)
    expect(r.json.data).toHaveLength(3)
  })

  it('answers 401 invalid_api_key for a missing or unknown key, with no rate-limit headers', async () => {
    const variants: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer fbk_nope' },
      { 'X-API-Key': 'wrong' }
    ]
    for (const headers of variants) {
      const r = await get('/products', headers)
      expect(r.status).toBe(401)
      expect(r.json).toEqual({ error: { code: 'invalid_api_key', message: expect.any(String) } })
      expect(r.headers.get('x-ratelimit-limit')).toBeNull()
      expect(r.headers.get('date')).not.toBeNull()
    }
  })

  it('treats a revoked key like an unknown one', async () => {
    fb.data.apiKeys.set('fbk_temp', { scopes: ['read'], org: 'org_demo' })
    expect((await get('/products', { Authorization: 'Bearer fbk_temp' })).status).toBe(200)
    fb.data.apiKeys.delete('fbk_temp')
    expect((await get('/products', { Authorization: 'Bearer fbk_temp' })).status).toBe(401)
  })

  it('gives 403 insufficient_scope to a read-only key on a write', async () => {
    const r = await post(
      '/stock-adjustments',
      { Authorization: 'Bearer fbk_readonly' },
      { reason: 'CYCLE_COUNT', lines: [] }
    )
    expect(r.status).toBe(403)
    expect(r.json.error.code).toBe('insufficient_scope')
    expect(r.headers.get('x-ratelimit-limit')).toBe('120')
    expect(fb.ledger).toHaveLength(0)
  })

  it('limits a per-resource scope to its family (first path segment)', async () => {
    const key = { Authorization: 'Bearer fbk_products' }
    expect((await get('/products', key)).status).toBe(200)
    expect((await get('/categories', key)).status).toBe(200)
    const other = await get('/stock-on-hand', key)
    expect(other.status).toBe(403)
    expect(other.json.error.code).toBe('insufficient_scope')
    expect((await post('/products', key, { sku: 'X-1', name: 'X' })).status).toBe(403)
  })

  it('lets <family>:write read and write that family only', async () => {
    const key = { Authorization: 'Bearer fbk_inventory' }
    expect((await get('/stock-on-hand', key)).status).toBe(200)
    expect((await get('/batches', key)).status).toBe(200)
    expect((await get('/products', key)).status).toBe(403)
    const row = [...fb.data.stockRows.values()].find((r) => {
      const p = fb.data.products.get(r.productId)
      return p && p.isActive && !p.trackBatches && !p.trackSerials
    })
    expect(row).toBeDefined()
    const r = await post('/stock-adjustments', key, {
      reason: 'CYCLE_COUNT',
      lines: [{ productId: row!.productId, warehouseId: row!.warehouseId, quantityChange: 1 }]
    })
    expect(r.status).toBe(201)
  })

  it('logs every request with the key it carried', async () => {
    const before = fb.requests.length
    await get('/warehouses', { 'X-API-Key': 'fbk_full' })
    const entry = fb.requests[before]
    expect(entry).toMatchObject({ method: 'GET', path: '/warehouses', status: 200, apiKey: 'fbk_full' })
  })

  it('throttles repeated failed authentication from one address with 429', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 8; i++)
      statuses.push((await get('/products', { Authorization: 'Bearer bad' })).status)
    expect(statuses).toContain(429)
    // A good key from the same address still works.
    expect((await get('/products', { Authorization: 'Bearer fbk_full' })).status).toBe(200)
  })
})
