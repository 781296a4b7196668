import { afterEach, describe, expect, it } from 'vitest'
import { fetchJson } from '../common/testing'
import { startFrostbyteFake, type FakeServer, type FrostbyteData } from './server'

const AUTH = { Authorization: 'Bearer fb_demo_key' }

describe('Frostbyte fake: stop and start', () => {
  let fb: FakeServer<FrostbyteData> | undefined
  afterEach(() => fb?.close())

  it('refuses connections while stopped and comes back on the same port with its data', async () => {
    fb = await startFrostbyteFake({ size: 10 })
    const { port, url } = fb
    const product = [...fb.data.products.values()][0]!
    fb.data.updateProduct(product.id, { name: 'Renamed While Running' })
    expect((await fetchJson(`${url}/warehouses`, { headers: AUTH })).status).toBe(200)

    await fb.stop()
    await expect(fetch(`${url}/warehouses`, { headers: AUTH })).rejects.toThrow()

    await fb.start()
    expect(fb.port).toBe(port)
    const r = await fetchJson(`${url}/products/${product.id}`, { headers: AUTH })
    expect(r.status).toBe(200)
    expect(r.json.name).toBe('Renamed While Running')
  })

  it('drops open keep-alive connections on stop', async () => {
    fb = await startFrostbyteFake({ size: 10 })
    fb.faults.add({ kind: 'slow', ms: 2_000, times: 1 })
    const pending = fetch(`${fb.url}/warehouses`, { headers: AUTH })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await fb.stop()
    await expect(pending).rejects.toThrow()
    await fb.start()
    expect((await fetchJson(`${fb.url}/warehouses`, { headers: AUTH })).status).toBe(200)
  })

  it('rejects a size outside 10..100000', async () => {
    await expect(startFrostbyteFake({ size: 5 })).rejects.toThrow()
  })
})
