// npm run bench:sync — a 100,000-record full sync from a vendor's fake (Frostbyte unless
// `--vendor <id>` is given, e.g. `node bench/sync.mjs --vendor forgemrp`) into real IndexedDB in
// headless Chromium (persistent, on-disk profile, as on a desktop), through the web host.
// Then the same again beside BENCH_CPU_LOAD (default 2) busy processes. Prints and writes
// bench/results/sync.json (sync-<vendor>.json for another vendor); BENCH_SIZE sets the size.
import { spawn } from 'node:child_process'
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
// A second run beside this many busy processes (0: none): a slow answer must still be waited for.
const LOAD = Number(process.env.BENCH_CPU_LOAD ?? 2)
// Pages of the baseline's bulkPut loop (the largest page any vendor sends).
const PAGE_SIZE = 200
// Frostbyte's documented 120 requests/min would make this a 12-minute wait on the vendor, not a
// measure of Stockroom: fake and connection are both set to a raised limit, as for an account on
// such a plan (ForgeMRP publishes no limit; its fake's is raised the same way).
const RPM = 1_000_000
const TABLES = ['items', 'stock', 'lots', 'locations', 'tasks', 'orders']

requireBuilt()

/** Busy loops beside the sync, as other programs load a PC (or a CI machine): `n` processes. */
function cpuLoad(n) {
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })
  )
  process.once('exit', () => children.forEach((c) => c.kill()))
  return () => children.forEach((c) => c.kill())
}

async function run({ load }) {
  const stopLoad = load > 0 ? cpuLoad(load) : () => {}
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

  let pageHeapPeak = 0
  // Only the small checkpoints and connections stores are read while the sync runs, once a second
  // (counting big stores, or polling often, would compete with the writes being measured).
  const progress = (withCounts) =>
    page.evaluate(
      ({ withCounts, tables }) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('stockroom')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const stores = withCounts
              ? ['checkpoints', 'connections', 'activity', ...tables]
              : ['checkpoints', 'connections']
            const tx = db.transaction(stores, 'readonly')
            const out = { heap: performance.memory?.usedJSHeapSize ?? 0 }
            const cps = tx.objectStore('checkpoints').getAll()
            cps.onsuccess = () =>
              (out.checkpoints = cps.result.map((c) => ({
                resource: c.resource,
                running: c.running,
                done: !!c.completedAt
              })))
            if (withCounts) {
              // What the app itself said about the sync beyond progress: a failure, a retry, a wait.
              const said = tx.objectStore('activity').getAll()
              said.onsuccess = () =>
                (out.said = said.result
                  .filter((a) => a.kind === 'sync' && a.level !== 'info')
                  .map((a) => `${a.level}: ${a.message}`))
            }
            const conns = tx.objectStore('connections').getAll()
            conns.onsuccess = () => (out.piecesAt = conns.result.find((c) => c.piecesAt)?.piecesAt)
            for (const s of tables.filter((t) => stores.includes(t))) {
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
  let passSeconds
  for (;;) {
    state = await progress(false)
    pageHeapPeak = Math.max(pageHeapPeak, state.heap)
    const passDone =
      state.checkpoints.length === resources.length && state.checkpoints.every((c) => c.done && !c.running)
    if (passDone && passSeconds === undefined) passSeconds = (performance.now() - started) / 1000
    // The search pieces follow the pass (sync/item-pieces.ts): the replica is whole when they are in too.
    if (passDone && state.piecesAt) break
    if (performance.now() - started > 20 * 60_000) throw new Error('sync did not finish in 20 minutes')
    await new Promise((r) => setTimeout(r, 1000))
  }
  const seconds = (performance.now() - started) / 1000
  state = await progress(true)
  const records = TABLES.reduce((n, t) => n + state[t], 0)
  const hostPeakRssMb = peakRssMb(host.child.pid)

  // Baselines: the same records, written by a bare Dexie bulkPut loop (pages of 200, one transaction
  // each) into a fresh database in the same browser profile: as the app stores them (same tables, same
  // indexes, read from the live database), and lean (items without their search words).
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.js') })
  const bulkPut = await page.evaluate(
    async ({ pageSize, tables }) => {
      const source = new window.Dexie('stockroom')
      await source.open()
      const rows = {}
      for (const t of tables) rows[t] = await source.table(t).toArray()
      const stores = {}
      for (const t of tables) {
        const schema = source.table(t).schema
        stores[t] = [schema.primKey.src, ...schema.indexes.map((i) => i.src)].join(', ')
      }
      const put = async (name, schema, transform) => {
        const target = new window.Dexie(name)
        target.version(1).stores(schema)
        await target.open()
        const t0 = performance.now()
        let n = 0
        for (const t of tables) {
          for (let i = 0; i < rows[t].length; i += pageSize) {
            const chunk = rows[t].slice(i, i + pageSize)
            await target.table(t).bulkPut(transform(t, chunk))
            n += chunk.length
          }
        }
        const ms = performance.now() - t0
        target.close()
        return { records: n, ms }
      }
      const own = await put('bench-bulkput', stores, (_, chunk) => chunk)
      const lean = await put(
        'bench-bulkput-lean',
        { ...stores, items: stores.items.replace(/,\s*\*words/, '').replace(/,\s*\*grams/, '') },
        (t, chunk) =>
          t === 'items'
            ? chunk.map((item) => {
                const lean = { ...item }
                delete lean.words
                delete lean.grams
                return lean
              })
            : chunk
      )
      source.close()
      return { own, lean }
    },
    { pageSize: PAGE_SIZE, tables: TABLES }
  )

  await context.close()
  await stop(host.child)
  await stop(fake.child)
  stopLoad()
  const statsLine = `Fake ${VENDOR} stats: `
  const stats = JSON.parse(fake.output.find((l) => l.startsWith(statsLine)).slice(statsLine.length))
  const hostLine = 'Stockroom web host stats: '
  const hostStats = JSON.parse(
    host.output.find((l) => l.startsWith(hostLine))?.slice(hostLine.length) ?? '{}'
  )
  // Each resource is listed at /<resource>; a full pass needs ceil(records / its page size) requests.
  const perResource = resources.map((r) => ({
    path: `/${r.resource}`,
    sent: stats.requests[`/${r.resource}`] ?? 0,
    minimum: Math.max(1, Math.ceil((stats.counts[`/${r.resource}`] ?? 0) / r.pageSize))
  }))
  // Records a pass reads one by one (`/shipments/{id}`: an open shipment's lines): one request each.
  for (const [pattern, count] of Object.entries(stats.counts).filter(([p]) => p.includes('{id}'))) {
    const [head, tail] = pattern.split('{id}')
    const sent = Object.entries(stats.requests)
      .filter(
        ([path]) => path.startsWith(head) && path.endsWith(tail) && path.length > head.length + tail.length
      )
      .reduce((n, [, k]) => n + k, 0)
    perResource.push({ path: pattern, sent, minimum: count })
  }
  const requests = perResource.reduce((n, r) => n + r.sent, 0)
  const minRequests = perResource.reduce((n, r) => n + r.minimum, 0)

  const recordsPerSec = Math.round(records / seconds)
  const rate = (b) => Math.round(b.records / (b.ms / 1000))
  const bulkPutRecordsPerSec = rate(bulkPut.own)
  const leanBulkPutRecordsPerSec = rate(bulkPut.lean)
  return {
    records,
    recordsPerSec,
    passRecordsPerSec: Math.round(records / passSeconds),
    bulkPutRecordsPerSec,
    leanBulkPutRecordsPerSec,
    ratio: Math.round((recordsPerSec / bulkPutRecordsPerSec) * 100) / 100,
    ratioToLean: Math.round((recordsPerSec / leanBulkPutRecordsPerSec) * 100) / 100,
    requests,
    minRequests,
    perResource,
    // Every request beyond the minimum is one of these: sent again after what the one before met.
    retries: hostStats.retries ?? {},
    // The app's own words on the sync's failures and retries (a page asked again has its cause here).
    said: state.said ?? [],
    // Pages the renderer asked the host for a second time (the host counts them by resource).
    pagesAskedAgain: hostStats.pagesAskedAgain ?? {},
    hostPeakRssMb,
    pageHeapMb: Math.round(pageHeapPeak / 1024 / 1024),
    cpuLoad: load,
    vendor: VENDOR,
    size: SIZE,
    passSeconds: Math.round(passSeconds * 10) / 10,
    seconds: Math.round(seconds * 10) / 10
  }
}

function print(r, title) {
  console.log(title)
  console.log(
    `  first sync          ${r.seconds} s  (pass ${r.passSeconds} s, then the search pieces ${Math.round((r.seconds - r.passSeconds) * 10) / 10} s)`
  )
  console.log(`  end to end          ${r.recordsPerSec.toLocaleString()} records/s`)
  console.log(
    `  bare Dexie bulkPut  ${r.bulkPutRecordsPerSec.toLocaleString()} records/s as stored (ratio ${r.ratio}), ${r.leanBulkPutRecordsPerSec.toLocaleString()} records/s lean (ratio ${r.ratioToLean})`
  )
  console.log(
    `  requests            ${r.requests} (minimum ${r.minRequests}): ${r.perResource.map((p) => `${p.path} ${p.sent}/${p.minimum}`).join(', ')}`
  )
  console.log(
    `  sent again          ${JSON.stringify(r.retries)}, pages asked again ${JSON.stringify(r.pagesAskedAgain)}`
  )
  for (const line of r.said) console.log(`  the app said        ${line}`)
  console.log(`  host peak RSS       ${r.hostPeakRssMb} MB`)
  console.log(`  page JS heap peak   ${r.pageHeapMb} MB`)
}

const quiet = await run({ load: 0 })
print(
  quiet,
  `Full sync of ${SIZE.toLocaleString()} ${VENDOR} catalogue records (${quiet.records.toLocaleString()} replica records) from its fake into IndexedDB (Chromium, on-disk profile):`
)
const result = { ...quiet }
if (LOAD > 0) {
  const loaded = await run({ load: LOAD })
  print(loaded, `The same beside ${LOAD} busy processes:`)
  result.underLoad = loaded
}
const file = args.vendor ? `sync-${args.vendor}.json` : 'sync.json'
writeFileSync(join(ROOT, 'bench', 'results', file), JSON.stringify(result, null, 2) + '\n')
process.exit(0)
