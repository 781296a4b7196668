import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileSecretStore } from './file-secret-store'
import { createNodeCipher } from './node-cipher'

describe('web host secret store', () => {
  it('round-trips, persists across instances, and keeps only ciphertext on disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'secrets-'))
    const cipher = createNodeCipher(join(dir, 'keys', 'k'))
    const a = new FileSecretStore(join(dir, 'data', 's.json'), cipher)
    await Promise.all([a.set('one', 'alpha-secret'), a.set('two', 'beta-secret')])
    const b = new FileSecretStore(join(dir, 'data', 's.json'), createNodeCipher(join(dir, 'keys', 'k')))
    expect(await b.get('one')).toBe('alpha-secret')
    expect(await b.get('two')).toBe('beta-secret')
    expect(await readFile(join(dir, 'data', 's.json'), 'utf8')).not.toMatch(/alpha|beta/)
    await b.delete('one')
    expect(await b.get('one')).toBeNull()
  })

  it('refuses a ciphertext moved to another slot or read with another key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'secrets-'))
    const file = join(dir, 's.json')
    const store = new FileSecretStore(file, createNodeCipher(join(dir, 'k1')))
    await store.set('a', 'secret')
    const all = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>
    await writeFile(file, JSON.stringify({ ...all, b: all.a }))
    // The store keeps what it wrote in memory; a tampered file is what the next start reads.
    const reopened = new FileSecretStore(file, createNodeCipher(join(dir, 'k1')))
    await expect(reopened.get('a')).resolves.toBe('secret')
    await expect(reopened.get('b')).rejects.toThrow()
    await expect(new FileSecretStore(file, createNodeCipher(join(dir, 'k2'))).get('a')).rejects.toThrow()
  })
})
