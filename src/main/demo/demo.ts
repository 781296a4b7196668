import { startFrostbyteFake, FROSTBYTE_DEMO_KEY } from '../fakes/frostbyte/server'
import { startInventoraFake, INVENTORA_DEMO_KEY } from '../fakes/inventora/server'
import type { ConnectionRegistry } from '../connections/registry'
import type { VendorId } from '../../shared/model/vendor'

export const DEMO_SIZE = 3_000
export const DEMO_SEED = 2026
/** The Inventora demo is small: it is there for its production tasks. */
export const INVENTORA_DEMO_SIZE = 200

export interface DemoHandle {
  close(): Promise<void>
}

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
  size = DEMO_SIZE
): Promise<DemoHandle | undefined> {
  const all = await connections.list()
  const demos = all.filter((c) => c.demo)
  if (all.length > 0 && demos.length === 0) return undefined
  const first = all.length === 0

  const fakes: { close(): Promise<void> }[] = []
  const connect = async (vendor: VendorId, label: string, url: string, apiKey: string, what: string) => {
    if (first) {
      await connections.create({ vendor, label, baseUrl: url, apiKey, demo: true })
      log(`demo: ${label} with ${what} at ${url}`)
    } else {
      for (const c of demos)
        if (c.vendor === vendor && c.baseUrl !== url) await connections.update(c.id, { baseUrl: url })
    }
  }
  try {
    if (first || demos.some((c) => c.vendor === 'frostbyte')) {
      const fb = await startFrostbyteFake({ seed: DEMO_SEED, size })
      fakes.push(fb)
      await connect(
        'frostbyte',
        'Demo — Frostbyte Pro',
        fb.url,
        FROSTBYTE_DEMO_KEY,
        `${size.toLocaleString()} products`
      )
    }
    if (first || demos.some((c) => c.vendor === 'inventora')) {
      const inv = await startInventoraFake({ seed: DEMO_SEED, size: INVENTORA_DEMO_SIZE })
      fakes.push(inv)
      await connect(
        'inventora',
        'Demo — Inventora',
        inv.url,
        INVENTORA_DEMO_KEY,
        `${inv.data.tasks.size} production tasks`
      )
    }
  } catch (err) {
    await Promise.all(fakes.map((f) => f.close()))
    throw err
  }
  return { close: async () => void (await Promise.all(fakes.map((f) => f.close()))) }
}
