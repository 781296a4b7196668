// npm run bench:sync — a 100,000-record full sync from a vendor's fake (Frostbyte unless
// `--vendor <id>` is given, e.g. `node bench/sync.mjs --vendor forgemrp`) into real IndexedDB in
// headless Chromium (persistent, on-disk profile, as on a desktop), through the web host.
// Prints and writes bench/results/sync.json (sync-<vendor>.json for another vendor).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  createConnection,
  hostCall,
  peakRssMb,
  requireBuilt,
  ROOT,
  startProcess,
  stop,
  tempDir
} from './lib.mjs'

const { values: args } = parseArgs({ options: { vendor: { type: 'string' } } })
const VENDOR = args.vendor ?? 'frostbyte'
const SIZE = Number(process.env.BENCH_SIZE ?? 100_000)
// Pages of the baseline's bulkPut loop (the largest page any vendor sends).
const PAGE_SIZE = 200
// Frostbyte's documented 120 requests/min would make this a 12-minute wait on the vendor, not a
// measure of Stockroom: fake and connection are both set to a raised limit, as for an account on
// such a plan (ForgeMRP publishes no limit; its fake's is raised the same way).
const RPM = 1_000_000

requireBuilt()
const fake = startProcess(
  'out/main/fake-vendor.js',
  ['--vendor', VENDOR, '--size', String(SIZE), '--seed', '11', '--requests-per-minute', String(RPM)],
  /Fake \w+: (\S+) key=(\S+)/
)
const [, vendorUrl, apiKey] = await fake.match
const dataDir = await tempDir('stockroom-bench-data-')
const host = startProcess(
  'out/main/web-host.js',
  ['--port', '0', '--data-dir', dataDir, '--key-dir', await tempDir('stockroom-bench-keys-'), '--no-demo'],
  /Stockroom web host: (\S+)/
)
const [, hostUrl] = await host.match

const context = await chromium.launchPersistentContext(await tempDir('stockroom-bench-profile-'), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
  bypassCSP: true // only so the bare-Dexie baseline below can be injected into the same page
})
const page = context.pages()[0] ?? (await context.newPage())
await page.goto(hostUrl)
await page.waitForSelector('body[data-ready="true"]')

const started = performance.now()
const connection = await createConnection(hostUrl, {
  vendor: VENDOR,
  label: 'Bench',
  baseUrl: vendorUrl,
  apiKey,
  requestsPerMinute: RPM
})
const { resources } = await hostCall(hostUrl, 'sync:plan', { connectionId: connection.id })
const TABLES = ['items', 'stock', 'lots', 'locations', 'tasks', 'orders']

let pageHeapPeak = 0
// Only the small checkpoints store is read while the sync runs, once a second (counting big stores,
// or polling often, would compete with the writes being measured); records are counted at the end.
const progress = (withCounts) =>
  page.evaluate(
    ({ withCounts, tables }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('stockroom')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const stores = withCounts ? ['checkpoints', ...tables] : ['checkpoints']
          const tx = db.transaction(stores, 'readonly')
          const out = { heap: performance.memory?.usedJSHeapSize ?? 0 }
          const cps = tx.objectStore('checkpoints').getAll()
          cps.onsuccess = () =>
            (out.checkpoints = cps.result.map((c) => ({
              resource: c.resource,
              running: c.running,
              done: !!c.completedAt
            })))
          for (const s of stores.slice(1)) {
            const c = tx.objectStore(s).count()
            c.onsuccess = () => (out[s] = c.result)
          }
          tx.oncomplete = () => {
            db.close()
            resolve(out)
          }
        }
      }),
    { withCounts, tables: TABLES }
  )
let state
for (;;) {
  state = await progress(false)
  pageHeapPeak = Math.max(pageHeapPeak, state.heap)
  if (state.checkpoints.length === resources.length && state.checkpoints.every((c) => c.done && !c.running))
    break
  if (performance.now() - started > 20 * 60_000) throw new Error('sync did not finish in 20 minutes')
  await new Promise((r) => setTimeout(r, 1000))
}
const seconds = (performance.now() - started) / 1000
state = await progress(true)
const records = TABLES.reduce((n, t) => n + state[t], 0)
const hostPeakRssMb = peakRssMb(host.child.pid)

// Baseline: the same records, written by a bare Dexie bulkPut loop (pages of 200, one transaction
// each) into a fresh database with the same schema, in the same browser profile.
await page.addScriptTag({ path: join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.js') })
const bulkPut = await page.evaluate(
  async ({ pageSize, tables }) => {
    const source = new window.Dexie('stockroom')
    await source.open()
    const rows = {}
    for (const t of tables) rows[t] = await source.table(t).toArray()
    // The same tables with the same indexes as the app's replica, read from the live database.
    const stores = {}
    for (const t of tables) {
      const schema = source.table(t).schema
      stores[t] = [schema.primKey.src, ...schema.indexes.map((i) => i.src)].join(', ')
    }
    const target = new window.Dexie('bench-bulkput')
    target.version(1).stores(stores)
    await target.open()
    const t0 = performance.now()
    let n = 0
    for (const t of tables) {
      for (let i = 0; i < rows[t].length; i += pageSize) {
        const chunk = rows[t].slice(i, i + pageSize)
        await target.table(t).bulkPut(chunk)
        n += chunk.length
      }
    }
    const ms = performance.now() - t0
    target.close()
    source.close()
    return { records: n, ms }
  },
  { pageSize: PAGE_SIZE, tables: TABLES }
)

await context.close()
await stop(host.child)
await stop(fake.child)
const statsLine = `Fake ${VENDOR} stats: `
const stats = JSON.parse(fake.output.find((l) => l.startsWith(statsLine)).slice(statsLine.length))
// Each resource is listed at /<resource>; a full pass needs ceil(records / its page size) requests.
const perResource = resources.map((r) => ({
  path: `/${r.resource}`,
  sent: stats.requests[`/${r.resource}`] ?? 0,
  minimum: Math.max(1, Math.ceil((stats.counts[`/${r.resource}`] ?? 0) / r.pageSize))
}))
const requests = perResource.reduce((n, r) => n + r.sent, 0)
const minRequests = perResource.reduce((n, r) => n + r.minimum, 0)

const recordsPerSec = Math.round(records / seconds)
const bulkPutRecordsPerSec = Math.round(bulkPut.records / (bulkPut.ms / 1000))
const result = {
  records,
  recordsPerSec,
  bulkPutRecordsPerSec,
  ratio: Math.round((recordsPerSec / bulkPutRecordsPerSec) * 100) / 100,
  requests,
  minRequests,
  hostPeakRssMb,
  pageHeapMb: Math.round(pageHeapPeak / 1024 / 1024),
  vendor: VENDOR,
  size: SIZE,
  seconds: Math.round(seconds * 10) / 10
}
const file = args.vendor ? `sync-${args.vendor}.json` : 'sync.json'
writeFileSync(join(ROOT, 'bench', 'results', file), JSON.stringify(result, null, 2) + '\n')
console.log(
  `Full sync of ${SIZE.toLocaleString()} ${VENDOR} catalogue records (${records.toLocaleString()} replica records) from its fake into IndexedDB (Chromium, on-disk profile):`
)
console.log(`  end to end          ${recordsPerSec.toLocaleString()} records/s  (${result.seconds} s)`)
console.log(`  bare Dexie bulkPut  ${bulkPutRecordsPerSec.toLocaleString()} records/s`)
console.log(`  ratio               ${result.ratio}  (goal ≥ 0.8)`)
console.log(
  `  requests            ${requests} (minimum ${minRequests}): ${perResource.map((r) => `${r.path} ${r.sent}/${r.minimum}`).join(', ')}`
)
console.log(`  host peak RSS       ${hostPeakRssMb} MB`)
console.log(`  page JS heap peak   ${result.pageHeapMb} MB`)
process.exit(0)
