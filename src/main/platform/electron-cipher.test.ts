import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HostFailure } from '../host/dispatch'
import { createElectronCipher, NO_KEYCHAIN_MESSAGE, type SafeStorageLike } from './electron-cipher'
import { FileSecretStore } from './file-secret-store'

/** A keychain stand-in: reversible, but never the plain text, like safeStorage's output. */
function fakeSafeStorage(
  o: { available?: boolean; backend?: string } = {}
): SafeStorageLike & { available: boolean } {
  const s = {
    available: o.available ?? true,
    isEncryptionAvailable: () => s.available,
    encryptString: (plain: string) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (sealed: Buffer) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString('utf8'),
    ...(o.backend ? { getSelectedStorageBackend: () => o.backend as string } : {})
  }
  return s
}

describe('electron cipher', () => {
  it('round-trips a secret through the keychain, as base64 with a version prefix', () => {
    const cipher = createElectronCipher(fakeSafeStorage())
    const sealed = cipher.encrypt('key-123', 'connection:a:apiKey')
    expect(sealed).toMatch(/^ss1\.[A-Za-z0-9+/]+=*$/)
    expect(sealed).not.toContain('key-123')
    expect(cipher.decrypt(sealed, 'connection:a:apiKey')).toBe('key-123')
  })

  it('binds a sealed value to its slot', () => {
    const cipher = createElectronCipher(fakeSafeStorage())
    const sealed = cipher.encrypt('key-123', 'connection:a:apiKey')
    expect(() => cipher.decrypt(sealed, 'connection:b:apiKey')).toThrow(/does not belong/)
    expect(() => cipher.decrypt('v1.plain', 'connection:a:apiKey')).toThrow(/Unreadable/)
  })

  it('refuses to store anything when the keychain is not available', () => {
    const cipher = createElectronCipher(fakeSafeStorage({ available: false }))
    let thrown: unknown
    try {
      cipher.encrypt('key-123', 'x')
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(HostFailure)
    expect(thrown).toMatchObject({ code: 'unavailable', message: NO_KEYCHAIN_MESSAGE })
  })

  it("treats Linux's basic_text backend (a fixed public password) as no keychain", () => {
    expect(() => createElectronCipher(fakeSafeStorage({ backend: 'basic_text' })).encrypt('k', 'x')).toThrow(
      /keychain is not available/
    )
    expect(createElectronCipher(fakeSafeStorage({ backend: 'gnome_libsecret' })).encrypt('k', 'x')).toMatch(
      /^ss1\./
    )
  })

  it('says so clearly when stored secrets cannot be read because the keychain went away', () => {
    const safe = fakeSafeStorage()
    const cipher = createElectronCipher(safe)
    const sealed = cipher.encrypt('k', 'x')
    safe.available = false
    expect(() => cipher.decrypt(sealed, 'x')).toThrow(HostFailure)
  })

  describe('with FileSecretStore', () => {
    let dir = ''
    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    it('writes only sealed values to secrets.json, and writes nothing when refused', async () => {
      dir = mkdtempSync(join(tmpdir(), 'stockroom-secrets-'))
      const file = join(dir, 'secrets.json')
      const safe = fakeSafeStorage()
      const store = new FileSecretStore(file, createElectronCipher(safe))
      await store.set('connection:a:apiKey', 'super-secret')
      expect(readFileSync(file, 'utf8')).not.toContain('super-secret')
      expect(await store.get('connection:a:apiKey')).toBe('super-secret')

      safe.available = false
      await expect(store.set('connection:b:apiKey', 'other-secret')).rejects.toThrow(/keychain/)
      expect(readFileSync(file, 'utf8')).not.toContain('other-secret')
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['connection:a:apiKey'])
    })
  })
})
