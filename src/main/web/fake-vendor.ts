import { parseArgs } from 'node:util'
import type { FakeServer } from '../fakes/common/types'
import { startFrostbyteFake, FROSTBYTE_DEMO_KEY } from '../fakes/frostbyte/server'
import { startInventoraFake, INVENTORA_DEMO_KEY } from '../fakes/inventora/server'

/**
 * `node out/main/fake-vendor.js --vendor frostbyte|inventora --size 100000`: one of the
 * fake vendor servers on its own, for benchmarks and for trying a connection
 * by hand. Prints its base URL and API key. SIGUSR1 cuts it off (connections
 * refused), SIGUSR2 brings it back on the same port.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      vendor: { type: 'string', default: 'frostbyte' },
      size: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      'requests-per-minute': { type: 'string' }
    }
  })
  const size = Number(values.size)
  const seed = Number(values.seed)
  const rpm = values['requests-per-minute'] ? Number(values['requests-per-minute']) : undefined
  const vendor = values.vendor
  let fake: FakeServer<unknown>
  let key: string
  let counts: () => Record<string, number>
  if (vendor === 'frostbyte') {
    const fb = await startFrostbyteFake({
      seed,
      size,
      ...(rpm && { perKeyPerMinute: rpm, perOrgPerMinute: rpm })
    })
    const d = fb.data
    ;[fake, key] = [fb, FROSTBYTE_DEMO_KEY]
    counts = () => ({
      '/warehouses': d.warehouses.length,
      '/products': d.products.size,
      '/batches': d.batches.size,
      '/stock-on-hand': d.stockRows.all().filter((r) => d.products.get(r.productId)?.isActive).length
    })
  } else if (vendor === 'inventora') {
    // Inventora documents no rate limit (U1); --requests-per-minute does not apply.
    const inv = await startInventoraFake({ seed, size })
    const d = inv.data
    ;[fake, key] = [inv, INVENTORA_DEMO_KEY]
    counts = () => ({
      '/locations': d.locations.length,
      '/products': d.products.size,
      '/materials': d.materials.size,
      '/tasks': [...d.tasks.values()].filter((t) => !t.deleted).length
    })
  } else throw new Error(`unknown vendor ${vendor} (frostbyte or inventora)`)
  console.log(`Fake ${vendor}: ${fake.url} key=${key}`)
  // What was asked of it and what it holds, for a benchmark to compare with the minimum (SIGHUP, and on exit).
  const report = () => {
    const requests: Record<string, number> = {}
    for (const r of fake.requests) if (r.method === 'GET') requests[r.path] = (requests[r.path] ?? 0) + 1
    console.log(`Fake ${vendor} stats: ${JSON.stringify({ requests, counts: counts() })}`)
  }
  const stop = () => {
    report()
    void fake.close().then(() => process.exit(0))
  }
  process.on('SIGHUP', report)
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // While cut off nothing else keeps the process alive.
  const alive = setInterval(() => {}, 60_000)
  process.on('exit', () => clearInterval(alive))
  // Cut the vendor off (connections refused) and bring it back on the same port, data kept.
  process.on('SIGUSR1', () => void fake.stop().then(() => console.log(`Fake ${vendor}: stopped`)))
  process.on('SIGUSR2', () => void fake.start().then(() => console.log(`Fake ${vendor}: started`)))
}

main().catch((err: unknown) => {
  console.error(`Fake vendor failed to start: ${(err as Error).message}`)
  process.exit(1)
})
