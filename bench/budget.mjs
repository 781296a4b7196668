// npm run bench:budget — Figgro's request budget, with the fake's window scaled from an hour to 120 s
// (1,000 requests per rolling 120 s; the app learns the window from the vendor's Reset headers): a full
// pass of about 3,000 pages through the real app (web host + renderer in headless Chromium), then a pass
// stopped mid-window and restarted (host and browser). Prints and writes bench/results/budget.json.
//
// Why 120 s and not 60: a page costs the app about 0.1 s here (request, mapping, the replica write, one
// at a time), so 900 pages take about 90 s — a 60 s window would free up before the budget ran out and
// the run would measure the app's speed, not the planner.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  createConnection,
  readCheckpoints,
  requireBuilt,
  ROOT,
  startProcess,
  stop,
  tempDir
} from './lib.mjs'

const LIMIT = 1000
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 120) * 1000
const RESERVE = 0.1
const CAPACITY = LIMIT - Math.ceil(LIMIT * RESERVE)
// 53,600 products with their raw materials, job runs and tickets make about 3,000 pages of 25.
const SIZE = Number(process.env.BENCH_SIZE ?? 53_600)
const RESTART_SIZE = Number(process.env.BENCH_RESTART_SIZE ?? 21_500)
const RESOURCES = 4

requireBuilt()

function startFake(size) {
  const fake = startProcess(
    'out/main/fake-vendor.js',
    [
      '--vendor',
      'figgro',
      '--size',
      String(size),
      '--seed',
      '5',
      '--window-seconds',
      String(WINDOW_MS / 1000)
    ],
    /Fake figgro: (\S+) key=(\S+)/
  )
  let seen = 0
  return {
    ...fake,
    /** The fake's own account: requests by status, pages answered twice, first and last arrival. */
    async stats() {
      const before = seen
      fake.child.kill('SIGHUP')
      for (;;) {
        const lines = fake.output.filter((l) => l.startsWith('Fake figgro stats: '))
        if (lines.length > before) {
          seen = lines.length
          return JSON.parse(lines[lines.length - 1].slice('Fake figgro stats: '.length))
        }
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  }
}

/** The web host and the renderer in Chromium; a restart reuses the port, since the replica belongs to the origin. */
async function startApp(dirs, port = 0) {
  const host = startProcess(
    'out/main/web-host.js',
    ['--port', String(port), '--data-dir', dirs.data, '--key-dir', dirs.keys, '--no-demo'],
    /Stockroom web host: (\S+)/
  )
  const [, url] = await host.match
  const context = await chromium.launchPersistentContext(dirs.profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"]')
  await page.locator('[data-section="connections"]').click()
  return {
    url,
    port: Number(new URL(url).port),
    page,
    async close() {
      await context.close()
      await stop(host.child)
    }
  }
}

/** Pages committed per resource (from the replica's checkpoints) and the plan line on the connection card. */
const readState = async (page) => ({
  checkpoints: await readCheckpoints(page),
  plan: await page.evaluate(() => {
    const plan = document.querySelector('[data-testid="sync-plan"]')
    return plan && { text: plan.textContent, finishAt: Number(plan.getAttribute('data-finish-at')) }
  })
})
const pagesDone = (s) => s.checkpoints.reduce((n, c) => n + c.pagesDone, 0)
const allDone = (s) => s.checkpoints.length === RESOURCES && s.checkpoints.every((c) => c.done)
const pagesOf = (counts) => Object.values(counts).reduce((n, c) => n + Math.max(1, Math.ceil(c / 25)), 0)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

async function connect(app, fake) {
  const [, baseUrl, apiKey] = await fake.match
  // Told nothing of the scaled window: the connection assumes the documented hour and learns the
  // vendor's window from its Reset headers.
  await createConnection(app.url, { vendor: 'figgro', label: 'Figgro bench', baseUrl, apiKey })
}

// BENCH_ONLY=restart runs the second part alone and keeps the full-pass figures already written.
const ONLY_RESTART = process.env.BENCH_ONLY === 'restart'
const resultsPath = join(ROOT, 'bench', 'results', 'budget.json')

async function fullPass() {
  // ── 1. A full pass of about 3,000 pages ────────────────────────────────────────────────────────────
  const fakeA = startFake(SIZE)
  await fakeA.match
  const pages = pagesOf((await fakeA.stats()).counts)
  const appA = await startApp({
    data: await tempDir('stockroom-budget-data-'),
    keys: await tempDir('stockroom-budget-keys-'),
    profile: await tempDir('stockroom-budget-profile-')
  })
  await connect(appA, fakeA)
  let eta
  const planTexts = []
  let told = 0
  for (;;) {
    const s = await readState(appA.page)
    if (Date.now() - told > 15_000) {
      told = Date.now()
      console.log(`  … ${pagesDone(s)} of ${pages} pages${s.plan ? `: ${s.plan.text}` : ''}`)
    }
    if (s.plan && planTexts.at(-1) !== s.plan.text && planTexts.length < 400) planTexts.push(s.plan.text)
    if (!eta && s.plan && pagesDone(s) >= pages / 10)
      eta = { at: Date.now(), pagesDone: pagesDone(s), finishAt: s.plan.finishAt, text: s.plan.text }
    if (allDone(s)) break
    await sleep(250)
  }
  const statsA = await fakeA.stats()
  await appA.close()
  await stop(fakeA.child)

  const arrivals = statsA.arrivalsMs
  const startedAt = Date.parse(statsA.firstAt)
  const finishedAt = Date.parse(statsA.lastAt)
  // A page's own cost (request, mapping, the replica write) when the budget holds nothing back.
  const gaps = arrivals
    .slice(1)
    .map((t, i) => t - arrivals[i])
    .filter((g) => g < 1000)
  const msPerPage = gaps.reduce((a, b) => a + b, 0) / gaps.length
  const requestsA = arrivals.length
  // The soonest the last of N requests can go when at most C may be counted in any window of W and a
  // page costs the app msPerPage: request j goes at max(j-1's time + msPerPage, j-C's time + W).
  const minimumMs = (n, c) => {
    const t = []
    for (let j = 0; j < n; j++)
      t.push(Math.max(j > 0 ? t[j - 1] + msPerPage : 0, j >= c ? t[j - c] + WINDOW_MS : 0))
    return t[n - 1]
  }
  const elapsedMs = finishedAt - startedAt
  const minShareMs = minimumMs(requestsA, CAPACITY)
  const minFullMs = minimumMs(requestsA, LIMIT)
  const etaErrorMs = eta ? eta.finishAt - finishedAt : NaN

  return {
    pages,
    requests: requestsA,
    rateLimited: statsA.statuses['429'] ?? 0,
    pagesFetchedTwice: statsA.repeated,
    seconds: Math.round(elapsedMs / 100) / 10,
    msPerPage: Math.round(msPerPage * 10) / 10,
    minimumSecondsAtSyncShare: Math.round(minShareMs / 100) / 10,
    ratioToSyncShareMinimum: Math.round((elapsedMs / minShareMs) * 1000) / 1000,
    minimumSecondsAtFullLimit: Math.round(minFullMs / 100) / 10,
    ratioToFullLimitMinimum: Math.round((elapsedMs / minFullMs) * 1000) / 1000,
    etaAtTenPercent: eta && {
      pagesDone: eta.pagesDone,
      shown: eta.text,
      errorSeconds: Math.round(etaErrorMs / 100) / 10,
      errorOfRemaining: Math.round((Math.abs(etaErrorMs) / (finishedAt - eta.at)) * 1000) / 1000,
      errorOfPass: Math.round((Math.abs(etaErrorMs) / elapsedMs) * 1000) / 1000
    },
    planLines: planTexts.filter((_, i) => i % Math.ceil(planTexts.length / 12) === 0)
  }
}
const full = ONLY_RESTART ? JSON.parse(readFileSync(resultsPath, 'utf8')).fullPass : await fullPass()

// ── 2. A pass stopped mid-window, host and browser restarted ─────────────────────────────────────────
const fakeB = startFake(RESTART_SIZE)
await fakeB.match
const pagesB = pagesOf((await fakeB.stats()).counts)
const dirsB = {
  data: await tempDir('stockroom-budget-data-'),
  keys: await tempDir('stockroom-budget-keys-'),
  profile: await tempDir('stockroom-budget-profile-')
}
let appB = await startApp(dirsB)
await connect(appB, fakeB)
let stoppedAt
for (;;) {
  const s = await readState(appB.page)
  if (pagesDone(s) >= 600) {
    await appB.page.getByTestId('sync-cancel').click()
    // The Stop button goes when the sync has written its last page and stopped.
    while ((await appB.page.getByTestId('sync-cancel').count()) > 0) await sleep(100)
    stoppedAt = pagesDone(await readState(appB.page))
    break
  }
  await sleep(100)
}
const beforeRestart = await fakeB.stats()
await appB.close()
appB = await startApp(dirsB, appB.port) // the same data, profile and origin: the app finds the pass and resumes it
for (;;) {
  const s = await readState(appB.page)
  if (allDone(s)) break
  await sleep(250)
}
const statsB = await fakeB.stats()
await appB.close()
await stop(fakeB.child)

const result = {
  window: { limit: LIMIT, windowMs: WINDOW_MS, reserve: RESERVE },
  fullPass: full,
  restart: {
    pages: pagesB,
    stoppedAfterPages: stoppedAt,
    requestsBeforeRestart: Object.values(beforeRestart.statuses).reduce((a, b) => a + b, 0),
    requests: Object.values(statsB.statuses).reduce((a, b) => a + b, 0),
    rateLimited: statsB.statuses['429'] ?? 0,
    pagesFetchedTwice: statsB.repeated
  }
}
writeFileSync(resultsPath, JSON.stringify(result, null, 2) + '\n')
const f = result.fullPass
console.log(
  `Figgro budget, fake window scaled to ${LIMIT} requests per ${WINDOW_MS / 1000} s, ${RESERVE * 100}% kept in reserve:`
)
console.log(
  `  full pass           ${f.pages} pages, ${f.requests} requests in ${f.seconds} s, ${f.rateLimited} × 429, ${f.pagesFetchedTwice} pages fetched twice`
)
console.log(
  `  theoretical minimum ${f.minimumSecondsAtSyncShare} s at the sync's share (${CAPACITY}/window): ratio ${f.ratioToSyncShareMinimum} (goal ≤ 1.05)`
)
console.log(
  `                      ${f.minimumSecondsAtFullLimit} s at the full limit (${LIMIT}/window, no reserve): ratio ${f.ratioToFullLimitMinimum}`
)
if (f.etaAtTenPercent)
  console.log(
    `  ETA at 10%          "${f.etaAtTenPercent.shown}": off by ${f.etaAtTenPercent.errorSeconds} s = ${(f.etaAtTenPercent.errorOfRemaining * 100).toFixed(1)}% of the time left (goal ≤ 10%)`
  )
const r = result.restart
console.log(
  `  restart mid-window  stopped after ${r.stoppedAfterPages} of ${r.pages} pages, restarted: ${r.requests} requests, ${r.rateLimited} × 429, ${r.pagesFetchedTwice} pages fetched twice`
)
process.exit(0)
