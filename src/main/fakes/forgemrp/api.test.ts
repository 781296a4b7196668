import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../common/time'
import { fetchJson } from '../common/testing'
import { formatKey, keyCrc } from './keys'
import { FORGE_DEMO_KEY, startForgeFake, type ForgeData } from './server'
import type { FakeServer } from '../common/types'

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` })

describe('ForgeMRP fake: keys, scopes and keyset paging', () => {
  let fake: FakeServer<ForgeData>
  beforeAll(async () => {
    fake = await startForgeFake({ size: 1_050, seed: 5 })
  })
  afterAll(() => fake.close())
  const get = (path: string, key = FORGE_DEMO_KEY) =>
    fetchJson(`${fake.url}${path}`, { headers: bearer(key) })

  it('serves the documented base path and list envelope', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
    const r = await get('/clients')
    expect(r.status).toBe(200)
    expect(Object.keys(r.json).sort()).toEqual(['data', 'next_cursor'])
    expect(r.json.data[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
    })
  })

  it('refuses a missing key, a key with wrong check digits and an unknown key with 401 unauthorized', async () => {
    const missing = await fetchJson(`${fake.url}/clients`)
    expect(missing.status).toBe(401)
    expect(missing.json.error.code).toBe('unauthorized')
    const mistyped = FORGE_DEMO_KEY.replace(
      /_([0-9a-f]{8})$/,
      (_, crc: string) => `_${crc.endsWith('0') ? `${crc.slice(0, 7)}1` : `${crc.slice(0, 7)}0`}`
    )
    const bad = await get('/clients', mistyped)
    expect(bad.status).toBe(401)
    expect(bad.json).toEqual({
      error: { code: 'unauthorized', message: 'API key check digits do not match (mistyped key?)' }
    })
    const unknown = await get('/clients', formatKey({ mode: 'live', keyId: 'nobody', secret: 'Nothing1' }))
    expect(unknown.json).toEqual({ error: { code: 'unauthorized', message: 'Invalid API key' } })
    expect(keyCrc('fmrp_live_a_b')).toMatch(/^[0-9a-f]{8}$/)
  })

  it('accepts fmrp_test_ keys, and refuses a test key presented as live', async () => {
    const test = fake.data.addKey(['inventory.view'], 'test')
    expect(test).toMatch(/^fmrp_test_/)
    expect((await get('/inventory_items?limit=1', test)).status).toBe(200)
    const asLive = test.replace('fmrp_test_', 'fmrp_live_').replace(/_[0-9a-f]{8}$/, '')
    const relabelled = `${asLive}_${keyCrc(asLive)}`
    expect((await get('/inventory_items?limit=1', relabelled)).status).toBe(401)
  })

  it('answers 403 insufficient_scope naming the scope; a write scope implies its read scope', async () => {
    const key = fake.data.addKey(['inventory.view', 'quotes.create'])
    const r = await get('/clients', key)
    expect(r.status).toBe(403)
    expect(r.json).toEqual({
      error: { code: 'insufficient_scope', message: 'This API key lacks the clients.view scope' }
    })
    expect((await get('/inventory_items', key)).status).toBe(200)
    expect((await get('/quotes', key)).status).toBe(200)
  })

  it('pages with limit (at most 100) and an opaque cursor, null on the last page', async () => {
    const first = await get('/inventory_items?limit=500')
    expect(first.json.data).toHaveLength(100)
    expect(typeof first.json.next_cursor).toBe('string')
    const ids: string[] = []
    let pages = 0
    for (let cursor: string | null = null; ; ) {
      const r = await get(`/inventory_items?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      pages++
      ids.push(...r.json.data.map((i: { id: string }) => i.id))
      cursor = r.json.next_cursor
      if (cursor === null) break
    }
    expect(pages).toBe(11) // ceil(1050 / 100): no empty last page
    expect(new Set(ids).size).toBe(1_050)
    expect((await get('/inventory_items')).json.data).toHaveLength(50)
    const bad = await get('/inventory_items?cursor=not-a-cursor')
    expect(bad.status).toBe(400)
    expect(bad.json.error.code).toBe('bad_request')
  })

  it('keeps a cursor valid when the record it names is deleted', async () => {
    const page = await get('/jobs?limit=3')
    const last = page.json.data[2].id as string
    const after = await get(`/jobs?limit=2&cursor=${page.json.next_cursor}`)
    fake.data.deleteJob(last)
    const again = await get(`/jobs?limit=2&cursor=${page.json.next_cursor}`)
    expect(again.json.data.map((j: { id: string }) => j.id)).toEqual(
      after.json.data.map((j: { id: string }) => j.id)
    )
  })

  it('returns single records wrapped in data, and 404 not_found', async () => {
    const list = await get('/purchase_orders?limit=1')
    const po = list.json.data[0]
    expect((await get(`/purchase_orders/${po.id}`)).json).toEqual({ data: po })
    const missing = await get('/purchase_orders/po_nothing')
    expect(missing.status).toBe(404)
    expect(missing.json.error.code).toBe('not_found')
  })

  it('replays a POST with the same Idempotency-Key instead of creating a second quote', async () => {
    const clientId = (await get('/clients?limit=1')).json.data[0].id
    const post = (idem: string, body: unknown) =>
      fetchJson(`${fake.url}/quotes`, {
        method: 'POST',
        headers: { ...bearer(FORGE_DEMO_KEY), 'Content-Type': 'application/json', 'Idempotency-Key': idem },
        body: JSON.stringify(body)
      })
    const before = fake.ledger.length
    const a = await post('7c9e6679-0001', { clientId })
    const b = await post('7c9e6679-0001', { clientId })
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.text).toBe(a.text)
    expect(fake.ledger.length).toBe(before + 1)
    expect((await post('7c9e6679-0001', { clientId: 'other' })).status).toBe(422)
    expect((await post('7c9e6679-0002', {})).json.error.code).toBe('validation_error')
  })
})

describe('ForgeMRP fake: rate limits', () => {
  it('sends RateLimit-* with Reset in seconds until the window ends, then 429 with Retry-After', async () => {
    const clock = new ManualClock(Date.UTC(2026, 5, 1, 3, 0, 15))
    const fake = await startForgeFake({ size: 10, requestsPerMinute: 3, now: clock.now })
    try {
      const get = () => fetchJson(`${fake.url}/clients`, { headers: bearer(FORGE_DEMO_KEY) })
      const first = await get()
      expect(first.headers.get('ratelimit-limit')).toBe('3')
      expect(first.headers.get('ratelimit-remaining')).toBe('2')
      expect(first.headers.get('ratelimit-reset')).toBe('45') // relative, not an epoch
      await get()
      await get()
      const limited = await get()
      expect(limited.status).toBe(429)
      expect(limited.json.error.code).toBe('rate_limited')
      expect(limited.headers.get('retry-after')).toBe('45')
      expect(limited.headers.get('ratelimit-remaining')).toBe('0')
      clock.advance(45_000)
      expect((await get()).status).toBe(200)
    } finally {
      await fake.close()
    }
  })

  it('answers injected faults in its own envelope', async () => {
    const fake = await startForgeFake({ size: 10 })
    try {
      fake.faults.once({ kind: 'rate-limit', retryAfter: 2 })
      fake.faults.once({ kind: 'status', status: 503 })
      const get = () => fetchJson(`${fake.url}/clients`, { headers: bearer(FORGE_DEMO_KEY) })
      const limited = await get()
      expect([limited.status, limited.headers.get('retry-after'), limited.json.error.code]).toEqual([
        429,
        '2',
        'rate_limited'
      ])
      const down = await get()
      expect([down.status, down.json.error.code]).toEqual([503, 'service_unavailable'])
    } finally {
      await fake.close()
    }
  })

  it('generates the same data from the same seed', async () => {
    const a = await startForgeFake({ size: 200, seed: 9 })
    const b = await startForgeFake({ size: 200, seed: 9 })
    try {
      const list = (f: FakeServer<ForgeData>) =>
        fetchJson(`${f.url}/jobs?limit=100`, { headers: bearer(FORGE_DEMO_KEY) }).then((r) => r.text)
      expect(await list(a)).toBe(await list(b))
    } finally {
      await a.close()
      await b.close()
    }
  })
})
