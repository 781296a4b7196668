import { afterEach, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import type { FakeServer } from '../common/types'
import { FRACTION_DEMO_LOGIN, startFractionFake, type FractionData, type FractionFakeOptions } from './server'

let fake: FakeServer<FractionData> | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(o: FractionFakeOptions = {}) {
  fake = await startFractionFake({ seed: 3, size: 250, ...o })
  return fake
}

const post = (url: string, body?: unknown, token?: string) =>
  fetchJson(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(token && { Authorization: `Bearer ${token}` })
    },
    ...(body !== undefined && { body: JSON.stringify(body) })
  })
const get = (url: string, token: string) => fetchJson(url, { headers: { Authorization: `Bearer ${token}` } })

async function login(f: FakeServer<FractionData>) {
  const res = await post(`${f.url}/auth/login`, FRACTION_DEMO_LOGIN)
  expect(res.status).toBe(200)
  return res.json.data.access_token as string
}

describe('FractionERP fake', () => {
  it('logs in with email and password and answers the documented session shape', async () => {
    const f = await start()
    const res = await post(`${f.url}/auth/login`, FRACTION_DEMO_LOGIN)
    expect(res.json.success).toBe(true)
    expect(res.json.data).toMatchObject({ token_type: 'Bearer', tenant: { plan: 'pro' } })
    expect(res.json.data.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/)
    const wrong = await post(`${f.url}/auth/login`, { ...FRACTION_DEMO_LOGIN, password: 'nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.json).toEqual({
      success: false,
      data: null,
      meta: null,
      errors: [{ code: 'INVALID_CREDENTIALS', message: 'Invalid credentials.' }]
    })
  })

  it('refresh issues a new token and revokes the old one; logout revokes; tokens expire', async () => {
    let now = Date.UTC(2026, 5, 1, 10)
    const f = await start({ tokenLifetimeMs: 2000, now: () => new Date(now) })
    const first = await login(f)
    const refreshed = await post(`${f.url}/auth/refresh`, undefined, first)
    const second = refreshed.json.data.access_token as string
    expect(second).not.toBe(first)
    expect((await get(`${f.url}/auth/me`, first)).json.errors[0].code).toBe('UNAUTHORIZED')
    expect((await get(`${f.url}/auth/me`, second)).json.data.user.email).toBe(FRACTION_DEMO_LOGIN.email)
    now += 2500
    expect((await get(`${f.url}/parts`, second)).status).toBe(401)
    const third = await login(f)
    await post(`${f.url}/auth/logout`, undefined, third)
    expect((await get(`${f.url}/parts`, third)).status).toBe(401)
  })

  it('pages with meta.pagination (per_page at most 100), search, sort and order', async () => {
    const f = await start()
    const token = await login(f)
    const page = await get(`${f.url}/parts?page=3&per_page=500`, token)
    expect(page.json.meta.pagination).toEqual({
      total: 250,
      per_page: 100,
      current_page: 3,
      last_page: 3,
      from: 201,
      to: 250,
      has_more: false
    })
    expect(page.json.data[0].id).toBe(201)
    const desc = await get(`${f.url}/parts?sort=updated_at&order=desc&per_page=5`, token)
    const stamps = desc.json.data.map((p: { updated_at: string }) => p.updated_at)
    expect([...stamps].sort().reverse()).toEqual(stamps)
    const number = f.data.parts.get('17')!.part_number
    const found = await get(`${f.url}/parts?search=${encodeURIComponent(number)}`, token)
    expect(found.json.data.map((p: { id: number }) => p.id)).toEqual([17])
    expect((await get(`${f.url}/parts?sort=colour`, token)).json.errors[0].code).toBe('VALIDATION_ERROR')
    // Absent stock fields mean unknown (part 5 is i = 4).
    const five = await get(`${f.url}/parts/5`, token)
    expect(five.json.data).not.toHaveProperty('current_stock')
    for (const path of ['/boms', '/work-orders', '/purchase-orders', '/shipments', '/customers'])
      expect((await get(`${f.url}${path}?per_page=100`, token)).json.data.length).toBeGreaterThan(0)
  })

  it('POST /parts creates a Manufactured part and refuses a duplicate number with 409 DUPLICATE', async () => {
    const f = await start()
    const token = await login(f)
    const created = await post(
      `${f.url}/parts`,
      { part_number: 'WIDGET-001', description: 'Custom widget' },
      token
    )
    expect(created.status).toBe(201)
    expect(created.json.data).toMatchObject({ part_number: 'WIDGET-001', uom: 'EA', type: 'Manufactured' })
    const again = await post(`${f.url}/parts`, { part_number: 'WIDGET-001' }, token)
    expect(again.status).toBe(409)
    expect(again.json.errors).toEqual([
      { code: 'DUPLICATE', message: 'A part with this part number already exists.' }
    ])
    expect(f.ledger).toHaveLength(1)
  })

  it('counts 2,000 requests per hour per user with X-RateLimit-* and answers 429 RATE_LIMIT_EXCEEDED', async () => {
    const f = await start({ hourlyLimit: 3 })
    const token = await login(f)
    const a = await get(`${f.url}/parts`, token)
    expect(a.headers.get('x-ratelimit-limit')).toBe('3')
    expect(a.headers.get('x-ratelimit-remaining')).toBe('1')
    await get(`${f.url}/parts`, token)
    const over = await get(`${f.url}/parts`, token)
    expect(over.status).toBe(429)
    expect(over.json.errors[0].code).toBe('RATE_LIMIT_EXCEEDED')
    expect(Number(over.headers.get('x-ratelimit-reset')) * 1000).toBeGreaterThan(Date.now())
  })

  it('refuses a tenant off the Pro plan or inactive', async () => {
    const f = await start({ plan: 'advanced' })
    const res = await post(`${f.url}/auth/login`, FRACTION_DEMO_LOGIN)
    expect([res.status, res.json.errors[0].code]).toEqual([403, 'PLAN_RESTRICTED'])
    f.data.tenant.plan = 'pro'
    f.data.tenant.active = false
    const inactive = await post(`${f.url}/auth/login`, FRACTION_DEMO_LOGIN)
    expect([inactive.status, inactive.json.errors[0].code]).toEqual([403, 'ACCOUNT_INACTIVE'])
  })

  it('builds 100,000 parts deterministically', async () => {
    const a = await start({ size: 100_000, seed: 9 })
    const sample = [1, 500, 99_999].map((i) => a.data.parts.get(String(i)))
    await a.close()
    const b = await start({ size: 100_000, seed: 9 })
    expect([1, 500, 99_999].map((i) => b.data.parts.get(String(i)))).toEqual(sample)
  })
})
