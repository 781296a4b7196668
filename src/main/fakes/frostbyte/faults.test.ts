import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { matchers } from '../common/faults'
import { fetchJson } from '../common/testing'
import { startFrostbyteFake, type FakeServer, type FrostbyteData } from './server'

const AUTH = { Authorization: 'Bearer fb_demo_key' }

describe('Frostbyte fake: injected faults', () => {
  let fb: FakeServer<FrostbyteData>
  beforeAll(async () => {
    fb = await startFrostbyteFake({ size: 60, perKeyPerMinute: 10_000, perOrgPerMinute: 10_000 })
  })
  afterAll(() => fb.close())
  beforeEach(() => fb.faults.clear())
  const get = (path = '/products?pageSize=10') => fetchJson(`${fb.url}${path}`, { headers: AUTH })

  function adjustmentBody(): string {
    const row = [...fb.data.stockRows.values()].find((r) => {
      const p = fb.data.products.get(r.productId)
      return p?.isActive && !p.trackBatches && !p.trackSerials
    })!
    return JSON.stringify({
      reason: 'CYCLE_COUNT',
      lines: [{ productId: row.productId, warehouseId: row.warehouseId, quantityChange: 2 }]
    })
  }
  const postAdjustment = (body: string, key?: string) =>
    fetch(`${fb.url}/stock-adjustments`, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      body
    })

  it('status: 503 with the documented envelope and Retry-After: 30, then recovers', async () => {
    const h = fb.faults.add({ kind: 'status', status: 503, times: 2 })
    const a = await get()
    const b = await get()
    const c = await get()
    expect([a.status, b.status, c.status]).toEqual([503, 503, 200])
    expect(a.json).toEqual({ error: { code: 'service_unavailable', message: expect.any(String) } })
    expect(a.headers.get('retry-after')).toBe('30')
    expect(h.fired).toBe(2)
    expect(fb.faults.size).toBe(0)
  })

  it('rate-limit: 429 rate_limit_exceeded with the given Retry-After', async () => {
    fb.faults.add({ kind: 'rate-limit', retryAfter: 7, times: 1 })
    const r = await get()
    expect(r.status).toBe(429)
    expect(r.json.error.code).toBe('rate_limit_exceeded')
    expect(r.headers.get('retry-after')).toBe('7')
  })

  it('everyNth: a fault on every other request', async () => {
    fb.faults.everyNth(2, { kind: 'status', status: 500 })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await get()).status)
    expect(statuses).toEqual([200, 500, 200, 500, 200, 500])
  })

  it('match: only matching requests are hit', async () => {
    fb.faults.add({ kind: 'status', status: 502, match: matchers.on('GET', '/warehouses') })
    expect((await get('/warehouses')).status).toBe(502)
    expect((await get('/products')).status).toBe(200)
  })

  it('slow: delays the response', async () => {
    fb.faults.add({ kind: 'slow', ms: 250, times: 1 })
    const t = performance.now()
    expect((await get()).status).toBe(200)
    expect(performance.now() - t).toBeGreaterThanOrEqual(240)
  })

  it('drop-mid-body: headers and part of the body arrive, then the connection dies', async () => {
    fb.faults.add({ kind: 'drop-mid-body', times: 1 })
    const res = await fetch(`${fb.url}/products?pageSize=50`, { headers: AUTH })
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow()
    expect((await get()).status).toBe(200)
  })

  it('drop-before-commit: no response and nothing applied', async () => {
    fb.faults.add({ kind: 'drop-before-commit', times: 1, match: matchers.isWrite })
    const before = fb.ledger.length
    await expect(postAdjustment(adjustmentBody())).rejects.toThrow()
    expect(fb.ledger.length).toBe(before)
  })

  it('drop-after-commit: the write is applied and recorded, the client gets no response', async () => {
    fb.faults.add({ kind: 'drop-after-commit', times: 1, match: matchers.isWrite })
    const before = fb.ledger.length
    const adjustmentsBefore = fb.data.adjustments.size
    await expect(postAdjustment(adjustmentBody())).rejects.toThrow()
    expect(fb.ledger.length).toBe(before + 1)
    expect(fb.data.adjustments.size).toBe(adjustmentsBefore + 1)
    expect(fb.requests[fb.requests.length - 1]).toMatchObject({ status: 201, faults: ['drop-after-commit'] })
  })

  it('extra-fields: unknown fields appear on every record', async () => {
    fb.faults.add({ kind: 'extra-fields', times: 1 })
    const r = await get()
    expect(r.json.data.length).toBe(10)
    for (const p of r.json.data) expect(p).toHaveProperty('fakeAddedField')
    const clean = await get()
    expect(clean.json.data[0]).not.toHaveProperty('fakeAddedField')
  })

  it('malformed-record: exactly one record has a wrong type', async () => {
    fb.faults.add({ kind: 'malformed-record', times: 1 })
    const r = await get()
    const bad = (r.json.data as { sku: unknown }[]).filter((p) => typeof p.sku !== 'string')
    expect(bad).toHaveLength(1)
    fb.faults.add({ kind: 'malformed-record', mode: 'missing', field: 'id', times: 1 })
    const missing = (await get()).json.data as { id?: string }[]
    expect(missing.filter((p) => p.id === undefined)).toHaveLength(1)
  })

  it('status 401 looks like an expired key', async () => {
    fb.faults.once({ kind: 'status', status: 401 })
    const r = await get()
    expect(r.status).toBe(401)
    expect(r.json.error.code).toBe('invalid_api_key')
  })
})
