// The app as the scan and search benches drive it: a fake Frostbyte, the web host, and the renderer
// in headless Chromium (on-disk profile, as on a desktop), connected and synced; then the replica
// topped up with more items of that connection, and CPU profiles and User Timing read back.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  createConnection,
  hostCall,
  percentile,
  requireBuilt,
  ROOT,
  startProcess,
  stop,
  tempDir
} from './lib.mjs'

const DEXIE = createRequire(import.meta.url).resolve('dexie/dist/dexie.js')

/** Starts vendor, host and browser; resolves once the app has synced the vendor's `vendorSize` products. */
export async function openSyncedApp(vendorSize) {
  requireBuilt()
  const fake = startProcess(
    'out/main/fake-vendor.js',
    ['--size', String(vendorSize), '--seed', '5', '--requests-per-minute', '1000000'],
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
    bypassCSP: true // only so the replica can be topped up with Dexie from the page
  })
  // Stamped before the app's own listeners see a key (they may stop it): the Enter that ends a scan,
  // and every key typed into a field. The app's `scan:*` measures are kept here as they are made
  // (the app drops its own entries now and then).
  await context.addInitScript(() => {
    window.__enterAt = 0
    window.__keyAt = 0
    window.__scanMeasures = []
    window.addEventListener(
      'keydown',
      (e) => {
        window.__keyAt = performance.now()
        if (e.key === 'Enter') window.__enterAt = window.__keyAt
      },
      true
    )
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (/^(scan|search|sync):/.test(e.name)) window.__scanMeasures.push([e.name, e.duration])
    }).observe({ type: 'measure' })
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(hostUrl)
  await page.waitForSelector('body[data-ready="true"]')

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
  await page.addScriptTag({ path: DEXIE })
  const cdp = await context.newCDPSession(page)
  return {
    page,
    cdp,
    hostUrl,
    async close() {
      await context.close()
      await stop(host.child)
      await stop(fake.child)
    }
  }
}

/**
 * Tops the replica up to `total` items of the same connection: variants of the synced products
 * ("Galvanised Hex Bolt M8 V1234"), each with its own valid EAN-13 and SKU, indexed as the sync
 * indexes them (words and three-letter pieces), so lookups and searches run against indexes of that
 * size and spread. Returns what a person would scan at the first warehouse and what to search for.
 */
export async function fillReplica(page, total) {
  return page.evaluate(async (total) => {
    const db = new window.Dexie('stockroom')
    await db.open()
    const items = db.table('items')
    const existing = await items.count()
    const sources = await items.limit(3_000).toArray()
    const ean = (n) => {
      const body = String(200000000000 + n).slice(0, 12)
      let sum = 0
      for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3)
      return body + String((10 - (sum % 10)) % 10)
    }
    const pieces = (w) => Array.from({ length: Math.max(0, w.length - 2) }, (_, i) => w.slice(i, i + 3))
    for (let i = existing; i < total; i += 5000) {
      const chunk = []
      for (let n = i; n < Math.min(total, i + 5000); n++) {
        const src = sources[n % sources.length]
        const variant = `v${n}`
        const sku = `${src.sku}-V${n}`
        const skuWord = sku.toLowerCase()
        const words = [...new Set([...src.words.filter((w) => w !== src.sku.toLowerCase()), variant])]
        const extra = [...words, ...skuWord.split(/[^a-z0-9]+/).filter(Boolean)]
        chunk.push({
          ...src,
          key: `${src.connectionId}:item:bench-${n}`,
          vendorId: `bench-${n}`,
          sku,
          name: `${src.name} V${n}`,
          codes: ['0' + ean(n), sku.toUpperCase()],
          words: [...new Set(extra)],
          grams: [...new Set(extra.flatMap(pieces))],
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
    const names = sources.slice(0, 40).map((i) => i.name)
    const skus = sources.slice(0, 40).map((i) => i.sku)
    const count = await items.count()
    db.close()
    return {
      count,
      warehouse: warehouse.name,
      names,
      skus,
      products: stocked
        .slice(0, 60)
        .map((i) => ({ sku: i.sku, barcode: i.codes.find((c) => /^0\d{13}$/.test(c)).slice(1) }))
    }
  }, total)
}

/** Samples the page's JavaScript while `run` runs; writes artifacts/<name>.cpuprofile when `name` is given. */
export async function profiled(cdp, name, run) {
  if (!name) return run()
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const value = await run()
  const { profile } = await cdp.send('Profiler.stop')
  const dir = join(ROOT, 'artifacts')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  return value
}

/** The app's `<kind>:*` measures (scan, search, sync) since the last call, as p50/p95 per phase. */
export async function takePhases(page, kind = 'scan', keep = false) {
  const entries = await page.evaluate(
    (keep) => (keep ? window.__scanMeasures.slice() : window.__scanMeasures.splice(0)),
    keep
  )
  const byPhase = new Map()
  for (const [name, ms] of entries) {
    if (!name.startsWith(`${kind}:`)) continue
    const phase = name.slice(kind.length + 1)
    byPhase.set(phase, [...(byPhase.get(phase) ?? []), ms])
  }
  return Object.fromEntries(
    [...byPhase].map(([phase, list]) => {
      const { p50Ms, p95Ms } = summary(list)
      return [phase, { n: list.length, p50Ms, p95Ms }]
    })
  )
}

const round = (ms) => Math.round(ms * 10) / 10

export function summary(list) {
  const sorted = [...list].sort((a, b) => a - b)
  return {
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted.at(-1) ?? NaN)
  }
}

/**
 * A second connection, on its own fake Frostbyte of `size` products, added as a person adds one (its
 * first sync starts at once). `firstPage` settles when its first page is in the replica, `done` when
 * every resource's pass has ended, with the pass's seconds from the connection's creation.
 */
export async function startSecondSync(app, size) {
  const fake = startProcess(
    'out/main/fake-vendor.js',
    ['--size', String(size), '--seed', '11', '--requests-per-minute', '1000000'],
    /Fake frostbyte: (\S+) key=(\S+)/
  )
  const [, vendorUrl, apiKey] = await fake.match
  const started = performance.now()
  const connection = await createConnection(app.hostUrl, {
    vendor: 'frostbyte',
    label: 'Second',
    baseUrl: vendorUrl,
    apiKey,
    requestsPerMinute: 1_000_000
  })
  const { resources } = await hostCall(app.hostUrl, 'sync:plan', { connectionId: connection.id })
  // Only the small checkpoints store is read, once a second, so the watch costs the scans nothing.
  const checkpoints = () =>
    app.page.evaluate(
      (id) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('stockroom')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const req = db.transaction('checkpoints', 'readonly').objectStore('checkpoints').getAll()
            req.onsuccess = () => {
              db.close()
              resolve(req.result.filter((c) => c.connectionId === id))
            }
            req.onerror = () => reject(req.error)
          }
        }),
      connection.id
    )
  const watch = async (done) => {
    for (;;) {
      const cps = await checkpoints()
      if (done(cps)) return cps
      if (performance.now() - started > 20 * 60_000)
        throw new Error('the second sync did not end in 20 minutes')
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
  const firstPage = watch((cps) => cps.some((c) => c.pagesDone > 0))
  const done = watch(
    (cps) => cps.length === resources.length && cps.every((c) => c.completedAt && !c.running)
  ).then((cps) => ({
    seconds: Math.round((performance.now() - started) / 100) / 10,
    pages: cps.reduce((n, c) => n + c.pagesDone, 0)
  }))
  return { firstPage, done, stop: () => stop(fake.child) }
}
