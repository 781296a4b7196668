import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileSecretStore } from '../platform/file-secret-store'
import { createNodeCipher } from '../platform/node-cipher'
import { ConnectionRegistry } from './registry'

describe('connection registry', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'registry-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  const open = () =>
    new ConnectionRegistry(
      dir,
      new FileSecretStore(join(dir, 'secrets.json'), createNodeCipher(join(dir, 'keys', 'k')))
    )

  it('is read from memory once loaded: the disk is its record, not its source on every page', async () => {
    const registry = open()
    const created = await registry.create({
      vendor: 'frostbyte',
      label: 'Main warehouse',
      baseUrl: 'https://example.test/api/v1/',
      apiKey: 'fb_key'
    })
    await rm(join(dir, 'connections.json'))
    await rm(join(dir, 'secrets.json'))
    expect(await registry.get(created.id)).toMatchObject({ label: 'Main warehouse', hasSecret: true })
    expect(await registry.apiKey(created.id)).toBe('fb_key')
  })

  it('a new key is dated, so resources the old key could not read are asked again', async () => {
    let t = Date.parse('2026-01-01T00:00:00Z')
    const registry = new ConnectionRegistry(
      dir,
      new FileSecretStore(join(dir, 'secrets.json'), createNodeCipher(join(dir, 'keys', 'k'))),
      () => new Date((t += 1000))
    )
    const created = await registry.create({
      vendor: 'inventora',
      label: 'Workshop',
      baseUrl: 'https://example.test/api',
      apiKey: 'old'
    })
    const updated = await registry.setSecret(created.id, 'new')
    expect(updated?.secretSetAt).toBeDefined()
    expect(updated?.secretSetAt).not.toBe(created.secretSetAt)
    // A second registry (the next start) reads what the first wrote.
    expect((await open().get(created.id))?.secretSetAt).toBe(updated?.secretSetAt)
  })
})
