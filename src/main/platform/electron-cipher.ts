import { HostFailure } from '../host/dispatch'
import type { SecretCipher } from './file-secret-store'

/** The parts of Electron's safeStorage the cipher uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
  /** Linux only; other platforms always use the OS keychain. */
  getSelectedStorageBackend?(): string
}

const PREFIX = 'ss1.'

export const NO_KEYCHAIN_MESSAGE =
  'Stockroom cannot keep vendor keys safely on this computer: the system keychain is not available. ' +
  'On Linux, install and unlock GNOME Keyring or KWallet, then restart Stockroom. Nothing was saved.'

/**
 * Secrets sealed by the OS keychain through Electron safeStorage. Without a
 * real keychain it refuses, rather than write a key that anyone with the
 * data folder could read: on Linux, safeStorage's 'basic_text' backend uses a
 * fixed, public password, so it counts as no keychain at all.
 * The slot name is sealed with the value, so an entry copied to another slot
 * does not decrypt there.
 */
export function createElectronCipher(safeStorage: SafeStorageLike): SecretCipher {
  const usable = () =>
    safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text'
  return {
    encrypt(plain, name) {
      if (!usable()) throw new HostFailure('unavailable', NO_KEYCHAIN_MESSAGE)
      return PREFIX + safeStorage.encryptString(JSON.stringify([name, plain])).toString('base64')
    },
    decrypt(sealed, name) {
      if (!sealed.startsWith(PREFIX)) throw new Error('Unreadable secret entry')
      if (!safeStorage.isEncryptionAvailable()) {
        throw new HostFailure('unavailable', NO_KEYCHAIN_MESSAGE.replace(' Nothing was saved.', ''))
      }
      const opened: unknown = JSON.parse(
        safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'))
      )
      if (!Array.isArray(opened) || opened[0] !== name || typeof opened[1] !== 'string') {
        throw new Error('Secret entry does not belong to this slot')
      }
      return opened[1]
    }
  }
}
