import { chromium, type Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateFrostbyte } from '../../src/main/fakes/frostbyte/generate'
import { connectAndSync, plainStock, startCountAt } from './count-page'
import { CHROMIUM_ARGS, CHROMIUM_PATH, dismissNotices, e2eAvailability, openApp } from './harness'
import { useApp } from './vendor-app'
import { nextBanner, scan } from './scanner'

const availability = e2eAvailability()
const SEED = 31
const SIZE = 300
/** Rounds of (kill mid-replay, kill mid-sync): sized so the suite takes a few minutes. */
const ROUNDS = 5
/** Rounds of kill -9 of the browser mid-replay (its profile, and so IndexedDB, goes with it). */
const BROWSER_ROUNDS = 2

/** A fixed-seed generator, so a failing run can be repeated kill for kill. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/**
 * Chaos: the web host is killed with SIGKILL at random instants of an outbox
 * replay and of a sync, against a vendor that drops every second write's
 * answer after applying it. After each kill the host starts again on what it
 * left (same data directory, same port) and the open page carries on by
 * itself. Then the browser is killed as it sends a count, and a new one (a
 * new profile: no IndexedDB) gets what was recorded back from the journal.
 * At the end the ledger must hold every queued count exactly once.
 */
describe.skipIf(!availability.run)(
  'chaos: kill -9 of the host and the browser mid-replay and mid-sync',
  () => {
    const app = useApp({
      vendors: [['--size', String(SIZE), '--seed', String(SEED), '--drop-writes-every', '2']],
      keepDirs: true
    })

    /** Kills the app.host after `afterMs` and starts it again on what it left; says whether `busy` still held when it died. */
    const killAndRestart = async (afterMs: number, busy: () => Promise<boolean>) => {
      await new Promise((r) => setTimeout(r, afterMs))
      const wasBusy = await busy()
      await app.crashAndRestartHost()
      return wasBusy
    }

    const countOne = async (page: Page, warehouseName: string, barcode: string, seq: number) => {
      await startCountAt(page, warehouseName)
      const banner = await nextBanner(page, seq, () => scan(page, barcode))
      const words = await page.getByTestId('scan-banner').innerText()
      expect(banner.status, `the scan of ${barcode} said: ${words}`).toBe('counted')
      await dismissNotices(page)
      await page.getByTestId('count-review-button').click()
      await page
        .getByTestId('submit-count')
        .click({ timeout: 60_000 })
        .catch(async (e: unknown) => {
          // Submit stays off while something is unresolved or waits for approval: say what the review shows.
          console.log(
            `chaos: the review of ${barcode} when Submit stayed off:\n${await page.locator('main').innerText()}`
          )
          throw e
        })
      await page.getByTestId('confirm-submit').click()
      await expect.poll(() => page.getByTestId('submit-result').count()).toBe(1)
    }

    it('every queued count reaches the vendor exactly once, and the sync completes after each kill', async () => {
      const random = rng(SEED)
      const page = await openApp(app.browser, app.host.url)
      await connectAndSync(page, app.vendor)
      const data = generateFrostbyte({ seed: SEED, size: SIZE, now: () => new Date() })
      const warehouse = data.warehouses[0]!
      const products = plainStock(data, warehouse.id).filter((p) => p.onHand > 0)
      if (products.length < ROUNDS + BROWSER_ROUNDS) throw new Error('not enough plain stocked products')

      let kills = 0
      let midReplay = 0
      let midSync = 0
      const sending = async () =>
        (await page.getByTestId('status-pending').textContent()) !== 'All writes sent'
      // While a sync runs the Connections screen offers "Stop sync" instead of "Sync now".
      const syncing = async () => (await page.getByTestId('sync-cancel').count()) > 0
      for (let round = 0; round < ROUNDS; round++) {
        // Mid-replay: the count is submitted, the outbox starts sending it, the host dies.
        await countOne(page, warehouse.name, products[round]!.barcode, 0)
        if (await killAndRestart(Math.floor(random() * 400), sending)) midReplay++
        kills++
        await expect
          .poll(() => page.getByTestId('status-pending').textContent(), { timeout: 120_000 })
          .toBe('All writes sent')

        // Mid-sync: a full sync is asked for, the host dies somewhere in its pages.
        await page.locator('[data-section="connections"]').click()
        // The host just restarted: the sync it starts with may still run (its button then reads Stop).
        await expect.poll(syncing, { timeout: 120_000 }).toBe(false)
        await page.getByRole('button', { name: 'Sync now', exact: true }).click({ timeout: 120_000 })
        if (await killAndRestart(Math.floor(random() * 1500), syncing)) midSync++
        kills++
        await expect.poll(syncing, { timeout: 120_000 }).toBe(false)
        await expect
          .poll(() => page.getByTestId('sync-stock-on-hand').textContent(), { timeout: 120_000 })
          .toMatch(/^up to date/)
      }

      // The browser is killed as it sends a count: a new browser starts with no IndexedDB at all,
      // and what was recorded comes back from main's journal.
      await page.close()
      let browserKills = 0
      let restored = 0
      for (let round = 0; round < BROWSER_ROUNDS; round++) {
        const server = await chromium.launchServer({
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: CHROMIUM_ARGS
        })
        const killable = await chromium.connect(server.wsEndpoint())
        const victim = await openApp(killable, app.host.url)
        if ((await victim.getByText('Restored from the journal').count()) > 0) restored++
        await victim.locator('[data-section="connections"]').click()
        await expect
          .poll(() => victim.getByTestId('sync-stock-on-hand').textContent(), { timeout: 120_000 })
          .toMatch(/^up to date/)
        await countOne(victim, warehouse.name, products[ROUNDS + round]!.barcode, 0)
        await new Promise((r) => setTimeout(r, Math.floor(random() * 300)))
        server.process().kill('SIGKILL')
        browserKills++
        await killable.close().catch(() => undefined)
      }
      const current = await openApp(app.browser, app.host.url)
      if ((await current.getByText('Restored from the journal').count()) > 0) restored++
      await expect
        .poll(() => current.getByTestId('status-pending').textContent(), { timeout: 120_000 })
        .toBe('All writes sent')
      const queued = ROUNDS + BROWSER_ROUNDS

      const ours = (await app.vendor.adjustments()).filter((a) =>
        String(a.notes ?? '').startsWith('Stockroom count')
      )
      // Each round counted a different product: an adjustment is known by its lines.
      const writes = ours.map((a) => JSON.stringify(a.lines))
      const applied = new Set(writes).size
      const duplicates = writes.length - applied
      const lost = queued - applied
      console.log(
        `chaos: ${kills} host kills survived (${midReplay} with a write still unsent, ${midSync} with the sync still running), ` +
          `${browserKills} browser kills (${restored} restored from the journal); ` +
          `writes queued ${queued}, applied ${applied}, duplicates ${duplicates}, lost ${lost}`
      )
      if (duplicates > 0 || lost > 0) {
        // What the vendor holds and what the app says, so a failing run tells what happened to each write.
        console.log(`chaos: the vendor's Stockroom adjustments:\n${writes.join('\n')}`)
        console.log(
          `chaos: products counted: ${products
            .slice(0, queued)
            .map((p) => p.barcode)
            .join(', ')}`
        )
        await current.locator('[data-section="outbox"]').click()
        console.log(`chaos: the Outbox screen:\n${await current.locator('main').innerText()}`)
        const ledger = await app.vendor.ledger()
        console.log(`chaos: the vendor's ledger:\n${ledger.map((e) => JSON.stringify(e)).join('\n')}`)
        console.log(`chaos: host output:\n${app.host.output.slice(-200).join('\n')}`)
      }
      expect(duplicates).toBe(0)
      expect(lost).toBe(0)
      expect(ours).toHaveLength(queued)
      await current.close()
      // Seven full syncs at the vendor's 120 requests a minute, each reading the open shipments one by one.
    }, 360_000)
  }
)
