import { hostname } from 'node:os'
import { join } from 'node:path'
import { appSettings } from '../shared/host-api/app'
import { ConnectionRegistry } from './connections/registry'
import { startDemo } from './demo/demo'
import { connectorDefinitions } from './connectors/definitions'
import { VendorGateway, type GatewayOptions } from './gateway/gateway'
import { createDispatcher, type Dispatch } from './host/dispatch'
import { EventBus } from './host/event-bus'
import { createHandlers } from './host/handlers'
import type { Platform } from './platform/ports'
import { JsonFile } from './settings/json-file'
import { Journal } from './journal/journal'
import { createLabelHandlers } from './labels/handlers'
import { PrinterStore } from './labels/printers'
import { createSiteHandlers } from './site/handlers'
import { siteBudget } from './site/budget-bucket'
import { connectPgSite } from './site/pg-site-db'
import type { SiteDbFactory } from './site/port'
import { SiteService } from './site/site-service'

export interface MainServicesOptions {
  dataDir: string
  platform: Platform
  version: string
  log: (line: string) => void
  /** Test seams: a fast clock, fewer attempts. */
  gateway?: GatewayOptions
  /** Start the demo connection on a first start (and keep it running while it exists). */
  demo?: boolean
  /** How long a label printer may take to take a job (default 10 s). */
  printTimeoutMs?: number
  /** The name other PCs at the site see for this one (default: the host name). */
  pcName?: string
  /** The site database's adapter (default: PostgreSQL) and how soon to try it again when unreachable. */
  site?: { factory?: SiteDbFactory; retryMs?: number }
}

export interface MainServices {
  dispatch: Dispatch
  events: EventBus
  connections: ConnectionRegistry
  gateway: VendorGateway
  settings: JsonFile<typeof appSettings>
  /** The optional site database that PCs at one site share. */
  site: SiteService
  requestSync(reason: 'tray' | 'schedule' | 'reconnect' | 'startup'): void
  dispose(): Promise<void>
}

/**
 * The main-side services, composed once and shared by the desktop app and the
 * web host: the only difference between the two is the Platform passed in.
 */
export async function createMainServices(o: MainServicesOptions): Promise<MainServices> {
  const events = new EventBus()
  const connections = new ConnectionRegistry(o.dataDir, o.platform.secrets)
  const settings = new JsonFile(join(o.dataDir, 'settings.json'), appSettings, () => ({
    openAtLogin: false,
    theme: 'auto' as const
  }))
  connections.onChange((all) => events.emit('connections:changed', { connections: all }))
  const journal = await Journal.open(o.dataDir, o.log)
  const site = new SiteService({
    dataDir: o.dataDir,
    secrets: o.platform.secrets,
    connections,
    journal,
    pcName: o.pcName ?? hostname(),
    factory: o.site?.factory ?? connectPgSite,
    emit: (status) => events.emit('site:changed', status),
    log: o.log,
    ...(o.site?.retryMs !== undefined && { retryMs: o.site.retryMs })
  })
  await site.start()
  // Where a site database is set, every PC takes its requests to an account from one shared bucket.
  const gateway = new VendorGateway(connections, events, connectorDefinitions, {
    ...o.gateway,
    sharedBudget: (c) =>
      siteBudget(
        site,
        c,
        async () => (await connections.apiKey(c.id)) ?? (await connections.login(c.id))?.email ?? null
      )
  })
  const unsubscribeOnline = o.platform.online.subscribe((online) => events.emit('app:online', { online }))
  const { notifier } = o.platform
  const unsubscribeNotices = [
    notifier.onClick((target) => events.emit('notices:clicked', { ...(target && { target }) })),
    notifier.inPage?.onShown((shown) => events.emit('notices:shown', shown))
  ]

  const printers = new PrinterStore(o.dataDir)
  const coreHandlers = createHandlers({
    journal,
    version: o.version,
    dataDir: o.dataDir,
    platform: o.platform,
    connections,
    gateway,
    log: o.log,
    settings,
    onSettingsChanged: (s) => events.emit('app:settingsChanged', s)
  })
  const handlers = {
    ...coreHandlers,
    ...createLabelHandlers({
      dataDir: o.dataDir,
      printers,
      openFile: (path) => o.platform.external.openFile(path),
      log: o.log,
      ...(o.printTimeoutMs !== undefined && { printTimeoutMs: o.printTimeoutMs })
    }),
    ...createSiteHandlers(site, connections, journal, o.log)
  }

  const demo = o.demo ? await startDemo(connections, o.log, undefined, printers) : undefined

  return {
    dispatch: createDispatcher(handlers, o.log),
    events,
    connections,
    gateway,
    settings,
    site,
    requestSync: (reason) => events.emit('sync:requested', { reason }),
    async dispose() {
      unsubscribeOnline()
      for (const off of unsubscribeNotices) off?.()
      await demo?.close()
      await site.dispose()
    }
  }
}
