import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { SecretStore } from './ports'

/** Turns a secret into an opaque string and back; `name` binds the ciphertext to its slot. */
export interface SecretCipher {
  encrypt(plain: string, name: string): string
  decrypt(sealed: string, name: string): string
}

/**
 * Secrets in one JSON file of sealed strings. Only ciphertext touches the disk;
 * the cipher decides where the key lives (OS keychain via Electron safeStorage,
 * or a key file kept apart from the data in the web host).
 */
export class FileSecretStore implements SecretStore {
  private queue: Promise<unknown> = Promise.resolve()
  /** The sealed file as last read or written: this process is its only writer, so the disk is read once. */
  private cache?: Record<string, string>

  constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher
  ) {}

  async get(name: string): Promise<string | null> {
    const sealed = (await this.read())[name]
    return sealed === undefined ? null : this.cipher.decrypt(sealed, name)
  }

  async has(name: string): Promise<boolean> {
    return (await this.read())[name] !== undefined
  }

  set(name: string, value: string): Promise<void> {
    return this.update((all) => {
      all[name] = this.cipher.encrypt(value, name)
    })
  }

  delete(name: string): Promise<void> {
    return this.update((all) => {
      delete all[name]
    })
  }

  private async read(): Promise<Record<string, string>> {
    if (!this.cache) {
      try {
        this.cache = JSON.parse(await readFile(this.file, 'utf8')) as Record<string, string>
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
        this.cache = {}
      }
    }
    return { ...this.cache }
  }

  /** Serialised read-modify-write with an atomic rename, so a crash never leaves half a file. */
  private update(change: (all: Record<string, string>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const all = await this.read()
      change(all)
      await mkdir(dirname(this.file), { recursive: true })
      const tmp = `${this.file}.${process.pid}.tmp`
      await writeFile(tmp, JSON.stringify(all), { mode: 0o600 })
      await rename(tmp, this.file)
      this.cache = all
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}
