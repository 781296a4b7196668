import type { ConnectionInfo } from '../../shared/host-api/connections'
import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import { vendorNames, type VendorId } from '../../shared/model/vendor'
import { describeVendorError } from '../../shared/vendors/errors'
import type { ConnectionRegistry } from '../connections/registry'
import type { ConnectorDefinition, PageRequest, VendorConnector } from '../connectors/connector'
import { HostFailure } from '../host/dispatch'
import type { EventBus } from '../host/event-bus'
import type { PacerClock } from './pacer'
import { VendorError, VendorHttp } from './vendor-http'

interface Live {
  baseUrl: string
  http: VendorHttp
  connector: VendorConnector
}

export interface GatewayOptions {
  clock?: PacerClock
  random?: () => number
  maxAttempts?: number
  timeoutMs?: number
}

/**
 * Main's side of sync: one paced HTTP client and connector per connection,
 * kept for the connection's life so pacing spans calls. Vendor errors leave
 * here as plain-worded host errors; a refused key pauses the connection.
 */
export class VendorGateway {
  private live = new Map<string, Live>()

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly events: EventBus,
    private readonly definitions: Partial<Record<VendorId, ConnectorDefinition>>,
    private readonly options: GatewayOptions = {}
  ) {
    registry.onChange((all) => {
      const ids = new Set(all.map((c) => c.id))
      for (const id of this.live.keys()) if (!ids.has(id)) this.live.delete(id)
    })
  }

  /** Drop the cached client, e.g. after the key changed. */
  forget(connectionId: string): void {
    this.live.delete(connectionId)
  }

  async plan(connectionId: string): Promise<ResourcePlan[]> {
    const { connector } = await this.open(connectionId)
    return connector.plan()
  }

  async fetchPage(connectionId: string, req: PageRequest): Promise<PageResult> {
    const { connector, connection } = await this.open(connectionId)
    if (!connector.plan().some((p) => p.resource === req.resource)) {
      throw new HostFailure(
        'invalid-request',
        `${vendorNames[connection.vendor]} has no resource "${req.resource}".`
      )
    }
    return this.guard(connection, () => connector.fetchPage(req))
  }

  async probe(connectionId: string): Promise<void> {
    const { connector, connection } = await this.open(connectionId)
    await this.guard(connection, () => connector.probe())
  }

  /** The paced HTTP client of a connection (the outbox sends its frozen requests through it). */
  async http(connectionId: string): Promise<{ http: VendorHttp; connection: ConnectionInfo }> {
    const { http, connection } = await this.open(connectionId)
    return { http, connection }
  }

  private async guard<T>(connection: ConnectionInfo, run: () => Promise<T>): Promise<T> {
    try {
      const value = await run()
      if (connection.status !== 'ok') await this.registry.setStatus(connection.id, 'ok')
      return value
    } catch (err) {
      if (!(err instanceof VendorError)) throw err
      const message = describeVendorError(err.toInfo(), vendorNames[connection.vendor], connection.label)
      if (err.kind === 'unauthorized' || err.kind === 'forbidden') {
        await this.registry.setStatus(connection.id, 'paused', message)
        throw new HostFailure('unauthorized', message)
      }
      if (
        err.kind === 'network' ||
        err.kind === 'timeout' ||
        err.kind === 'unavailable' ||
        err.kind === 'rate-limited'
      ) {
        throw new HostFailure('unavailable', message)
      }
      await this.registry.setStatus(connection.id, 'error', message)
      throw new HostFailure('vendor-rejected', message, err.details)
    }
  }

  private async open(connectionId: string): Promise<Live & { connection: ConnectionInfo }> {
    const connection = await this.registry.get(connectionId)
    if (!connection) throw new HostFailure('not-found', 'That connection no longer exists.')
    const definition = this.definitions[connection.vendor]
    if (!definition) {
      throw new HostFailure(
        'unavailable',
        `Syncing ${vendorNames[connection.vendor]} is not available in this version of Stockroom yet.`
      )
    }
    let live = this.live.get(connectionId)
    if (!live || live.baseUrl !== connection.baseUrl) {
      const http = new VendorHttp({
        baseUrl: connection.baseUrl,
        authHeaders: async () => {
          const key = await this.registry.apiKey(connectionId)
          if (!key) throw new VendorError({ kind: 'unauthorized', message: 'no API key stored' })
          return definition.authHeaders(key)
        },
        limits: connection.requestsPerMinute
          ? [{ requests: connection.requestsPerMinute, perMs: 60_000 }]
          : definition.limits,
        parseError: definition.parseError,
        ...(this.options.clock && { clock: this.options.clock }),
        ...(this.options.random && { random: this.options.random }),
        ...(this.options.maxAttempts && { maxAttempts: this.options.maxAttempts }),
        ...(this.options.timeoutMs && { timeoutMs: this.options.timeoutMs }),
        onWait: (ms, reason, error) =>
          this.events.emit('sync:wait', {
            connectionId,
            ms: Math.round(ms),
            reason,
            ...(error && {
              message: describeVendorError(error, vendorNames[connection.vendor], connection.label)
            })
          })
      })
      live = { baseUrl: connection.baseUrl, http, connector: definition.create(http, connection) }
      this.live.set(connectionId, live)
    }
    return { ...live, connection }
  }
}
