import { afterEach, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import { ManualClock } from '../common/time'
import { startFrostbyteFake, type FakeServer, type FrostbyteData } from './server'

describe('Frostbyte fake: rate limits', () => {
  let fb: FakeServer<FrostbyteData> | undefined
  afterEach(() => fb?.close())

  it('sends X-RateLimit-* on every authenticated response and 429 + Retry-After past the per-key limit', async () => {
    const clock = new ManualClock(Date.UTC(2026, 5, 12, 3, 0, 15))
    fb = await startFrostbyteFake({ size: 10, perKeyPerMinute: 3, now: clock.now })
    const get = () => fetchJson(`${fb!.url}/warehouses`, { headers: { Authorization: 'Bearer fb_demo_key' } })
    const reset = String(Date.UTC(2026, 5, 12, 3, 1, 0) / 1000)
    const remaining: (string | null)[] = []
    for (let i = 0; i < 3; i++) {
      const r = await get()
      expect(r.status).toBe(200)
      expect(r.headers.get('x-ratelimit-limit')).toBe('3')
      expect(r.headers.get('x-ratelimit-reset')).toBe(reset)
      remaining.push(r.headers.get('x-ratelimit-remaining'))
    }
    expect(remaining).toEqual(['2', '1', '0'])
    expect((await get()).headers.get('date')).toBe('Fri, 12 Jun 2026 03:00:15 GMT')
    const limited = await get()
    expect(limited.status).toBe(429)
    expect(limited.json.error.code).toBe('rate_limit_exceeded')
    expect(limited.headers.get('retry-after')).toBe('45')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    // The next window opens at the reset instant.
    clock.set(Date.UTC(2026, 5, 12, 3, 1, 0))
    const next = await get()
    expect(next.status).toBe(200)
    expect(next.headers.get('x-ratelimit-remaining')).toBe('2')
  })

  it('enforces the per-org limit across keys of one org, not across orgs', async () => {
    const clock = new ManualClock(Date.UTC(2026, 5, 12, 3, 0, 0))
    fb = await startFrostbyteFake({
      size: 10,
      perKeyPerMinute: 10,
      perOrgPerMinute: 4,
      now: clock.now,
      apiKeys: {
        fbk_a: { scopes: ['read'], org: 'one' },
        fbk_b: { scopes: ['read'], org: 'one' },
        fbk_c: { scopes: ['read'], org: 'two' }
      }
    })
    const get = (key: string) =>
      fetchJson(`${fb!.url}/warehouses`, { headers: { Authorization: `Bearer ${key}` } })
    const statuses: number[] = []
    for (const key of ['fbk_a', 'fbk_b', 'fbk_a', 'fbk_b', 'fbk_a', 'fbk_b'])
      statuses.push((await get(key)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429])
    expect((await get('fbk_c')).status).toBe(200)
  })

  it('uses the documented 120 per key by default', async () => {
    fb = await startFrostbyteFake({ size: 10 })
    const r = await fetchJson(`${fb.url}/warehouses`, { headers: { 'X-API-Key': 'fb_demo_key' } })
    expect(r.headers.get('x-ratelimit-limit')).toBe('120')
    expect(r.headers.get('x-ratelimit-remaining')).toBe('119')
  })
})
