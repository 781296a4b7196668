import { afterEach, describe, expect, it } from 'vitest'
import { FIGGRO_PATHS } from '../../../shared/vendors/figgro/assumptions'
import { fetchJson } from '../common/testing'
import type { FakeServer } from '../common/types'
import type { FiggroData } from './data'
import { generateFiggro } from './generate'
import { FIGGRO_DEMO_KEY, startFiggroFake, type FiggroFakeOptions } from './server'

let fake: FakeServer<FiggroData> | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(o: FiggroFakeOptions = {}) {
  fake = await startFiggroFake({ seed: 3, size: 120, ...o })
  return fake
}
const get = (path: string, key = FIGGRO_DEMO_KEY) =>
  fetchJson(`${fake!.url}${path}`, { headers: key ? { 'X-Api-Key': key } : {} })

describe('Figgro fake', () => {
  it('answers the documented envelope, 25 a page, whatever page size is asked for', async () => {
    await start()
    const res = await get(`${FIGGRO_PATHS.products}?page=2&page_size=100&pageSize=100`)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ page: 2, page_size: 25, total_records: 120, total_pages: 5 })
    expect(res.json.data).toHaveLength(25)
    expect(Object.keys(res.json.data[0]).sort()).toEqual(
      ['id', 'name', 'quantityOnHand', 'sku', 'unitOfMeasure', 'updatedAt'].sort()
    )
    const past = await get(`${FIGGRO_PATHS.products}?page=9`)
    expect(past.json).toMatchObject({ page: 9, total_pages: 5, data: [] })
    const raw = await get(FIGGRO_PATHS.rawMaterials)
    expect(raw.json.data[0]).toHaveProperty('lotNumber')
    expect(raw.json.data[0].expiryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('refuses a missing or unknown key with 401 UNAUTHORIZED, and a key without the endpoint with 403', async () => {
    await start({ scopedKeys: { fgr_inventory_only: ['products', 'rawMaterials'] } })
    expect((await get(FIGGRO_PATHS.products, '')).json).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Invalid or missing X-Api-Key header.'
    })
    expect((await get(FIGGRO_PATHS.products, 'fgr_wrong')).status).toBe(401)
    expect((await get(FIGGRO_PATHS.products, 'fgr_inventory_only')).status).toBe(200)
    const denied = await get(FIGGRO_PATHS.jobRuns, 'fgr_inventory_only')
    expect(denied.status).toBe(403)
    expect(denied.json.code).toBe('FORBIDDEN')
    expect((await get('/Inventory/nothing')).json.code).toBe('NOT_FOUND')
  })

  it('filters job endpoints by start date, inclusive, and refuses a malformed date with 400', async () => {
    await start()
    const all = fake!.data.jobRunTickets
    const day = all[3]!.startDate.slice(0, 10)
    const res = await get(`${FIGGRO_PATHS.jobRunTickets}?startDate=${day}&endDate=${day}`)
    const expected = all.filter((t) => t.startDate.slice(0, 10) === day).map((t) => t.id)
    expect(res.json.data.map((t: { id: string }) => t.id)).toEqual(expected.slice(0, 25))
    expect(res.json.total_records).toBe(expected.length)
    const bad = await get(`${FIGGRO_PATHS.jobRuns}?startDate=31/12/2026`)
    expect(bad.status).toBe(400)
    expect(bad.json.code).toBe('BAD_REQUEST')
    expect((await get(`${FIGGRO_PATHS.products}?page=0`)).status).toBe(400)
  })

  it('counts requests in a rolling window: headers on every answer, then 429 RATE_LIMITED with Retry-After', async () => {
    await start({ limit: 3, windowMs: 1_500 })
    const first = await get(FIGGRO_PATHS.products)
    expect(first.headers.get('x-ratelimit-limit')).toBe('3')
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2')
    const reset = Number(first.headers.get('x-ratelimit-reset')) * 1000
    expect(reset - Date.now()).toBeGreaterThan(0)
    expect(reset - Date.now()).toBeLessThanOrEqual(2_600)
    await get(FIGGRO_PATHS.products)
    const third = await get('/Inventory/nothing') // a 404 still counts
    expect(third.headers.get('x-ratelimit-remaining')).toBe('0')
    const refused = await get(FIGGRO_PATHS.products)
    expect(refused.status).toBe(429)
    expect(refused.json.code).toBe('RATE_LIMITED')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    await new Promise((r) => setTimeout(r, 1_600))
    expect((await get(FIGGRO_PATHS.products)).status).toBe(200) // the window rolled on
  })

  it('injects the common faults in its own error format', async () => {
    await start()
    fake!.faults.once({ kind: 'status', status: 503 })
    const res = await get(FIGGRO_PATHS.products)
    expect(res.status).toBe(503)
    expect(res.json.code).toBe('UNAVAILABLE')
  })

  it('generates the same records for the same seed, up to 100,000 products', () => {
    const now = () => new Date(Date.UTC(2026, 5, 1))
    const big = generateFiggro({ seed: 5, size: 100_000, now })
    const small = generateFiggro({ seed: 5, size: 100, now })
    expect(big.products).toHaveLength(100_000)
    expect(big.products[42]).toEqual(small.products[42])
    expect(generateFiggro({ seed: 5, size: 100, now }).rawMaterials).toEqual(small.rawMaterials)
  })
})
