import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { connectionInfo, type ConnectionInfo } from '../../shared/host-api/connections'
import { capability, vendorId, type VendorId } from '../../shared/model/vendor'
import { vendorProfiles } from '../../shared/vendors/profiles'
import type { SecretStore } from '../platform/ports'
import { JsonFile } from '../settings/json-file'

const stored = connectionInfo.omit({ hasSecret: true })
type StoredConnection = z.infer<typeof stored>

const secretName = (id: string) => `connection:${id}:apiKey`

export interface NewConnection {
  vendor: VendorId
  label: string
  baseUrl: string
  apiKey: string
  demo?: boolean
  requestsPerMinute?: number
}

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
    return Promise.all(all.map(async (c) => ({ ...c, hasSecret: await this.secrets.has(secretName(c.id)) })))
  }

  async get(id: string): Promise<ConnectionInfo | undefined> {
    return (await this.list()).find((c) => c.id === id)
  }

  /** The key for a vendor request. Main-only: never returned over the host API. */
  apiKey(id: string): Promise<string | null> {
    return this.secrets.get(secretName(id))
  }

  async create(input: NewConnection): Promise<ConnectionInfo> {
    const id = `${input.vendor}-${randomUUID().slice(0, 8)}`
    await this.secrets.set(secretName(id), input.apiKey)
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
    await this.changed()
    return found
  }

  private async changed() {
    const all = await this.list()
    for (const l of this.listeners) l(all)
  }
}
