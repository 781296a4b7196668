import { parseArgs } from 'node:util'
import { vendorId } from '../../shared/model/vendor'
import { fakeDefinitions, startFake } from '../fakes/registry'

/**
 * `node out/main/fake-vendor.js --vendor <vendor> --size 100000`: one of the
 * fake vendor servers on its own, for benchmarks and for trying a connection
 * by hand. Prints its base URL and credentials. SIGUSR1 cuts it off
 * (connections refused), SIGUSR2 brings it back on the same port.
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
  const vendor = vendorId.safeParse(values.vendor)
  if (!vendor.success || !fakeDefinitions[vendor.data])
    throw new Error(`unknown vendor ${values.vendor} (${Object.keys(fakeDefinitions).join(', ')})`)
  const rpm = values['requests-per-minute'] ? Number(values['requests-per-minute']) : undefined
  const started = await startFake(vendor.data, {
    seed: Number(values.seed),
    size: Number(values.size),
    ...(rpm && { requestsPerMinute: rpm })
  })
  const fake = started.server
  const name = vendor.data
  const credentials = Object.entries(started.credentials)
    .map(([k, v]) => `${k === 'apiKey' ? 'key' : k}=${v}`)
    .join(' ')
  console.log(`Fake ${name}: ${fake.url} ${credentials}`)
  // What was asked of it and what it holds, for a benchmark to compare with the minimum (SIGHUP, and on exit).
  const report = () => {
    const requests: Record<string, number> = {}
    for (const r of fake.requests) if (r.method === 'GET') requests[r.path] = (requests[r.path] ?? 0) + 1
    console.log(`Fake ${name} stats: ${JSON.stringify({ requests, counts: started.counts() })}`)
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
  process.on('SIGUSR1', () => void fake.stop().then(() => console.log(`Fake ${name}: stopped`)))
  process.on('SIGUSR2', () => void fake.start().then(() => console.log(`Fake ${name}: started`)))
}

main().catch((err: unknown) => {
  console.error(`Fake vendor failed to start: ${(err as Error).message}`)
  process.exit(1)
})
