import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { matchers } from '../common/faults'
import { fetchJson, waitFor } from '../common/testing'
import { startFrostbyteFake, type FakeServer, type FrostbyteData } from './server'

const AUTH = { Authorization: 'Bearer fb_demo_key', 'Content-Type': 'application/json' }

describe('Frostbyte fake: Idempotency-Key', () => {
  let fb: FakeServer<FrostbyteData>
  let productId: string
  let warehouseId: string
  beforeAll(async () => {
    fb = await startFrostbyteFake({ size: 40, perKeyPerMinute: 10_000, perOrgPerMinute: 10_000 })
    const row = [...fb.data.stockRows.values()].find((r) => {
      const p = fb.data.products.get(r.productId)
      return p?.isActive && !p.trackBatches && !p.trackSerials
    })!
    productId = row.productId
    warehouseId = row.warehouseId
  })
  afterAll(() => fb.close())
  beforeEach(() => fb.faults.clear())

  const body = (change: number): string =>
    JSON.stringify({
      reason: 'CYCLE_COUNT',
      notes: 'count',
      lines: [{ productId, warehouseId, quantityChange: change }]
    })
  const post = (raw: string, key?: string, path = '/stock-adjustments') =>
    fetchJson(`${fb.url}${path}`, {
      method: 'POST',
      headers: { ...AUTH, ...(key !== undefined ? { 'Idempotency-Key': key } : {}) },
      body: raw
    })
  const onHand = () => fb.data.totalOnHand(productId, warehouseId)

  it('replays the stored response for the same key and byte-identical body, applying once', async () => {
    const ledgerBefore = fb.ledger.length
    const stock = onHand()
    const raw = body(3)
    const first = await post(raw, 'key-replay-1')
    expect(first.status).toBe(201)
    expect(first.headers.get('idempotency-replayed')).toBeNull()
    const second = await post(raw, 'key-replay-1')
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotency-replayed')).toBe('true')
    expect(second.text).toBe(first.text)
    expect(onHand()).toBe(stock + 3)
    expect(fb.ledger.length).toBe(ledgerBefore + 1)
    expect(fb.ledger[fb.ledger.length - 1]).toMatchObject({
      method: 'POST',
      path: '/stock-adjustments',
      idempotencyKey: 'key-replay-1',
      status: 201
    })
    expect(fb.requests[fb.requests.length - 1]).toMatchObject({
      replayed: true,
      idempotencyKey: 'key-replay-1'
    })
  })

  it('rejects the same key with a different body — even re-ordered JSON keys — as 422 idempotency_key_reuse', async () => {
    expect((await post(body(1), 'key-reuse')).status).toBe(201)
    const changed = await post(body(2), 'key-reuse')
    expect(changed.status).toBe(422)
    expect(changed.json.error.code).toBe('idempotency_key_reuse')
    const reordered = JSON.stringify({
      lines: [{ productId, warehouseId, quantityChange: 1 }],
      notes: 'count',
      reason: 'CYCLE_COUNT'
    })
    expect((await post(reordered, 'key-reuse')).json.error.code).toBe('idempotency_key_reuse')
    const spaced = body(1).replace(':', ': ')
    expect((await post(spaced, 'key-reuse')).status).toBe(422)
  })

  it('rejects the same key on a different endpoint', async () => {
    const po = [...fb.data.purchaseOrders.values()].find((p) => p.status === 'APPROVED')!
    expect((await post(body(1), 'key-endpoint')).status).toBe(201)
    const r = await post(body(1), 'key-endpoint', `/purchase-orders/${po.id}/receipts`)
    expect(r.status).toBe(422)
    expect(r.json.error.code).toBe('idempotency_key_reuse')
  })

  it('answers 409 conflict_in_progress with Retry-After: 5 while the first request runs', async () => {
    const slow = fb.faults.add({ kind: 'slow', ms: 400, times: 1, match: matchers.isWrite })
    const raw = body(1)
    const ledgerBefore = fb.ledger.length
    const first = post(raw, 'key-inflight')
    await waitFor(() => slow.fired === 1)
    const second = await post(raw, 'key-inflight')
    expect(second.status).toBe(409)
    expect(second.json.error.code).toBe('conflict_in_progress')
    expect(second.headers.get('retry-after')).toBe('5')
    expect((await first).status).toBe(201)
    const third = await post(raw, 'key-inflight')
    expect(third.headers.get('idempotency-replayed')).toBe('true')
    expect(fb.ledger.length).toBe(ledgerBefore + 1)
  })

  it('a retry after drop-after-commit replays instead of applying twice', async () => {
    fb.faults.add({ kind: 'drop-after-commit', times: 1, match: matchers.isWrite })
    const stock = onHand()
    const raw = body(5)
    await expect(post(raw, 'key-dropped')).rejects.toThrow()
    expect(onHand()).toBe(stock + 5)
    const retry = await post(raw, 'key-dropped')
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotency-replayed')).toBe('true')
    expect(onHand()).toBe(stock + 5)
    expect(fb.ledger.filter((e) => e.idempotencyKey === 'key-dropped')).toHaveLength(1)
  })

  it('without a key, every request applies', async () => {
    const stock = onHand()
    await post(body(1))
    await post(body(1))
    expect(onHand()).toBe(stock + 2)
  })

  it('a failed request does not burn its key', async () => {
    const bad = JSON.stringify({
      reason: 'CYCLE_COUNT',
      lines: [{ productId, warehouseId, quantityChange: null }]
    })
    const r = await post(bad, 'key-failed')
    expect(r.status).toBe(400)
    expect(r.json.error.code).toBe('validation_error')
    expect((await post(bad, 'key-failed')).status).toBe(400)
  })

  it('rejects keys over 200 characters with 400 invalid_parameter', async () => {
    const r = await post(body(1), 'k'.repeat(201))
    expect(r.status).toBe(400)
    expect(r.json.error.code).toBe('invalid_parameter')
    expect((await post(body(1), 'k'.repeat(200))).status).toBe(201)
  })
})
