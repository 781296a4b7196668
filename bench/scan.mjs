// npm run bench:scan — scan-to-screen latency of a count: from the Enter keystroke of a scanner burst
// to the count line updated on screen, with 100,000 items in the replica, in headless Chromium
// (on-disk profile) through the web host. Prints p50/p95 and writes bench/results/scan.json.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  createConnection,
  percentile,
  requireBuilt,
  ROOT,
  startProcess,
  stop,
  tempDir
} from './lib.mjs'

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000)
const SCANS = Number(process.env.BENCH_SCANS ?? 300)
const VENDOR_SIZE = 3_000

requireBuilt()
const fake = startProcess(
  'out/main/fake-vendor.js',
  ['--size', String(VENDOR_SIZE), '--seed', '5', '--requests-per-minute', '1000000'],
  /Fake frostbyte: (\S+) key=(\S+)/
)
const [, vendorUrl, apiKey] = await fake.match
const host = startProcess(
  'out/main/web-host.js',
  [
    '--port',
    '0',
    '--data-dir',
    await tempDir('stockroom-scan-data-'),
    '--key-dir',
    await tempDir('stockroom-scan-keys-'),
    '--no-demo'
  ],
  /Stockroom web host: (\S+)/
)
const [, hostUrl] = await host.match
const context = await chromium.launchPersistentContext(await tempDir('stockroom-scan-profile-'), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
  reducedMotion: 'reduce',
  bypassCSP: true // only so the replica can be filled to 100,000 items with Dexie from the page
})
// The Enter keydown is stamped before the app's own listeners see it (they may stop the event).
await context.addInitScript(() => {
  window.__enterAt = 0
  window.addEventListener('keydown', (e) => e.key === 'Enter' && (window.__enterAt = performance.now()), true)
})
const page = context.pages()[0] ?? (await context.newPage())
await page.goto(hostUrl)
await page.waitForSelector('body[data-ready="true"]')

// A real connection, synced by the app.
await createConnection(hostUrl, {
  vendor: 'frostbyte',
  label: 'Bench',
  baseUrl: vendorUrl,
  apiKey,
  requestsPerMinute: 1_000_000
})
await page.locator('[data-section="connections"]').click()
await page.waitForSelector('[data-testid="sync-stock-on-hand"]', { timeout: 120_000 })
await page.waitForFunction(
  () => document.querySelector('[data-testid="sync-stock-on-hand"]')?.textContent?.startsWith('up to date'),
  null,
  { timeout: 300_000 }
)

// Fill the replica to ITEMS items of the same connection (distinct valid EAN-13 codes), so every
// lookup runs against an index of that size.
await page.addScriptTag({ path: join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.js') })
const plan = await page.evaluate(async (total) => {
  const db = new window.Dexie('stockroom')
  await db.open()
  const items = db.table('items')
  const existing = await items.count()
  const sample = await items.limit(1).first()
  const ean = (n) => {
    const body = String(200000000000 + n).slice(0, 12)
    let sum = 0
    for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3)
    return body + String((10 - (sum % 10)) % 10)
  }
  for (let i = existing; i < total; i += 5000) {
    const chunk = []
    for (let n = i; n < Math.min(total, i + 5000); n++) {
      const code = ean(n)
      chunk.push({
        ...sample,
        key: `${sample.connectionId}:item:bench-${n}`,
        vendorId: `bench-${n}`,
        sku: `BEN-${n}`,
        name: `Bench item ${n}`,
        codes: ['0' + code, `BEN-${n}`],
        words: ['bench', 'item', String(n), 'ben'],
        raw: { id: `bench-${n}` }
      })
    }
    await items.bulkPut(chunk)
  }
  // Products with stock in the first warehouse and a barcode: what a person would scan there.
  const warehouse = await db.table('locations').where('kind').equals('warehouse').first()
  const stock = await db.table('stock').where('locationKey').equals(warehouse.key).toArray()
  const keys = [...new Set(stock.map((s) => s.itemKey))]
  const stocked = (await items.bulkGet(keys)).filter(
    (i) => i && i.tracking === 'none' && i.codes.some((c) => /^0\d{13}$/.test(c))
  )
  const count = await items.count()
  db.close()
  return {
    count,
    warehouse: warehouse.name,
    products: stocked
      .slice(0, 60)
      .map((i) => ({ sku: i.sku, barcode: i.codes.find((c) => /^0\d{13}$/.test(c)).slice(1) }))
  }
}, ITEMS)
if (plan.products.length < 10) throw new Error('not enough stocked products to scan')

// A count session at that warehouse, started through the Count screen.
await page.locator('[data-section="count"]').click()
await page.getByTestId('count-location').click()
await page.getByTestId('count-location').fill(plan.warehouse)
await page.getByRole('option', { name: `${plan.warehouse} (whole warehouse)` }).click()
await page.getByTestId('count-start-button').click()
await page.waitForSelector('[data-testid="count-session"]')

// Scanner bursts through CDP with keystroke timestamps 3 ms apart (as a USB scanner types); the page
// stamps the Enter keydown and the moment the line shows the new count.
const cdp = await context.newCDPSession(page)
const counts = new Map()
const latencies = []
let missed = 0
for (let i = 0; i < SCANS; i++) {
  const p = plan.products[i % plan.products.length]
  const expected = (counts.get(p.sku) ?? 0) + 1
  counts.set(p.sku, expected)
  const shown = page.evaluate(
    ({ sku, expected }) =>
      new Promise((resolve) => {
        const done = () => {
          const el = document.querySelector(
            `[data-testid="count-line"][data-sku="${CSS.escape(sku)}"] [data-testid="count-line-counted"]`
          )
          if (el && el.textContent === String(expected)) {
            observer.disconnect()
            resolve(performance.now() - window.__enterAt)
            return true
          }
          return false
        }
        const observer = new MutationObserver(done)
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        // A scan that never shows (read as typing, say) is reported, not waited for forever.
        setTimeout(() => {
          observer.disconnect()
          resolve(null)
        }, 5_000)
      }),
    { sku: p.sku, expected }
  )
  const start = Date.now() / 1000
  const keys = [...p.barcode].map((ch) => ({ key: ch, text: ch }))
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
  const ms = await shown
  if (ms === null) {
    missed++
    counts.set(p.sku, expected - 1)
    // Whatever half-state the missed burst left (text in a field, a pending burst) is cleared.
    await page.keyboard.press('Escape')
  } else latencies.push(ms)
}
await context.close()
await stop(host.child)
await stop(fake.child)

latencies.sort((a, b) => a - b)
const result = {
  items: plan.count,
  scans: latencies.length,
  missed,
  p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
  p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
  maxMs: Math.round(latencies.at(-1) * 10) / 10
}
writeFileSync(join(ROOT, 'bench', 'results', 'scan.json'), JSON.stringify(result, null, 2) + '\n')
console.log(
  `Scan to screen (Enter keystroke → count line updated), ${result.items.toLocaleString()} items in the replica, ${result.scans} scans:`
)
console.log(
  `  p50 ${result.p50Ms} ms   p95 ${result.p95Ms} ms   max ${result.maxMs} ms   (${missed} scans not shown within 5 s)`
)
process.exit(0)
