import { hostname } from 'node:os'
import { vendorProfiles } from '../../shared/vendors/profiles'
import type { AppSettings, appSettings } from '../../shared/host-api/app'
import type { ConnectionRegistry } from '../connections/registry'
import type { Journal } from '../journal/journal'
import type { VendorGateway } from '../gateway/gateway'
import type { Platform } from '../platform/ports'
import type { JsonFile } from '../settings/json-file'
import { HostFailure, type Handlers } from './dispatch'
import { ConnectionFailure } from '../gateway/gateway-errors'
import { toHostFailure, viaGateway } from './gateway-failures'
import { retryable } from '../../shared/vendors/errors'
import type { LabelCalls } from '../labels/handlers'
import type { SiteCalls } from '../site/handlers'

export interface HandlerDeps {
  journal: Journal
  version: string
  dataDir: string
  platform: Platform
  connections: ConnectionRegistry
  gateway: VendorGateway
  log: (line: string) => void
  settings: JsonFile<typeof appSettings>
  onSettingsChanged: (s: AppSettings) => void
}

/**
 * One handler per call of the contract (labels and printers aside: src/main/labels/handlers.ts);
 * the dispatcher has already validated each request.
 */
export function createHandlers(d: HandlerDeps): Omit<Handlers, LabelCalls | SiteCalls | 'journal:append'> {
  const need = async (id: string) => {
    const c = await d.connections.get(id)
    if (!c)
      throw new HostFailure('not-found', 'That connection no longer exists. Refresh the Connections screen.')
    return c
  }
  return {
    'app:info': async () => ({
      name: 'Stockroom',
      version: d.version,
      platform: d.platform.kind,
      dataDir: d.dataDir,
      pcName: hostname()
    }),
    'app:ping': async ({ echo }) => ({ echo, at: new Date().toISOString() }),
    'app:getSettings': () => d.settings.read(),
    'app:setSettings': async (patch) => {
      const next = await d.settings.update((s) => ({ ...s, ...patch }))
      if (patch.openAtLogin !== undefined) d.platform.loginItems.set(next.openAtLogin)
      d.onSettingsChanged(next)
      return next
    },
    'app:reportStatus': async (status) => {
      d.platform.status.show(status)
      return {}
    },
    'notices:show': async (notice) => {
      d.platform.notifier.notify(notice)
      return {}
    },
    'notices:click': async ({ id }) => {
      if (!d.platform.notifier.inPage?.click(id))
        throw new HostFailure('not-found', 'That notice is no longer kept. Open the Low stock list instead.')
      return {}
    },
    'notices:list': async () => d.platform.notifier.inPage?.shown() ?? [],
    'app:openExternal': async ({ url }) => {
      await d.platform.external.open(url)
      return {}
    },
    'connections:list': () => d.connections.list(),
    'connections:create': ({ apiKey, login, ...rest }) =>
      // The request schema has checked that exactly the credentials the vendor's profile asks for came.
      d.connections.create(login ? { ...rest, login } : { ...rest, apiKey: apiKey ?? '' }),
    'connections:updateSecret': async (req) => {
      const { id } = req
      const c = await need(id)
      const wantsLogin = vendorProfiles[c.vendor].credentials === 'login'
      if ('login' in req !== wantsLogin)
        throw new HostFailure(
          'invalid-request',
          wantsLogin
            ? `${c.label} connects with an email and password.`
            : `${c.label} connects with an API key.`
        )
      const updated =
        'login' in req
          ? await d.connections.setLogin(id, req.login)
          : await d.connections.setSecret(id, req.apiKey)
      d.gateway.forget(id)
      if (!updated) throw new HostFailure('not-found', 'That connection no longer exists.')
      return updated
    },
    'connections:remove': async ({ id }) => {
      await need(id)
      await d.connections.remove(id)
      d.gateway.forget(id)
      return {}
    },
    'connections:test': async ({ id }) => {
      const c = await need(id)
      try {
        await viaGateway(() => d.gateway.probe(id))
        return { ok: true, message: `Connected to ${c.label}.` }
      } catch (err) {
        // The vendor answered and took the key, but its request limit is spent (e.g. right after a long
        // sync): the connection works, and Test says so instead of "failed".
        if (err instanceof HostFailure && err.origin?.kind === 'rate-limited')
          return {
            ok: true,
            message: `Connected to ${c.label}; its request limit is spent for now — ${err.message}`
          }
        if (err instanceof HostFailure) return { ok: false, message: err.message }
        throw err
      }
    },
    'sync:plan': async ({ connectionId }) => ({
      resources: await viaGateway(() => d.gateway.plan(connectionId))
    }),
    'sync:fetchPage': ({ connectionId, ...page }) =>
      viaGateway(() =>
        d.gateway.fetchPage(connectionId, {
          resource: page.resource,
          phase: page.phase,
          cursor: page.cursor,
          ...(page.since && { since: page.since })
        })
      ),
    'outbox:send': ({ connectionId, idempotencyKey, request }) =>
      viaGateway(() => d.gateway.send(connectionId, idempotencyKey, request)),
    'outbox:probe': async ({ connectionId }) => {
      // Reachable means the vendor answered at all: a 404 or 403 on the probe's endpoint is an
      // answer, so a vendor that does not serve one resource never holds the outbox back.
      try {
        await d.gateway.probe(connectionId)
        return { reachable: true, message: 'reachable' }
      } catch (err) {
        if (err instanceof ConnectionFailure) {
          const answered = !retryable(err.info.kind) && err.info.kind !== 'unauthorized'
          return { reachable: answered, message: answered ? 'reachable' : err.message }
        }
        const failure = toHostFailure(err)
        if (failure instanceof HostFailure) return { reachable: false, message: failure.message }
        throw err
      }
    },
    'outbox:currentLevel': async ({ connectionId, itemVendorId, locationVendorId }) => ({
      onHand: await viaGateway(() => d.gateway.currentLevel(connectionId, itemVendorId, locationVendorId))
    }),
    'outbox:changesSince': ({ connectionId, locationVendorId, itemVendorIds, since, own }) =>
      viaGateway(() => d.gateway.changesSince(connectionId, locationVendorId, itemVendorIds, since, own)),
    'outbox:taskLine': ({ connectionId, taskVendorId, lineId }) =>
      viaGateway(() => d.gateway.taskLine(connectionId, taskVendorId, lineId)),
    'journal:snapshot': async () => d.journal.snapshot(),
    'sync:reportResult': async ({ connectionId, ok, message, whole }) => {
      const c = await need(connectionId)
      d.log(`sync ${c.label}: ${ok ? 'complete' : `failed — ${message ?? 'unknown error'}`}`)
      // Every kind of data failed: the connection is in error until a page is read again.
      if (!ok && whole) await d.connections.setStatus(connectionId, 'error', message)
      return {}
    }
  }
}
