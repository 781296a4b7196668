import { parseArgs } from 'node:util'
import { vendorId } from '../../shared/model/vendor'
import { matchers } from '../fakes/common/faults'
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
      'requests-per-minute': { type: 'string' },
      // Every n-th write is applied and its answer dropped (chaos runs).
      'drop-writes-every': { type: 'string' },
      // The vendor's rate window in seconds, where it has one (Figgro: 3,600), shrunk for a test.
      'window-seconds': { type: 'string' },
      // Every record of this list (its path, e.g. /purchase-orders) is sent without its id.
      'without-ids': { type: 'string' }
    }
  })
  const vendor = vendorId.safeParse(values.vendor)
  if (!vendor.success)
    throw new Error(`unknown vendor ${values.vendor} (${Object.keys(fakeDefinitions).join(', ')})`)
  const rpm = values['requests-per-minute'] ? Number(values['requests-per-minute']) : undefined
  const windowSeconds = values['window-seconds'] ? Number(values['window-seconds']) : undefined
  const started = await startFake(vendor.data, {
    seed: Number(values.seed),
    size: Number(values.size),
    ...(rpm && { requestsPerMinute: rpm }),
    ...(windowSeconds && { windowMs: windowSeconds * 1000 })
  })
  const fake = started.server
  const dropEvery = Number(values['drop-writes-every'] ?? 0)
  if (dropEvery > 0) fake.faults.add({ kind: 'drop-after-commit', every: dropEvery, match: matchers.isWrite })
  const withoutIds = values['without-ids']
  if (withoutIds)
    fake.faults.add({
      kind: 'reshape',
      match: (req) => matchers.isRead(req) && req.path === withoutIds,
      rewrite: ({ id: _id, ...rest }) => rest
    })
  const name = vendor.data
  const credentials = Object.entries(started.credentials)
    .map(([k, v]) => `${k === 'apiKey' ? 'key' : k}=${v}`)
    .join(' ')
  // What was asked of it and what it holds, for a benchmark to compare with the minimum (SIGHUP, and on exit).
  const report = () => {
    const requests: Record<string, number> = {}
    const statuses: Record<string, number> = {}
    const answered = new Map<string, number>()
    for (const r of fake.requests) {
      if (r.method === 'GET') requests[r.path] = (requests[r.path] ?? 0) + 1
      statuses[r.status] = (statuses[r.status] ?? 0) + 1
      const asked = `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`
      if (r.status === 200) answered.set(asked, (answered.get(asked) ?? 0) + 1)
    }
    // Reads answered more than once (the same page fetched twice), and when the first and last came.
    const repeated = [...answered.values()].filter((n) => n > 1).length
    const first = fake.requests[0]
    const span = first
      ? {
          firstAt: first.at,
          lastAt: fake.requests[fake.requests.length - 1]!.at,
          // Arrival of each request, ms after the first: what a budget benchmark measures.
          ...(fake.requests.length <= 20_000 && {
            arrivalsMs: fake.requests.map((r) => Date.parse(r.at) - Date.parse(first.at))
          })
        }
      : {}
    console.log(
      `Fake ${name} stats: ${JSON.stringify({ requests, statuses, repeated, ...span, counts: started.counts(), ledger: fake.ledger })}`
    )
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
  // The ready lines come last: whoever reads them may signal at once. The headers come before the
  // address, so a caller that waits for the address has the headers already.
  if (started.authHeaders) console.log(`Fake ${name} headers: ${JSON.stringify(started.authHeaders)}`)
  console.log(`Fake ${name}: ${fake.url} ${credentials}`)
}

main().catch((err: unknown) => {
  console.error(`Fake vendor failed to start: ${(err as Error).message}`)
  process.exit(1)
})
