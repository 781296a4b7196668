// npm run bench:scan — how soon a count shows a scan, and how soon a search shows what was typed.
//
// Scan: from the Enter keystroke of a scanner burst to the count line showing the new quantity, with
// 3,000 and then 100,000 items in the replica, in headless Chromium (on-disk profile) through the web
// host; p50/p95/max, and p50/p95 of each phase of the app's path (its `scan:*` User Timing measures).
// Search: from each keystroke typed into the Items search to the results for that text, at the largest
// size. Writes bench/results/scan.json.
//
//   BENCH_SIZES=3000,100000  replica sizes (items) to scan at, in that order
//   BENCH_SCANS=300          scans per size
//   BENCH_SCAN_GAP_MS=300    least time from one scan's Enter to the next (a person scans every
//                            300–500 ms); 0 sends each scan as soon as the last one shows
//   --search-only            the search part only (writes bench/results/search.json)
//   BENCH_VERBOSE=1          prints each keystroke of the search with its time
//   --profile                CPU profiles of the page: artifacts/scan-<items>.cpuprofile, search-<items>…
//   BENCH_SYNC_SIZE=100000   after the quiet run at the first size: a second connection (its own fake
//                            Frostbyte) makes its first sync of this many products while the same
//                            count is scanned, from the first page applied to the pass's end
//                            (`duringSync`); 0 skips it
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib.mjs'
import { fillReplica, openSyncedApp, profiled, startSecondSync, summary, takePhases } from './replica-app.mjs'
import { searchBench } from './search-run.mjs'

const SIZES = (process.env.BENCH_SIZES ?? '3000,100000').split(',').map(Number)
const SCANS = Number(process.env.BENCH_SCANS ?? 300)
const GAP_MS = Number(process.env.BENCH_SCAN_GAP_MS ?? 300)
const SEARCH_ONLY = process.argv.includes('--search-only')
const PROFILE = process.argv.includes('--profile')
const VENDOR_SIZE = 3_000
const SYNC_SIZE = Number(process.env.BENCH_SYNC_SIZE ?? 100_000)

const app = await openSyncedApp(VENDOR_SIZE)
const { page, cdp } = app

async function startCount(warehouse) {
  await page.locator('[data-section="count"]').click()
  await page.getByTestId('count-location').click()
  await page.getByTestId('count-location').fill(warehouse)
  // Two connections may each have a warehouse of that name: the first listed is the one counted.
  await page
    .getByRole('option', { name: `${warehouse} (whole warehouse)` })
    .first()
    .click()
  await page.getByTestId('count-start-button').click()
  await page.waitForSelector('[data-testid="count-session"]')
}

async function discardCount() {
  await page.getByTestId('count-discard').click()
  await page.getByTestId('confirm-discard').click()
  await page.waitForSelector('[data-testid="count-start-button"]')
}

/** Scanner bursts through CDP with keystroke timestamps 3 ms apart (as a USB scanner types). */
async function burst(code) {
  const start = Date.now() / 1000
  const keys = [...code].map((ch) => ({ key: ch, text: ch }))
  keys.push({ key: 'Enter', text: '\r' })
  await Promise.all(
    keys.flatMap(({ key, text }, k) => {
      const timestamp = start + (k * 3) / 1000
      const enter = key === 'Enter' ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {}
      return [
        cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text, timestamp, ...enter }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, timestamp: timestamp + 0.001, ...enter })
      ]
    })
  )
}

/** Resolves with ms from the Enter keystroke until the line of `sku` shows `expected`; null after 5 s. */
const lineShows = (sku, expected) =>
  page.evaluate(
    ({ sku, expected }) =>
      new Promise((resolve) => {
        const done = () => {
          const el = document.querySelector(
            `[data-testid="count-line"][data-sku="${CSS.escape(sku)}"] [data-testid="count-line-counted"]`
          )
          if (el && el.textContent === String(expected)) {
            observer.disconnect()
            resolve(performance.now() - window.__enterAt)
          }
        }
        const observer = new MutationObserver(done)
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        // A scan that never shows (read as typing, say) is reported, not waited for forever.
        setTimeout(() => {
          observer.disconnect()
          resolve(null)
        }, 5_000)
      }),
    { sku, expected }
  )

/** `until`: scans go on past SCANS until it says the run is over (a sync that has to finish). */
async function scanRun(plan, { until, profileName = `scan-${plan.count}` } = {}) {
  if (plan.products.length < 10) throw new Error('not enough stocked products to scan')
  await startCount(plan.warehouse)
  await takePhases(page)
  const counts = new Map()
  const latencies = []
  let missed = 0
  let over = false
  until?.then(() => (over = true))
  await profiled(cdp, PROFILE && profileName, async () => {
    for (let i = 0; until ? !over : i < SCANS; i++) {
      const p = plan.products[i % plan.products.length]
      const expected = (counts.get(p.sku) ?? 0) + 1
      counts.set(p.sku, expected)
      const shown = lineShows(p.sku, expected)
      const sent = Date.now()
      await burst(p.barcode)
      const ms = await shown
      if (ms === null) {
        missed++
        counts.set(p.sku, expected - 1)
        // Whatever half-state the missed burst left (text in a field, a pending burst) is cleared.
        await page.keyboard.press('Escape')
      } else latencies.push(ms)
      const rest = GAP_MS - (Date.now() - sent)
      if (rest > 0) await new Promise((r) => setTimeout(r, rest))
    }
  })
  const syncPhases = until ? await takePhases(page, 'sync', true) : undefined
  const phases = await takePhases(page)
  await discardCount()
  return {
    items: plan.count,
    scans: latencies.length,
    gapMs: GAP_MS,
    missed,
    ...summary(latencies),
    phases,
    ...(syncPhases && { syncPhases })
  }
}

function printPhases(phases) {
  for (const [phase, f] of Object.entries(phases))
    console.log(
      `    ${phase.padEnd(9)} p50 ${String(f.p50Ms).padStart(6)} ms   p95 ${String(f.p95Ms).padStart(6)} ms`
    )
}

function print(result) {
  console.log(
    `Scan to screen (Enter → count line), ${result.items.toLocaleString()} items, ${result.scans} scans: ` +
      `p50 ${result.p50Ms} ms   p95 ${result.p95Ms} ms   max ${result.maxMs} ms   (${result.missed} not shown within 5 s)`
  )
  printPhases(result.phases)
}

/** bench:sync's pass time for a first sync of `products` products, if its results file has one. */
function passAlone(products) {
  try {
    const sync = JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'sync.json'), 'utf8'))
    return sync.size === products ? sync.passSeconds : undefined
  } catch {
    return undefined
  }
}

const results = {}
// Written after each part, so a run stopped half-way keeps what it measured.
const save = () =>
  writeFileSync(
    join(ROOT, 'bench', 'results', SEARCH_ONLY ? 'search.json' : 'scan.json'),
    JSON.stringify(SEARCH_ONLY ? results.search : results, null, 2) + '\n'
  )
let plan
if (!SEARCH_ONLY) {
  results.scan = []
  for (const [n, size] of SIZES.entries()) {
    plan = await fillReplica(page, size)
    const result = await scanRun(plan)
    print(result)
    results.scan.push(result)
    save()
    if (n === 0 && SYNC_SIZE > 0) {
      // The same count, scanned while another connection makes its first sync: from its first page in
      // the replica until its last, so every scan meets the sync.
      const sync = await startSecondSync(app, SYNC_SIZE)
      await sync.firstPage
      const during = await scanRun(plan, { until: sync.done, profileName: 'scan-during-sync' })
      const { seconds, pages } = await sync.done
      // The same pass alone, as bench:sync last measured it (its results file), when it synced as many.
      const alone = passAlone(SYNC_SIZE)
      results.duringSync = {
        ...during,
        syncProducts: SYNC_SIZE,
        syncSeconds: seconds,
        syncPages: pages,
        ...(alone && { syncAloneSeconds: alone, syncSlowdown: Math.round((seconds / alone) * 100) / 100 })
      }
      console.log(
        `While a second connection synced ${SYNC_SIZE.toLocaleString()} products (${seconds} s, ${pages} pages` +
          (alone
            ? `; ${alone} s alone in bench:sync, ×${results.duringSync.syncSlowdown} while scanning`
            : '') +
          '):'
      )
      print(during)
      console.log('  the sync meanwhile (sync:wait for the floor and its turn, sync:slice one write):')
      printPhases(during.syncPhases)
      save()
      await sync.stop()
    }
  }
}
plan = await fillReplica(page, Math.max(...SIZES))
results.search = await searchBench(
  page,
  plan,
  PROFILE && ((run) => profiled(cdp, `search-${plan.count}`, run))
)
const s = results.search
console.log(
  `Search as you type (keystroke → results), ${s.items.toLocaleString()} items, ${s.keystrokes} keystrokes: ` +
    `p50 ${s.p50Ms} ms   p95 ${s.p95Ms} ms   max ${s.maxMs} ms; Items total shown ${s.totalShownMs} ms after opening the screen`
)
printPhases(s.phases)
await app.close()

writeFileSync(
  join(ROOT, 'bench', 'results', SEARCH_ONLY ? 'search.json' : 'scan.json'),
  JSON.stringify(SEARCH_ONLY ? results.search : results, null, 2) + '\n'
)
process.exit(0)
