import type { ConnectionRegistry } from '../connections/registry'
import type { VendorId } from '../../shared/model/vendor'
import { vendorProfiles } from '../../shared/vendors/profiles'
import { DEFAULT_LABEL_SIZE } from '../../shared/labels/label'
import type { PrinterStore } from '../labels/printers'

export const DEMO_PRINTER = 'Demo label printer'

export const DEMO_SIZE = 3_000
export const DEMO_SEED = 2026
/** The Inventora demo is small: it is there for its production tasks. */
export const INVENTORA_DEMO_SIZE = 200

export interface DemoHandle {
  close(): Promise<void>
}

/** The demo connections a first start makes, in the order the Connections screen lists them. */
const demoVendors = (size: number): { vendor: VendorId; size: number }[] => [
  { vendor: 'frostbyte', size },
  { vendor: 'inventora', size: INVENTORA_DEMO_SIZE }
]

/**
 * The demo connections: on a first start with no connections, Stockroom starts
 * its built-in Frostbyte Pro fake (a warehouse: 3,000 products, three
 * warehouses with bins, lots) and Inventora fake (a workshop: products,
 * materials and production tasks) on 127.0.0.1 and connects to them, so a new
 * user sees real data syncing with no account. The fakes' data is generated
 * from a fixed seed at each start (writes made to a demo do not survive a
 * restart); on later starts they are started again on new ports for as long as
 * a demo connection of that vendor exists.
 */
export async function startDemo(
  connections: ConnectionRegistry,
  log: (line: string) => void,
  size = DEMO_SIZE,
  printers?: PrinterStore
): Promise<DemoHandle | undefined> {
  const all = await connections.list()
  const demos = all.filter((c) => c.demo)
  if (all.length > 0 && demos.length === 0) return undefined
  const first = all.length === 0

  // The fakes are loaded only when a demo runs: a PC with real connections never loads them.
  const { startFake } = await import('../fakes/registry')
  const fakes: { close(): Promise<void> }[] = []
  try {
    for (const demo of demoVendors(size)) {
      if (!first && !demos.some((c) => c.vendor === demo.vendor)) continue
      const fake = await startFake(demo.vendor, { seed: DEMO_SEED, size: demo.size })
      fakes.push(fake.server)
      const url = fake.server.url
      if (first && 'apiKey' in fake.credentials) {
        const label = `Demo — ${vendorProfiles[demo.vendor].name}`
        await connections.create({
          vendor: demo.vendor,
          label,
          baseUrl: url,
          apiKey: fake.credentials.apiKey,
          demo: true
        })
        log(`demo: ${label} with ${fake.summary()} at ${url}`)
      } else {
        for (const c of demos)
          if (c.vendor === demo.vendor && c.baseUrl !== url) await connections.update(c.id, { baseUrl: url })
      }
    }
    if (printers) fakes.push(await startDemoPrinter(printers, first, log))
  } catch (err) {
    await Promise.all(fakes.map((f) => f.close()))
    throw err
  }
  return { close: async () => void (await Promise.all(fakes.map((f) => f.close()))) }
}

/**
 * The demo's label printer: the fakes toolkit's printer on 127.0.0.1, set up on a
 * first start as "Demo label printer" and moved to its new port on later starts
 * for as long as it is set up. What it takes is logged.
 */
async function startDemoPrinter(
  printers: PrinterStore,
  first: boolean,
  log: (line: string) => void
): Promise<{ close(): Promise<void> }> {
  const existing = (await printers.list()).find((p) => p.name === DEMO_PRINTER && p.host === '127.0.0.1')
  if (!first && !existing) return { close: async () => undefined }
  const { startFakePrinter } = await import('../fakes/printer/server')
  const fake = await startFakePrinter({
    onJob: (job) => log(`demo printer: took ${job.labels.length} label(s), ${job.bytes} bytes`)
  })
  await printers.save({
    ...(existing ?? { name: DEMO_PRINTER, size: DEFAULT_LABEL_SIZE }),
    host: fake.host,
    port: fake.port
  })
  log(`demo: ${DEMO_PRINTER} at ${fake.host}:${fake.port}`)
  return fake
}
