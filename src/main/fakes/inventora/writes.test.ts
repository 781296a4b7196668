import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { matchers } from '../common/faults'
import { fetchJson } from '../common/testing'
import { ManualClock } from '../common/time'
import type { InvResource } from './model'
import { startInventoraFake, type FakeServer, type InventoraData } from './server'

const HEADERS = { 'X-Inventora-API-Key': 'inv_demo_key', 'Content-Type': 'application/json' }

describe('Inventora fake: writes', () => {
  let inv: FakeServer<InventoraData>
  const clock = new ManualClock(Date.UTC(2026, 2, 1, 9, 0, 0))
  beforeAll(async () => {
    inv = await startInventoraFake({ size: 40, now: clock.now })
  })
  afterAll(() => inv.close())
  beforeEach(() => inv.faults.clear())
  const send = (method: string, path: string, body?: unknown) =>
    fetchJson(`${inv.url}${path}`, {
      method,
      headers: HEADERS,
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
  const level = (r: Readonly<InvResource>, location: string): number => {
    const loc = inv.data.locationByName(location)!
    return r.stock[loc.id] ?? 0
  }
  const producedProduct = () =>
    [...inv.data.products.values()].find((p) => p.productionType === 'produced' && p.materials.length > 0)!

  it('audit sets the level at the location (absolute), restock adds, loss subtracts', async () => {
    const p = [...inv.data.products.values()].find((x) => x.productionType === 'supplied')!
    const audit = await send('POST', `/products/${p.id}/stock-level-updates`, {
      quantity: 10,
      locationName: 'Main Warehouse',
      updateType: 'audit',
      notes: 'Weekly count'
    })
    expect(audit.status).toBe(200)
    expect(audit.json.locationStockLevels['Main Warehouse']).toBe(10)
    const restock = await send('POST', `/products/${p.id}/stock-level-updates`, {
      quantity: 5,
      locationName: 'Main Warehouse',
      updateType: 'restock'
    })
    expect(restock.json.locationStockLevels['Main Warehouse']).toBe(15)
    const loss = await send('POST', `/products/${p.id}/stock-level-updates`, {
      quantity: 20,
      locationName: 'Main Warehouse',
      updateType: 'loss'
    })
    expect(loss.json.locationStockLevels['Main Warehouse']).toBe(-5)
    expect(loss.json.stockLevel).toBe(
      Object.values(loss.json.locationStockLevels as Record<string, number>).reduce((a, b) => a + b, 0)
    )
    const gift = await send('POST', `/products/${p.id}/stock-level-updates`, {
      quantity: 1,
      locationName: 'Main Warehouse',
      updateType: 'custom',
      customStatusId: 1
    })
    expect(gift.json.locationStockLevels['Main Warehouse']).toBe(-6)
  })

  it('restocking a produced product deducts its materials at that location', async () => {
    const p = producedProduct()
    const use = p.materials[0]!
    const material = inv.data.materials.get(use.materialId)!
    const before = level(material, 'Main Warehouse')
    const r = await send('POST', `/products/${p.id}/stock-level-updates`, {
      quantity: 4,
      locationName: 'Main Warehouse',
      updateType: 'restock'
    })
    expect(r.status).toBe(200)
    expect(level(inv.data.materials.get(use.materialId)!, 'Main Warehouse')).toBeCloseTo(
      before - 4 * use.quantityUsed,
      6
    )
  })

  it('materials take stock-level updates too, and may gain a new location', async () => {
    const m = [...inv.data.materials.values()].find((x) => level(x, 'Retail Store') === 0)!
    const total = inv.data.stockLevel(m)
    const r = await send('POST', `/materials/${m.id}/stock-level-updates`, {
      quantity: 50,
      locationName: 'Retail Store',
      updateType: 'restock',
      notes: 'Received shipment'
    })
    expect(r.status).toBe(200)
    expect(r.json.locationStockLevels['Retail Store']).toBe(50)
    expect(r.json.stockLevel).toBeCloseTo(total + 50, 6)
  })

  it('reports the documented 400/404 messages', async () => {
    const p = [...inv.data.products.values()][1]!
    expect(
      (
        await send('POST', `/products/${p.id}/stock-level-updates`, {
          locationName: 'Main Warehouse',
          updateType: 'audit'
        })
      ).json
    ).toEqual({ error: 'quantity is required' })
    expect(
      (
        await send('POST', `/products/${p.id}/stock-level-updates`, {
          quantity: 1,
          locationName: 'Main Warehouse',
          updateType: 'set'
        })
      ).json
    ).toEqual({
      error: 'updateType must be one of: audit, restock, loss, custom'
    })
    const noLoc = await send('POST', `/products/${p.id}/stock-level-updates`, {
      quantity: 1,
      locationName: 'Moon Base',
      updateType: 'audit'
    })
    expect(noLoc.status).toBe(404)
    expect(noLoc.json).toEqual({ error: 'Location not found' })
    const noRes = await send('POST', '/products/prod_missing/stock-level-updates', {
      quantity: 1,
      locationName: 'Main Warehouse',
      updateType: 'audit'
    })
    expect(noRes.status).toBe(404)
    expect(noRes.json).toEqual({ error: 'Resource not found' })
    expect(
      (
        await send('POST', `/products/${p.id}/stock-level-updates`, {
          quantity: 1,
          locationName: 'Main Warehouse',
          updateType: 'custom'
        })
      ).status
    ).toBe(400)
    const bad = await fetchJson(`${inv.url}/products/${p.id}/stock-level-updates`, {
      method: 'POST',
      headers: HEADERS,
      body: '{oops'
    })
    expect(bad.status).toBe(400)
  })

  it('PATCH updates fields; unitPrice is locked after non-initial logs; unitType never to or from bundles', async () => {
    const fresh = [...inv.data.products.values()].find(
      (x) => !x.hasNonInitialLogs && x.unitType === 'pieces'
    )!
    const r = await send('PATCH', `/products/${fresh.id}`, {
      name: 'Updated Product Name',
      unitPrice: 6,
      minLevel: 15,
      reorderURLs: ['https://example.com/reorder-new']
    })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({
      name: 'Updated Product Name',
      unitPrice: 6,
      minLevel: 15,
      reorderURLs: ['https://example.com/reorder-new']
    })
    await send('POST', `/products/${fresh.id}/stock-level-updates`, {
      quantity: 1,
      locationName: 'Main Warehouse',
      updateType: 'restock'
    })
    const locked = await send('PATCH', `/products/${fresh.id}`, { unitPrice: 7 })
    expect(locked.status).toBe(400)
    expect(locked.json).toEqual({
      error: 'Cannot update unitPrice when resource has stock blocks tied to non-initial logs'
    })
    expect((await send('PATCH', `/products/${fresh.id}`, { unitType: 'bundles' })).status).toBe(400)
    expect((await send('PATCH', `/products/${fresh.id}`, { unitType: 'weight.kg' })).json.unitType).toBe(
      'weight.kg'
    )
    expect((await send('PATCH', `/products/${fresh.id}`, { name: '' })).status).toBe(400)
  })

  it('creates, updates and soft-deletes tasks', async () => {
    const p = producedProduct()
    clock.advance(60_000)
    const created = await send('POST', '/tasks', {
      name: 'Produce 50 Candles',
      Assignee: inv.data.users[0]!.email,
      Items: [{ ProductId: p.id, quantity: 50 }],
      LocationId: inv.data.locations[2]!.id,
      due: '2026-03-15T10:00:00Z'
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      name: 'Produce 50 Candles',
      status: 'pending',
      UserId: inv.data.users[0]!.id,
      completedAt: null
    })
    expect(created.json.Items[0]).toMatchObject({
      ResourceId: p.id,
      quantity: 50,
      unitType: 'pieces',
      completed: false,
      Batches: []
    })
    expect(created.json.Items[0].Product).toMatchObject({ id: p.id, type: 'product' })
    const id = created.json.id as string
    expect((await send('POST', '/tasks', { name: 'Empty', Items: [] })).status).toBe(400)

    clock.advance(60_000)
    const done = await send('PATCH', `/tasks/${id}`, { status: 'done', notes: null })
    expect(done.json).toMatchObject({
      status: 'done',
      completedAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
      notes: null
    })
    expect((await send('PATCH', `/tasks/${id}`, { status: 'finished' })).status).toBe(400)

    const del = await fetch(`${inv.url}/tasks/${id}`, { method: 'DELETE', headers: HEADERS })
    expect(del.status).toBe(204)
    expect(await del.text()).toBe('')
    expect((await send('GET', `/tasks/${id}`)).status).toBe(404)
    const listed = (await send('GET', '/tasks?limit=1000')).json.data as { id: string }[]
    expect(listed.some((t) => t.id === id)).toBe(false)
  })

  it('a task batch books production (stock up, materials down); deleting it reverses both', async () => {
    const t = [...inv.data.tasks.values()].find((x) => !x.deleted && x.LocationId !== null)!
    const item = t.items[0]!
    const product = inv.data.products.get(item.resourceId)!
    const loc = inv.data.location(t.LocationId!)!
    const before = level(product, loc.name)
    const materialBefore = product.materials.map((u) =>
      level(inv.data.materials.get(u.materialId)!, loc.name)
    )
    const r = await send('POST', `/tasks/${t.id}/items/${item.id}/batches`, { quantity: 25 })
    expect(r.status).toBe(201)
    expect(r.json).toMatchObject({ TaskResourceId: item.id, UserId: null, quantity: 25 })
    expect(level(inv.data.products.get(product.id)!, loc.name)).toBe(before + 25)
    product.materials.forEach((u, k) =>
      expect(level(inv.data.materials.get(u.materialId)!, loc.name)).toBeCloseTo(
        materialBefore[k]! - 25 * u.quantityUsed,
        6
      )
    )
    const shown = await send('GET', `/tasks/${t.id}`)
    expect(shown.json.Items[0].Batches.some((b: { id: number }) => b.id === r.json.id)).toBe(true)

    expect((await send('POST', `/tasks/${t.id}/items/${item.id}/batches`, { quantity: 0 })).status).toBe(400)
    expect((await send('POST', `/tasks/${t.id}/items/999999/batches`, { quantity: 1 })).status).toBe(404)

    const del = await fetch(`${inv.url}/task-batches/${r.json.id}`, { method: 'DELETE', headers: HEADERS })
    expect(del.status).toBe(204)
    expect(level(inv.data.products.get(product.id)!, loc.name)).toBe(before)
    product.materials.forEach((u, k) =>
      expect(level(inv.data.materials.get(u.materialId)!, loc.name)).toBeCloseTo(materialBefore[k]!, 6)
    )
    expect(
      (await fetch(`${inv.url}/task-batches/${r.json.id}`, { method: 'DELETE', headers: HEADERS })).status
    ).toBe(404)
  })

  it('has no idempotency: a retried restock applies twice, and the ledger shows both', async () => {
    const p = [...inv.data.products.values()].find((x) => x.productionType === 'supplied')!
    const before = level(p, 'Main Warehouse')
    const ledgerBefore = inv.ledger.length
    inv.faults.add({ kind: 'drop-after-commit', times: 1, match: matchers.isWrite })
    const body = { quantity: 3, locationName: 'Main Warehouse', updateType: 'restock' }
    await expect(
      fetch(`${inv.url}/products/${p.id}/stock-level-updates`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify(body)
      })
    ).rejects.toThrow()
    const retry = await send('POST', `/products/${p.id}/stock-level-updates`, body)
    expect(retry.status).toBe(200)
    expect(level(inv.data.products.get(p.id)!, 'Main Warehouse')).toBe(before + 6)
    expect(inv.ledger.slice(ledgerBefore).map((e) => [e.method, e.path, e.status])).toEqual([
      ['POST', `/products/${p.id}/stock-level-updates`, 200],
      ['POST', `/products/${p.id}/stock-level-updates`, 200]
    ])
  })

  it('rejected writes are not in the ledger', async () => {
    const before = inv.ledger.length
    await send('POST', '/tasks', { name: '' })
    await send('PATCH', '/tasks/nope', { name: 'x' })
    expect(inv.ledger.length).toBe(before)
  })
})
