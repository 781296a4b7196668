import { startFrostbyteFake, FROSTBYTE_DEMO_KEY } from '../fakes/frostbyte/server'
import type { ConnectionRegistry } from '../connections/registry'

export const DEMO_SIZE = 3_000
export const DEMO_SEED = 2026

export interface DemoHandle {
  close(): Promise<void>
}

/**
 * The demo connection: on a first start with no connections, Stockroom starts
 * its built-in Frostbyte Pro fake on 127.0.0.1 and connects to it, so a new
 * user sees real data syncing with no account. The fake's data is generated
 * from a fixed seed at each start (writes made to the demo do not survive a
 * restart); on later starts it is started again on a new port for as long as
 * a demo connection exists.
 */
export async function startDemo(
  connections: ConnectionRegistry,
  log: (line: string) => void,
  size = DEMO_SIZE
): Promise<DemoHandle | undefined> {
  const all = await connections.list()
  const demos = all.filter((c) => c.demo)
  if (all.length > 0 && demos.length === 0) return undefined

  const fake = await startFrostbyteFake({ seed: DEMO_SEED, size })
  if (demos.length === 0) {
    await connections.create({
      vendor: 'frostbyte',
      label: 'Demo — Frostbyte Pro',
      baseUrl: fake.url,
      apiKey: FROSTBYTE_DEMO_KEY,
      demo: true
    })
    log(`demo: Frostbyte Pro demo with ${size.toLocaleString()} products at ${fake.url}`)
  } else {
    for (const c of demos)
      if (c.vendor === 'frostbyte' && c.baseUrl !== fake.url)
        await connections.update(c.id, { baseUrl: fake.url })
  }
  return { close: () => fake.close() }
}
