import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import { generateInventora } from './generate'
import { startInventoraFake, type FakeServer, type InventoraData } from './server'

const KEY = { 'X-Inventora-API-Key': 'inv_demo_key' }

describe('Inventora fake: faults, data and lifecycle', () => {
  let inv: FakeServer<InventoraData>
  beforeAll(async () => {
    inv = await startInventoraFake({ size: 30 })
  })
  afterAll(() => inv.close())
  afterEach(() => inv.faults.clear())
  const get = (path = '/products?limit=10') => fetchJson(`${inv.url}${path}`, { headers: KEY })

  it('status and rate-limit faults answer in the { error } format', async () => {
    inv.faults.add({ kind: 'status', status: 503, retryAfter: 2, times: 1 })
    inv.faults.add({ kind: 'rate-limit', retryAfter: 3, times: 1 })
    const a = await get()
    expect(a.status).toBe(503)
    expect(a.json).toEqual({ error: 'Service unavailable' })
    expect(a.headers.get('retry-after')).toBe('2')
    const b = await get()
    expect(b.status).toBe(429)
    expect(b.headers.get('retry-after')).toBe('3')
    expect(typeof b.json.error).toBe('string')
    expect((await get()).status).toBe(200)
  })

  it('every other request fails with everyNth', async () => {
    inv.faults.everyNth(2, { kind: 'status', status: 500 })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await get()).status)
    expect(statuses).toEqual([200, 500, 200, 500])
  })

  it('slow, drop-mid-body, extra-fields and malformed-record', async () => {
    inv.faults.add({ kind: 'slow', ms: 150, times: 1 })
    const t = performance.now()
    await get()
    expect(performance.now() - t).toBeGreaterThanOrEqual(140)

    inv.faults.add({ kind: 'drop-mid-body', times: 1 })
    const res = await fetch(`${inv.url}/products?limit=20`, { headers: KEY })
    await expect(res.text()).rejects.toThrow()

    inv.faults.add({ kind: 'extra-fields', times: 1, fields: { newField: 1 } })
    expect((await get()).json.data.every((p: { newField?: number }) => p.newField === 1)).toBe(true)

    inv.faults.add({ kind: 'malformed-record', times: 1, field: 'stockLevel' })
    const data = (await get()).json.data as { stockLevel: unknown }[]
    expect(data.filter((p) => typeof p.stockLevel !== 'number')).toHaveLength(1)
  })

  it('stop() refuses connections; start() resumes on the same port with the data', async () => {
    const port = inv.port
    const p = [...inv.data.products.values()][0]!
    inv.data.setStock(p.id, 'Main Warehouse', 77)
    await inv.stop()
    await expect(fetch(`${inv.url}/locations`, { headers: KEY })).rejects.toThrow()
    await inv.start()
    expect(inv.port).toBe(port)
    const r = await get(`/products/${p.id}`)
    expect(r.json.locationStockLevels['Main Warehouse']).toBe(77)
  })

  it('deleted resources disappear from lists', async () => {
    const before = (await get('/materials?limit=1')).json.pagination.totalCount as number
    const m = [...inv.data.materials.values()].at(-1)!
    inv.data.deleteResource(m.id)
    expect((await get('/materials?limit=1')).json.pagination.totalCount).toBe(before - 1)
    expect((await get(`/materials/${m.id}`)).status).toBe(404)
  })

  it('generates deterministically, with low-stock items, EAN-13s and 10-50 tasks', () => {
    const now = () => new Date('2026-03-01T00:00:00Z')
    const a = generateInventora({ seed: 9, size: 200, now })
    const b = generateInventora({ seed: 9, size: 200, now })
    expect(a.products.all()).toEqual(b.products.all())
    expect(a.materials.all()).toEqual(b.materials.all())
    expect(a.tasks.all()).toEqual(b.tasks.all())
    const products = a.products.all()
    expect(products.some((p) => a.stockLevel(p) <= p.minLevel)).toBe(true)
    expect(products.filter((p) => p.ean !== null).every((p) => /^\d{13}$/.test(p.ean!))).toBe(true)
    expect(a.tasks.size).toBeGreaterThanOrEqual(10)
    expect(a.tasks.size).toBeLessThanOrEqual(50)
    expect(a.tasks.all().some((t) => t.items.some((i) => i.batches.length > 0))).toBe(true)
    expect(a.locations.length).toBe(4)
  })
})
