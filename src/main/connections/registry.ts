import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { connectionInfo, type ConnectionInfo, type LoginCredentials } from '../../shared/host-api/connections'
import { capability, vendorId, type VendorId } from '../../shared/model/vendor'
import { vendorProfiles } from '../../shared/vendors/profiles'
import type { SecretStore } from '../platform/ports'
import { JsonFile } from '../settings/json-file'

const stored = connectionInfo.omit({ hasSecret: true })
type StoredConnection = z.infer<typeof stored>

const secretName = (id: string) => `connection:${id}:apiKey`
const loginName = (id: string) => `connection:${id}:login`

/** An email and password for vendors that log in (profile credentials `login`). */
export type StoredLogin = LoginCredentials

const storedLogin = z.object({ email: z.string(), password: z.string() })

export type NewConnection = {
  vendor: VendorId
  label: string
  baseUrl: string
  demo?: boolean
  requestsPerMinute?: number
} & ({ apiKey: string; login?: undefined } | { login: StoredLogin; apiKey?: undefined })

/**
 * Connections live in main: their settings in a JSON file, their keys in the
 * secret store. The renderer only ever receives `ConnectionInfo`.
 */
export class ConnectionRegistry {
  private readonly file: JsonFile<z.ZodArray<typeof stored>>
  private listeners = new Set<(all: ConnectionInfo[]) => void>()

  constructor(
    dataDir: string,
    private readonly secrets: SecretStore,
    private readonly now: () => Date = () => new Date()
  ) {
    this.file = new JsonFile(join(dataDir, 'connections.json'), z.array(stored), () => [])
  }

  onChange(listener: (all: ConnectionInfo[]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async list(): Promise<ConnectionInfo[]> {
    const all = await this.file.read()
    return Promise.all(
      all.map(async (c) => ({
        ...c,
        hasSecret: (await this.secrets.has(secretName(c.id))) || (await this.secrets.has(loginName(c.id)))
      }))
    )
  }

  async get(id: string): Promise<ConnectionInfo | undefined> {
    return (await this.list()).find((c) => c.id === id)
  }

  /** The key for a vendor request. Main-only: never returned over the host API. */
  apiKey(id: string): Promise<string | null> {
    return this.secrets.get(secretName(id))
  }

  /** The login for a vendor session. Main-only: the password goes to the vendor's login request and nowhere else. */
  async login(id: string): Promise<StoredLogin | null> {
    const stored = await this.secrets.get(loginName(id))
    if (stored === null) return null
    try {
      const parsed = storedLogin.safeParse(JSON.parse(stored))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  async create(input: NewConnection): Promise<ConnectionInfo> {
    const id = `${input.vendor}-${randomUUID().slice(0, 8)}`
    if (input.login) await this.setLoginSecret(id, input.login)
    else await this.secrets.set(secretName(id), input.apiKey)
    const record: StoredConnection = {
      id,
      vendor: vendorId.parse(input.vendor),
      label: input.label,
      baseUrl: input.baseUrl.replace(/\/+$/, ''),
      capabilities: z.array(capability).parse(vendorProfiles[input.vendor].capabilities),
      status: 'new',
      demo: input.demo ?? false,
      createdAt: this.now().toISOString(),
      secretSetAt: this.now().toISOString(),
      ...(input.requestsPerMinute && { requestsPerMinute: input.requestsPerMinute })
    }
    await this.file.update((all) => [...all, record])
    await this.changed()
    return { ...record, hasSecret: true }
  }

  async setSecret(id: string, apiKey: string): Promise<ConnectionInfo | undefined> {
    if (!(await this.get(id))) return undefined
    await this.secrets.set(secretName(id), apiKey)
    const secretSetAt = this.now().toISOString()
    await this.file.update((all) => all.map((c) => (c.id === id ? { ...c, secretSetAt } : c)))
    return this.setStatus(id, 'new')
  }

  /** A new email and password (e.g. after the vendor refused the old password). */
  async setLogin(id: string, login: StoredLogin): Promise<ConnectionInfo | undefined> {
    if (!(await this.get(id))) return undefined
    await this.setLoginSecret(id, login)
    return this.setStatus(id, 'new')
  }

  private async setLoginSecret(id: string, login: StoredLogin) {
    // One secret for both, so an email is never paired with another login's password.
    await this.secrets.set(loginName(id), JSON.stringify({ email: login.email, password: login.password }))
  }

  async setStatus(id: string, status: StoredConnection['status'], statusMessage?: string) {
    await this.file.update((all) =>
      all.map((c) =>
        c.id === id
          ? { ...c, status, ...(statusMessage ? { statusMessage } : { statusMessage: undefined }) }
          : c
      )
    )
    await this.changed()
    return this.get(id)
  }

  async update(id: string, patch: Partial<Pick<StoredConnection, 'baseUrl' | 'label'>>) {
    await this.file.update((all) => all.map((c) => (c.id === id ? { ...c, ...patch } : c)))
    await this.changed()
    return this.get(id)
  }

  async remove(id: string): Promise<boolean> {
    let found = false
    await this.file.update((all) => all.filter((c) => (c.id === id ? ((found = true), false) : true)))
    await this.secrets.delete(secretName(id))
    await this.secrets.delete(loginName(id))
    await this.changed()
    return found
  }

  private async changed() {
    const all = await this.list()
    for (const l of this.listeners) l(all)
  }
}
