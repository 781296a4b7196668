import type { ConnectionInfo } from '../../shared/host-api/connections'
import type { ChangesSince, FrozenRequest, SendOutcome } from '../../shared/host-api/outbox'
import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import { vendorNames, type VendorId } from '../../shared/model/vendor'
import { describeVendorError, retryable } from '../../shared/vendors/errors'
import type { ConnectionRegistry } from '../connections/registry'
import type { ConnectorDefinition, PageRequest, VendorConnector } from '../connectors/connector'
import { ConnectionFailure, GatewayError } from './gateway-errors'
import type { EventBus } from '../host/event-bus'
import { connectionAuth } from './connection-auth'
import { leanPage } from './lean-page'
import type { PacerClock } from '../http/pacer'
import type { SharedBudget } from '../http/shared-budget'
import { VendorError, VendorHttp } from '../http/vendor-http'

interface Live {
  baseUrl: string
  http: VendorHttp
  connector: VendorConnector
  idempotencyKeys: boolean
}

/** Failures that cannot have reached the vendor's handler (connection never made). */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** Could the vendor have applied a write whose answer was this error? */
function mayHaveApplied(e: VendorError): boolean {
  switch (e.kind) {
    case 'network':
      return !NOT_SENT.has(e.code ?? '')
    case 'timeout':
    case 'in-progress':
    case 'malformed':
      return true
    case 'unavailable':
      // 503 is the vendor saying it did not take the request; other 5xx may come after a commit.
      return e.status !== 503
    default:
      return false // 4xx: the vendor answered that it refused the write
  }
}

export interface GatewayOptions {
  clock?: PacerClock
  random?: () => number
  maxAttempts?: number
  timeoutMs?: number
  /** A site's shared budget for a connection's account (undefined: this PC paces on its own). */
  sharedBudget?: (connection: ConnectionInfo) => SharedBudget | undefined
}

/**
 * Main's side of sync: one paced HTTP client and connector per connection,
 * kept for the connection's life so pacing spans calls. Vendor errors leave
 * here as domain errors with plain words (host/ turns them into host-API
 * failures); a refused key pauses the connection.
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

  /** Requests sent to vendors since start, and those sent again with why (for benchmarks and logs). */
  stats(): { requests: number; retries: Record<string, number>; pagesAskedAgain: Record<string, number> } {
    const retries: Record<string, number> = {}
    let requests = 0
    for (const { http } of this.live.values()) {
      requests += http.requestCount
      for (const [kind, n] of Object.entries(http.retries)) retries[kind] = (retries[kind] ?? 0) + n
    }
    return { requests, retries, pagesAskedAgain: { ...this.pagesAskedAgain } }
  }

  /** Pages the sync asked for before (same connection, resource, phase and cursor), by resource. */
  private readonly pagesAskedAgain: Record<string, number> = {}
  private readonly pagesAsked = new Set<string>()

  private notePageAsked(connectionId: string, req: PageRequest): void {
    const key = JSON.stringify([connectionId, req.resource, req.phase, req.cursor, req.since])
    if (this.pagesAsked.has(key))
      this.pagesAskedAgain[req.resource] = (this.pagesAskedAgain[req.resource] ?? 0) + 1
    // Enough for a 100,000-product pass; a day of syncing starts the record again.
    if (this.pagesAsked.size >= 20_000) this.pagesAsked.clear()
    this.pagesAsked.add(key)
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
      throw new GatewayError(
        'no-resource',
        `${vendorNames[connection.vendor]} has no resource "${req.resource}".`
      )
    }
    this.notePageAsked(connectionId, req)
    // A refused resource is that resource's failure, not the connection's: the others still sync.
    const page = await this.guard(connection, () => connector.fetchPage(req), { resource: true })
    return leanPage(page)
  }

  async probe(connectionId: string): Promise<void> {
    const { connector, connection } = await this.open(connectionId)
    await this.guard(connection, () => connector.probe())
  }

  async currentLevel(
    connectionId: string,
    itemVendorId: string,
    locationVendorId: string
  ): Promise<number | null> {
    const { connector, connection } = await this.open(connectionId)
    const read = connector.currentLevel
    if (!read) throw new GatewayError('no-capability', `${connection.label} cannot report current levels.`)
    return this.guard(connection, () => read.call(connector, itemVendorId, locationVendorId))
  }

  /** What changed at a place's items since `since`: the vendor's log, or each item's level where it keeps none. */
  async changesSince(
    connectionId: string,
    locationVendorId: string,
    itemVendorIds: readonly string[],
    since: string,
    own: readonly string[] = []
  ): Promise<ChangesSince> {
    const { connector, connection } = await this.open(connectionId)
    const log = connector.changesSince
    if (log)
      return {
        kind: 'log',
        changes: await this.guard(connection, () =>
          log.call(connector, locationVendorId, new Set(itemVendorIds), since, new Set(own))
        )
      }
    const levels = []
    for (const itemVendorId of itemVendorIds)
      levels.push({
        itemVendorId,
        onHand: await this.currentLevel(connectionId, itemVendorId, locationVendorId)
      })
    return { kind: 'level', levels }
  }

  async taskLine(
    connectionId: string,
    taskVendorId: string,
    lineId: string
  ): Promise<{ made: number; batches: number } | null> {
    const { connector, connection } = await this.open(connectionId)
    const read = connector.taskLine
    if (!read) throw new GatewayError('no-capability', `${connection.label} has no production tasks.`)
    return this.guard(connection, () => read.call(connector, taskVendorId, lineId))
  }

  /**
   * Sends one frozen outbox write exactly as stored, once (the outbox owns
   * retries), with the idempotency key where the vendor honours one. Every
   * failure comes back as a value saying whether the vendor may have applied it.
   */
  async send(connectionId: string, idempotencyKey: string, request: FrozenRequest): Promise<SendOutcome> {
    const { http, connection, idempotencyKeys } = await this.open(connectionId)
    try {
      const res = await http.request(request.method, request.path, {
        ...(request.body !== '' && { body: request.body }),
        headers: idempotencyKeys && !request.noKey ? { 'Idempotency-Key': idempotencyKey } : {},
        retry: false
      })
      if (connection.status !== 'ok') await this.registry.setStatus(connection.id, 'ok')
      return {
        outcome: 'applied',
        status: res.status,
        body: res.json ?? null,
        replayed: res.headers.get('idempotency-replayed') === 'true'
      }
    } catch (err) {
      if (!(err instanceof VendorError)) throw err
      // A 2xx whose body we could not read: the vendor accepted the write.
      if (err.kind === 'malformed' && err.status !== undefined && err.status < 300) {
        return { outcome: 'applied', status: err.status, body: null, replayed: false }
      }
      if (err.kind === 'unauthorized' || err.kind === 'forbidden') {
        await this.registry.setStatus(
          connection.id,
          'paused',
          describeVendorError(err.toInfo(), vendorNames[connection.vendor], connection.label)
        )
      }
      const info = err.toInfo()
      return {
        outcome: 'failed',
        error: { ...info, kind: err.kind },
        applied: mayHaveApplied(err) ? 'maybe' : 'no'
      }
    }
  }

  /**
   * Runs one vendor call for a connection: success marks it ok; a refused key
   * pauses it; a request the vendor refused marks it in error, unless the
   * call reads one resource (`resource`): then the failure is that resource's,
   * and the sync shows it beside the resources that still sync. Vendor errors
   * leave as ConnectionFailure with the words for people.
   */
  private async guard<T>(
    connection: ConnectionInfo,
    run: () => Promise<T>,
    o: { resource?: boolean } = {}
  ): Promise<T> {
    try {
      const value = await run()
      if (connection.status !== 'ok') await this.registry.setStatus(connection.id, 'ok')
      return value
    } catch (err) {
      if (!(err instanceof VendorError)) throw err
      const info = err.toInfo()
      const message = describeVendorError(info, vendorNames[connection.vendor], connection.label)
      if (err.kind === 'unauthorized' || (err.kind === 'forbidden' && !o.resource))
        await this.registry.setStatus(connection.id, 'paused', message)
      else if (!retryable(err.kind) && !o.resource)
        await this.registry.setStatus(connection.id, 'error', message)
      throw new ConnectionFailure(info, message)
    }
  }

  private async open(connectionId: string): Promise<Live & { connection: ConnectionInfo }> {
    const connection = await this.registry.get(connectionId)
    if (!connection) throw new GatewayError('no-connection', 'That connection no longer exists.')
    const definition = this.definitions[connection.vendor]
    if (!definition) {
      throw new GatewayError(
        'unsupported-vendor',
        `Syncing ${vendorNames[connection.vendor]} is not available in this version of Stockroom yet.`
      )
    }
    let live = this.live.get(connectionId)
    if (!live || live.baseUrl !== connection.baseUrl) {
      const http: VendorHttp = new VendorHttp({
        baseUrl: connection.baseUrl,
        ...connectionAuth(definition, connection, this.registry, () => http, this.options.clock),
        limits: connection.requestsPerMinute
          ? [{ requests: connection.requestsPerMinute, perMs: 60_000 }]
          : definition.limits,
        ...(definition.rateLimitHeaders && { rateLimitHeaders: definition.rateLimitHeaders }),
        ...(definition.budget && { budget: definition.budget }),
        ...sharedBudgetOf(this.options, connection),
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
      live = {
        baseUrl: connection.baseUrl,
        http,
        connector: definition.create(http, connection),
        idempotencyKeys: definition.idempotencyKeys
      }
      this.live.set(connectionId, live)
    }
    return { ...live, connection }
  }
}

function sharedBudgetOf(o: GatewayOptions, connection: ConnectionInfo): { sharedBudget?: SharedBudget } {
  const shared = o.sharedBudget?.(connection)
  return shared ? { sharedBudget: shared } : {}
}
