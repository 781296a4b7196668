import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestServices, type TestServices } from '../../../test/helpers/main-services'

describe('host dispatcher', () => {
  let t: TestServices
  beforeEach(async () => {
    t = await createTestServices()
  })
  afterEach(() => t.cleanup())

  it('answers a valid call', async () => {
    const reply = await t.services.dispatch('app:ping', { echo: 'hello' })
    expect(reply).toMatchObject({ ok: true, value: { echo: 'hello' } })
  })

  it('rejects an unknown call by name', async () => {
    const reply = await t.services.dispatch('app:formatDisk', {})
    expect(reply).toEqual({
      ok: false,
      error: { code: 'unknown-call', message: 'Unknown call "app:formatDisk".' }
    })
  })

  it('rejects a malformed payload with field details and never reaches the handler', async () => {
    const reply = await t.services.dispatch('connections:create', {
      vendor: 'acme',
      label: '',
      baseUrl: 'ftp://x',
      apiKey: 7
    })
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid-request')
    expect(reply.error.message).toMatch(/^Invalid request for connections:create:/)
    expect(reply.error.issues?.map((i) => i.path).sort()).toEqual(['apiKey', 'baseUrl', 'label', 'vendor'])
    expect(await t.services.connections.list()).toEqual([])
  })

  it('rejects unexpected extra fields (strict requests)', async () => {
    const reply = await t.services.dispatch('app:ping', { echo: 'x', __proto__polluted: true })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
  })

  it('turns a missing record into a plain not-found error', async () => {
    const reply = await t.services.dispatch('connections:remove', { id: 'nope' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('never returns the API key and stores it encrypted apart from the data', async () => {
    const reply = await t.services.dispatch('connections:create', {
      vendor: 'frostbyte',
      label: 'Main',
      baseUrl: 'https://fb.example.com/api/',
      apiKey: 'sk_live_SECRET123'
    })
    expect(reply.ok).toBe(true)
    const list = await t.services.dispatch('connections:list', {})
    expect(JSON.stringify(list)).not.toContain('SECRET123')
    expect(list).toMatchObject({
      ok: true,
      value: [{ label: 'Main', baseUrl: 'https://fb.example.com/api', hasSecret: true }]
    })
    const { readFile, readdir } = await import('node:fs/promises')
    for (const f of await readdir(t.dataDir)) {
      expect(await readFile(`${t.dataDir}/${f}`, 'utf8')).not.toContain('SECRET123')
    }
    expect(await readdir(t.keyDir)).toEqual(['stockroom.key'])
    const id = (list as { value: { id: string }[] }).value[0]!.id
    expect(await t.services.connections.apiKey(id)).toBe('sk_live_SECRET123')
  })
})
