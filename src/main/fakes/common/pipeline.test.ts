import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { matchers } from './faults'
import type { VendorSpec } from './pipeline'
import { serveVendor } from './serve-vendor'
import { fetchJson } from './testing'
import type { FakeServer } from './types'

/** The smallest vendor: its data, one key, two routes and an error envelope — the pipeline does the rest. */
class WidgetError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}
interface Widgets {
  count: number
}
const spec = (): VendorSpec<Widgets, string, WidgetError> => ({
  basePath: '/v2',
  maxBodyBytes: 64,
  routes: [
    {
      method: 'GET',
      pattern: '/widgets',
      handler: (ctx) => ({ status: 200, body: { count: ctx.data.count } })
    },
    {
      method: 'POST',
      pattern: '/widgets',
      idempotent: true,
      handler(ctx) {
        const body = ctx.body() as { add?: unknown }
        if (typeof body?.add !== 'number') throw new WidgetError(422, 'add must be a number')
        ctx.data.count += body.add
        return { status: 201, body: { count: ctx.data.count }, resourceId: 'w1' }
      }
    }
  ],
  authenticate(req) {
    const key = req.headers['x-key']
    if (key !== 'good') throw new WidgetError(401, 'bad key')
    req.log.apiKey = key
    return { principal: key, headers: { 'X-Seen': 'yes' } }
  },
  idempotency: {
    header: 'idempotency-key',
    scope: () => 'all',
    rules: {
      maxKeyLength: 10,
      keepMs: 60_000,
      keyTooLong: () => new WidgetError(400, 'key too long'),
      inProgress: () => new WidgetError(409, 'in progress'),
      reused: () => new WidgetError(422, 'key reused')
    },
    replayHeaders: { 'X-Replayed': 'true' }
  },
  errors: {
    is: (err): err is WidgetError => err instanceof WidgetError,
    toResponse: (err) => ({ status: err.status, body: { problem: err.message } }),
    routeNotFound: () => new WidgetError(404, 'no such route'),
    tooLarge: () => new WidgetError(413, 'too large'),
    invalidJson: () => new WidgetError(400, 'not json'),
    fault: (f) => new WidgetError(f.kind === 'rate-limit' ? 429 : f.status, 'injected'),
    internal: () => new WidgetError(500, 'broken')
  }
})

describe('the shared fake pipeline', () => {
  let fake: FakeServer<Widgets>
  beforeAll(async () => {
    fake = await serveVendor(spec(), { data: { count: 0 }, now: () => new Date() })
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.faults.clear())

  const post = (body: string, key?: string) =>
    fetchJson(`${fake.url}/widgets`, {
      method: 'POST',
      headers: { 'x-key': 'good', ...(key !== undefined && { 'Idempotency-Key': key }) },
      body
    })

  it('answers in the vendor envelope at each step: auth, route, size, JSON, handler', async () => {
    expect((await fetchJson(`${fake.url}/widgets`)).json).toEqual({ problem: 'bad key' })
    const unknown = await fetchJson(`${fake.url}/gadgets`, { headers: { 'x-key': 'good' } })
    expect([unknown.status, unknown.json, unknown.headers.get('x-seen')]).toEqual([
      404,
      { problem: 'no such route' },
      'yes'
    ])
    expect((await post(JSON.stringify({ add: 'x'.repeat(80) }))).status).toBe(413)
    expect((await post('{')).json).toEqual({ problem: 'not json' })
    expect((await post('{"add":"1"}')).json).toEqual({ problem: 'add must be a number' })
    expect(fake.ledger).toHaveLength(0)
  })

  it('records applied writes in the ledger and replays a repeated key instead of applying it', async () => {
    const before = fake.ledger.length
    const first = await post('{"add":2}', 'k1')
    const again = await post('{"add":2}', 'k1')
    expect([first.status, again.status, again.text]).toEqual([201, 201, first.text])
    expect(again.headers.get('x-replayed')).toBe('true')
    expect((await post('{"add":3}', 'k1')).json).toEqual({ problem: 'key reused' })
    expect(fake.ledger.slice(before)).toMatchObject([
      { method: 'POST', path: '/widgets', idempotencyKey: 'k1', body: { add: 2 }, resourceId: 'w1' }
    ])
  })

  it('faults: an injected status answers in the envelope; a dropped answer still commits', async () => {
    fake.faults.add({ kind: 'status', status: 503, times: 1 })
    expect(await post('{"add":1}')).toMatchObject({ status: 503, json: { problem: 'injected' } })
    fake.faults.add({ kind: 'drop-after-commit', times: 1, match: matchers.isWrite })
    const before = fake.ledger.length
    await expect(post('{"add":1}')).rejects.toThrow()
    expect(fake.ledger).toHaveLength(before + 1)
  })
})
