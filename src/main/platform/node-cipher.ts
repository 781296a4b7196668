import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SecretCipher } from './file-secret-store'

const KEY_BYTES = 32

/**
 * AES-256-GCM with a random key in its own file (mode 0600), kept in a
 * directory apart from the data directory, so a copy of the data alone does not
 * reveal the secrets. Used by the web host, where no OS keychain is reachable.
 */
export function createNodeCipher(keyFile: string): SecretCipher {
  const key = loadOrCreateKey(keyFile)
  return {
    encrypt(plain, name) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(name, 'utf8'))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [
        'v1',
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64')
      ].join('.')
    },
    decrypt(sealed, name) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unreadable secret entry')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
      decipher.setAAD(Buffer.from(name, 'utf8'))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
    }
  }
}

function loadOrCreateKey(keyFile: string): Buffer {
  if (existsSync(keyFile)) {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')
    if (key.length !== KEY_BYTES) throw new Error(`Secret key file ${keyFile} is damaged`)
    return key
  }
  mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 })
  const key = randomBytes(KEY_BYTES)
  writeFileSync(keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' })
  chmodSync(keyFile, 0o600)
  return key
}
