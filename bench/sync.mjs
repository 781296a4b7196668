// npm run bench:sync — a 100,000-product full sync from the Frostbyte fake into real IndexedDB in
// headless Chromium (persistent, on-disk profile, as on a desktop), through the web host.
// Prints and writes bench/results/sync.json.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  createConnection,
  peakRssMb,
  requireBuilt,
  ROOT,
  startProcess,
  stop,
  tempDir
} from './lib.mjs'

const SIZE = Number(process.env.BENCH_SIZE ?? 100_000)
const PAGE_SIZE = 200
// The documented 120 requests/min would make this a 12-minute wait on the vendor, not a measure of
// Stockroom: fake and connection are both set to a raised limit, as for an account on such a plan.
const RPM = 1_000_000

requireBuilt()
const fake = startProcess(
  'out/main/fake-vendor.js',
  ['--size', String(SIZE), '--seed', '11', '--requests-per-minute', String(RPM)],
  /Fake frostbyte: (\S+) key=(\S+)/
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
await createConnection(hostUrl, {
  vendor: 'frostbyte',
  label: 'Bench',
  baseUrl: vendorUrl,
  apiKey,
  requestsPerMinute: RPM
})

let pageHeapPeak = 0
// Only the small checkpoints store is read while the sync runs, once a second (counting big stores,
// or polling often, would compete with the writes being measured); records are counted at the end.
const progress = (withCounts) =>
  page.evaluate(
    (withCounts) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('stockroom')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const stores = withCounts ? ['checkpoints', 'items', 'stock', 'lots', 'locations'] : ['checkpoints']
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
    withCounts
  )
let state
for (;;) {
  state = await progress(false)
  pageHeapPeak = Math.max(pageHeapPeak, state.heap)
  if (state.checkpoints.length === 4 && state.checkpoints.every((c) => c.done && !c.running)) break
  if (performance.now() - started > 20 * 60_000) throw new Error('sync did not finish in 20 minutes')
  await new Promise((r) => setTimeout(r, 1000))
}
const seconds = (performance.now() - started) / 1000
state = await progress(true)
const records = state.items + state.stock + state.lots + state.locations
const hostPeakRssMb = peakRssMb(host.child.pid)

// Baseline: the same records, written by a bare Dexie bulkPut loop (pages of 200, one transaction
// each) into a fresh database with the same schema, in the same browser profile.
await page.addScriptTag({ path: join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.js') })
const bulkPut = await page.evaluate(async (pageSize) => {
  const source = new window.Dexie('stockroom')
  await source.open()
  const tables = ['locations', 'items', 'lots', 'stock']
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
}, PAGE_SIZE)

await context.close()
await stop(host.child)
await stop(fake.child)
const stats = JSON.parse(
  fake.output.find((l) => l.startsWith('Fake frostbyte stats: ')).slice('Fake frostbyte stats: '.length)
)
const listPaths = ['/warehouses', '/products', '/batches', '/stock-on-hand']
const requests = listPaths.reduce((n, p) => n + (stats.requests[p] ?? 0), 0)
const minRequests = listPaths.reduce((n, p) => n + Math.max(1, Math.ceil(stats.counts[p] / PAGE_SIZE)), 0)

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
  products: SIZE,
  seconds: Math.round(seconds * 10) / 10
}
writeFileSync(join(ROOT, 'bench', 'results', 'sync.json'), JSON.stringify(result, null, 2) + '\n')
console.log(
  `Full sync of ${SIZE.toLocaleString()} products (${records.toLocaleString()} records) from the Frostbyte fake into IndexedDB (Chromium, on-disk profile):`
)
console.log(`  end to end          ${recordsPerSec.toLocaleString()} records/s  (${result.seconds} s)`)
console.log(`  bare Dexie bulkPut  ${bulkPutRecordsPerSec.toLocaleString()} records/s`)
console.log(`  ratio               ${result.ratio}  (goal ≥ 0.8)`)
console.log(
  `  requests            ${requests} (minimum ${minRequests}): ${listPaths.map((p) => `${p} ${stats.requests[p] ?? 0}/${Math.max(1, Math.ceil(stats.counts[p] / PAGE_SIZE))}`).join(', ')}`
)
console.log(`  host peak RSS       ${hostPeakRssMb} MB`)
console.log(`  page JS heap peak   ${result.pageHeapMb} MB`)
process.exit(0)
