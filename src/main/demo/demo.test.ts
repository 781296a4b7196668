import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createNodePlatform } from '../platform/node-platform'
import { createMainServices, type MainServices } from '../services'

describe('demo connections', () => {
  let root: string
  const open: MainServices[] = []
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'stockroom-demo-'))
  })
  afterEach(async () => {
    for (const s of open.splice(0)) await s.dispose()
    await rm(root, { recursive: true, force: true })
  })

  const start = async (demo = true) => {
    const dataDir = join(root, 'data')
    const platform = createNodePlatform({ dataDir, keyDir: join(root, 'keys'), log: () => {} })
    const s = await createMainServices({ dataDir, platform, version: '0.0.0-test', log: () => {}, demo })
    open.push(s)
    return s
  }
  const call = (s: MainServices, id: string, resource: string) =>
    s.gateway.fetchPage(id, { resource, phase: 'full', cursor: null })

  it('a first start connects a Frostbyte Pro warehouse and an Inventora workshop that answer', async () => {
    const s = await start()
    const demos = await s.connections.list()
    expect(demos.map((c) => [c.vendor, c.label, c.demo])).toEqual([
      ['frostbyte', 'Demo — Frostbyte Pro', true],
      ['inventora', 'Demo — Inventora', true]
    ])
    const fb = await call(s, demos[0]!.id, 'products')
    expect((fb.batch.items?.length ?? 0) + fb.deleted.length).toBe(200) // inactive products come as deletions
    const tasks = await call(s, demos[1]!.id, 'tasks')
    expect(tasks.batch.tasks?.length).toBeGreaterThan(0)
  })

  it('a first start sets up the demo label printer, which takes a test print, and keeps it after a restart', async () => {
    const s = await start()
    const listed = await s.dispatch('printers:list', {})
    if (!listed.ok) throw new Error(listed.error.message)
    const [printer] = (listed.value as { printers: { id: string; name: string; port: number }[] }).printers
    expect(printer?.name).toBe('Demo label printer')
    const printed = await s.dispatch('printers:testPrint', { printerId: printer!.id })
    expect(printed).toMatchObject({ ok: true, value: { printer: 'Demo label printer', labels: 1 } })
    await s.dispose()
    open.pop()
    const again = await start()
    const relisted = await again.dispatch('printers:list', {})
    const moved = relisted.ok && (relisted.value as { printers: { id: string; port: number }[] }).printers
    expect(moved).toHaveLength(1)
    expect(moved && moved[0]!.id).toBe(printer!.id)
    expect(await again.dispatch('printers:testPrint', { printerId: printer!.id })).toMatchObject({ ok: true })
  })

  it('a restart brings the demos back on new ports; a user connection alone gets none', async () => {
    const first = await start()
    const before = await first.connections.list()
    await first.dispose()
    open.pop()
    const again = await start()
    const after = await again.connections.list()
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id))
    for (const c of after) {
      expect(before.find((b) => b.id === c.id)?.baseUrl).not.toBe(c.baseUrl)
      const page = await call(again, c.id, c.vendor === 'frostbyte' ? 'warehouses' : 'tasks')
      expect(page.rejected).toEqual([])
    }
    await again.dispose()
    open.pop()

    await rm(root, { recursive: true, force: true })
    const fresh = await start(false)
    await fresh.connections.create({
      vendor: 'frostbyte',
      label: 'Main warehouse',
      baseUrl: 'http://127.0.0.1:9/api/v1',
      apiKey: 'fb_live_key'
    })
    await fresh.dispose()
    open.pop()
    const later = await start()
    expect((await later.connections.list()).map((c) => c.label)).toEqual(['Main warehouse'])
  })
})
