// npm run bench:fleet — N warehouse PCs (web hosts, each with its own data directory, and its own
// page in one Chromium) make their first sync of the same Frostbyte account at once, against one
// Frostbyte fake whose limit is the organisation's 120 requests a minute. Reports the 429s the
// vendor answered, each PC's finish against the fair-share bound (pages × N ÷ limit), and the
// spread between the first and the last PC. Then the same with a site database (PostgreSQL: each
// PC takes a token from the account's bucket there before each request). Writes
// bench/results/fleet.json.
//
// The site database is a database of the bench's own on the server the tests use
// (STOCKROOM_TEST_PG, default postgres://postgres:stockroom@127.0.0.1:5432/postgres; `.ci/run`
// starts it), created with a random name and dropped after.
//
// BENCH_FLEET_PCS (default 10) and BENCH_FLEET_SIZE (default 600 products) set the run. ASSUMPTION:
// 600 products make a pass of about 21 pages per PC (warehouses, products, batches, stock on hand),
// 210 for ten PCs: at 120 a minute the bound is under two minutes and the run takes a few, long
// enough for several rate windows and the PCs' pacing to settle, short enough to run by hand.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { chromium } from 'playwright-core'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  createConnection,
  hostCall,
  readCheckpoints,
  requireBuilt,
  ROOT,
  startProcess,
  stop,
  tempDir
} from './lib.mjs'

const PCS = Number(process.env.BENCH_FLEET_PCS ?? 10)
const SIZE = Number(process.env.BENCH_FLEET_SIZE ?? 2400)
/** The organisation's limit: one key, shared by every PC of the site. */
const LIMIT = 120

requireBuilt()
// Each child process started here stops with this one (one exit listener each).
process.setMaxListeners(4 * PCS)

async function run(siteUrl) {
  const fake = startProcess(
    'out/main/fake-vendor.js',
    ['--vendor', 'frostbyte', '--size', String(SIZE), '--seed', '21', '--requests-per-minute', String(LIMIT)],
    /Fake \w+: (\S+) key=(\S+)/
  )
  const [, vendorUrl, apiKey] = await fake.match
  const hosts = []
  for (let i = 0; i < PCS; i++) {
    const host = startProcess(
      'out/main/web-host.js',
      [
        '--port',
        '0',
        '--data-dir',
        await tempDir(`stockroom-fleet-data-${i}-`),
        '--key-dir',
        await tempDir(`stockroom-fleet-keys-${i}-`),
        '--no-demo'
      ],
      /Stockroom web host: (\S+)/
    )
    const [, url] = await host.match
    hosts.push({ host, url })
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS
  })
  // One context per PC: each web host's page is its own origin, with its own IndexedDB.
  const pages = []
  for (const h of hosts) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(h.url)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 })
    pages.push(page)
  }
  if (siteUrl)
    for (const h of hosts) {
      const status = await hostCall(h.url, 'site:configure', { connectionString: siteUrl })
      if (status.state !== 'connected')
        throw new Error(`a PC could not reach the site database: ${status.error}`)
    }

  // All at once, as a site whose PCs were set up together: each adds the account (the app then syncs it).
  const started = performance.now()
  const connections = await Promise.all(
    hosts.map((h, i) =>
      createConnection(h.url, {
        vendor: 'frostbyte',
        label: `Site account (PC ${i + 1})`,
        baseUrl: vendorUrl,
        apiKey
      })
    )
  )
  const { resources } = await hostCall(hosts[0].url, 'sync:plan', { connectionId: connections[0].id })
  const finish = new Array(PCS).fill(undefined)
  while (finish.some((f) => f === undefined)) {
    for (let i = 0; i < PCS; i++) {
      if (finish[i] !== undefined) continue
      const cps = await readCheckpoints(pages[i])
      if (cps.length === resources.length && cps.every((c) => c.done))
        finish[i] = (performance.now() - started) / 1000
    }
    if (performance.now() - started > 30 * 60_000) throw new Error('the fleet did not finish in 30 minutes')
    await new Promise((r) => setTimeout(r, 500))
  }

  await browser.close()
  await Promise.all(hosts.map((h) => stop(h.host.child)))
  await stop(fake.child)
  const statsLine = 'Fake frostbyte stats: '
  const stats = JSON.parse(fake.output.find((l) => l.startsWith(statsLine)).slice(statsLine.length))
  const pagesPerPc = resources.reduce(
    (n, r) => n + Math.max(1, Math.ceil((stats.counts[`/${r.resource}`] ?? 0) / r.pageSize)),
    0
  )
  const requests = Object.values(stats.statuses).reduce((n, c) => n + c, 0)
  const boundSeconds = ((pagesPerPc * PCS) / LIMIT) * 60
  const round = (n) => Math.round(n * 10) / 10
  const sorted = [...finish].sort((a, b) => a - b)
  return {
    siteDatabase: Boolean(siteUrl),
    pcs: PCS,
    products: SIZE,
    limitPerMinute: LIMIT,
    pagesPerPc,
    requests,
    requestsPerPc: round(requests / PCS),
    status429: stats.statuses['429'] ?? 0,
    fairShareBoundSeconds: round(boundSeconds),
    finishSeconds: finish.map(round),
    finishOverBound: finish.map((f) => Math.round((f / boundSeconds) * 100) / 100),
    firstSeconds: round(sorted[0]),
    lastSeconds: round(sorted[sorted.length - 1]),
    spreadSeconds: round(sorted[sorted.length - 1] - sorted[0])
  }
}

/** A database of the bench's own for the site, dropped after. */
async function withSiteDatabase(work) {
  const server = process.env.STOCKROOM_TEST_PG ?? 'postgres://postgres:stockroom@127.0.0.1:5432/postgres'
  const name = `stockroom_bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(server)
  url.pathname = `/${name}`
  try {
    return await work(url.toString())
  } finally {
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name]
    )
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.end()
  }
}

function report(r) {
  console.log(
    `${r.pcs} PCs, first sync of one Frostbyte account (${r.products} products, ${r.pagesPerPc} pages each) at ${r.limitPerMinute} requests/min for the organisation, ${r.siteDatabase ? 'with a site database (shared budget bucket)' : 'without a site database (fair-share pacing)'}:`
  )
  console.log(`  429s                ${r.status429} (of ${r.requests} requests, ${r.requestsPerPc} per PC)`)
  console.log(`  fair-share bound    ${r.fairShareBoundSeconds} s (pages × N ÷ limit)`)
  console.log(`  finish per PC       ${r.finishSeconds.map((f) => `${f} s`).join(', ')}`)
  console.log(`  finish ÷ bound      ${r.finishOverBound.join(', ')}`)
  console.log(`  first → last        ${r.firstSeconds} s → ${r.lastSeconds} s (spread ${r.spreadSeconds} s)`)
}

const without = await run()
report(without)
const withSite = await withSiteDatabase((url) => run(url))
report(withSite)
writeFileSync(
  join(ROOT, 'bench', 'results', 'fleet.json'),
  JSON.stringify({ withoutSiteDatabase: without, withSiteDatabase: withSite }, null, 2) + '\n'
)
process.exit(0)
