import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../src/shared/csv/csv'
import {
  addConnectionThroughUi,
  dismissNotices,
  e2eAvailability,
  launchBrowser,
  openApp,
  screenshot,
  startHost,
  startVendor,
  type RunningHost,
  type RunningVendor
} from './harness'
import { tabToAndEnter } from './keyboard-nav'
import { nextBanner, scan } from './scanner'

const availability = e2eAvailability()
const LABEL = '4006381333931'

/** A stocked record at the vendor, as the count sheet must name it. */
export interface VendorRecord {
  /** The vendor id Stockroom keeps for it (what the sheet's first column says). */
  vendorId: string
  /** What is shown beside its name: its SKU or part number, else the vendor id. */
  ref: string
  name: string
  onHand: number
}

export interface CountSheetFlow {
  title: string
  vendorArgs: string[]
  system: string
  /** The resource line whose "up to date" ends the first sync. */
  lastResource: string
  /** The stocked records at the counted place, from the same seed as the fake. */
  records: () => VendorRecord[]
  /** The place's label as scanned, and its name on the sheet. */
  place: (records: VendorRecord[], target: VendorRecord) => { label: string; name: string }
  screenshots: { count?: string; pick?: string; outbox?: string }
  /** The vendor's records carry minimum levels: the card offers low-stock notices (else it does not). */
  lowStockOption: boolean
  /** More to check on the connection's card once it synced. */
  afterSync?: (page: Page) => Promise<void>
}

async function enterOn(page: Page, testId: string) {
  await tabToAndEnter(page, page.getByTestId(testId).first())
}

/** The count sheet downloaded from the Outbox with "Download again": its bytes and rows. */
async function downloadAgain(page: Page) {
  await page.keyboard.press('Alt+4')
  await expect.poll(() => page.locator('[data-kind="count-sheet"]').count(), { timeout: 30_000 }).toBe(1)
  const download = page.waitForEvent('download')
  await enterOn(page, 'count-sheet-download')
  const d = await download
  const chunks: Buffer[] = []
  for await (const chunk of await d.createReadStream()) chunks.push(chunk as Buffer)
  const bytes = Buffer.concat(chunks)
  const read = readCsv(bytes.toString('utf8'))
  if (!read.ok) throw new Error(read.error)
  return { name: d.suggestedFilename(), bytes, rows: read.rows }
}

/**
 * A count for a vendor that takes no stock writes, keyboard and scanner only
 * after the connection is added: the place's label starts the count, a label
 * Stockroom does not know is linked to the right one of two records of the same
 * name (Enter alone does not pick one), the count is submitted, and its count
 * sheet is in the Outbox — downloaded again after going elsewhere and after the
 * host restarted, every row checked against the vendor's data.
 */
export function countSheetFlow(flow: CountSheetFlow): void {
  describe.skipIf(!availability.run)(flow.title, () => {
    let vendor: RunningVendor
    let host: RunningHost
    let browser: Browser
    let root: string
    const dirs = () => ({ dataDir: join(root, 'data'), keyDir: join(root, 'keys') })
    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'stockroom-sheet-'))
      vendor = await startVendor(flow.vendorArgs)
      host = await startHost({ env: { STOCKROOM_NO_DEMO: '1' }, ...dirs() })
      browser = await launchBrowser()
    })
    afterAll(async () => {
      await browser?.close()
      await host?.stop()
      await vendor?.stop()
      await rm(root, { recursive: true, force: true })
    })

    it('links a label to the right look-alike, submits, and keeps the sheet in the Outbox', async () => {
      const records = flow.records()
      // Two records of one name at the place: the look-alikes a label must be told between.
      const byName = new Map<string, VendorRecord[]>()
      for (const r of records) byName.set(r.name, [...(byName.get(r.name) ?? []), r])
      const pair = [...byName.values()].find((rs) => rs.length >= 2)
      expect(pair, 'the fake has two stocked records of one name at one place').toBeDefined()
      const target = pair![1]!
      const place = flow.place(records, target)
      const byId = new Map(records.map((r) => [r.vendorId, r]))

      const page = await openApp(browser, host.url)
      await addConnectionThroughUi(page, {
        system: flow.system,
        name: 'Plant',
        url: vendor.url,
        apiKey: vendor.apiKey,
        ...(vendor.login && { login: vendor.login })
      })
      await expect
        .poll(() => page.getByTestId(`sync-${flow.lastResource}`).textContent(), { timeout: 120_000 })
        .toMatch(/^up to date/)
      expect(await page.getByText('Notify me when items run low here').count()).toBe(
        flow.lowStockOption ? 1 : 0
      )
      await flow.afterSync?.(page)

      // Count: the place's label starts the count there.
      await page.keyboard.press('Alt+2')
      await expect.poll(() => page.getByTestId('count-start').count()).toBe(1)
      const started = await nextBanner(page, 0, () => scan(page, place.label))
      expect(started.status).toBe('switched')
      await expect.poll(() => page.getByTestId('count-session').count(), { timeout: 30_000 }).toBe(1)

      // An unknown label: the pick. Typing the name and Enter does not link the first look-alike.
      const unknown = await nextBanner(page, started.seq, () => scan(page, LABEL))
      expect(unknown.status).toBe('unknown')
      await expect.poll(() => page.getByTestId('pick-search').count()).toBe(1)
      // At a person's pace: keys a few ms apart would be a scanner's burst.
      await page.keyboard.type(target.name, { delay: 80 })
      const row = page.locator(`[data-testid="pick-row"][data-ref]`).filter({ hasText: target.name })
      await expect.poll(() => row.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('pick-tie').count()).toBe(1)
      expect(await page.getByTestId('count-line').count()).toBe(0)
      await dismissNotices(page)
      if (flow.screenshots.pick) await screenshot(page, flow.screenshots.pick)
      // The person chooses the right one by what is shown beside its name, and links it.
      const choice = page
        .getByTestId('pick-row')
        .filter({ hasText: target.name })
        .filter({ has: page.locator(`[data-testid="item-ref"]`, { hasText: target.ref }) })
      const linked = await nextBanner(page, unknown.seq, async () => {
        await tabToAndEnter(page, choice.getByTestId('link-item'))
      })
      expect(linked.status).toBe('counted')
      // Its next scan counts it directly.
      const again = await nextBanner(page, linked.seq, () => scan(page, LABEL))
      expect(again.status).toBe('counted')
      await expect.poll(() => page.getByTestId('count-line').count()).toBe(1)
      expect(await page.getByTestId('count-line').first().getAttribute('data-counted')).toBe('2')
      await dismissNotices(page)
      if (flow.screenshots.count) await screenshot(page, flow.screenshots.count)

      // Review and submit.
      await enterOn(page, 'count-review-button')
      await expect.poll(() => page.getByTestId('review-row').count()).toBe(1)
      await enterOn(page, 'submit-count')
      await expect.poll(() => page.getByTestId('confirm-submit').count()).toBe(1)
      await enterOn(page, 'confirm-submit')
      await expect.poll(() => page.getByTestId('submit-result').getAttribute('data-outcome')).toBe('exported')

      // The sheet, from the Outbox: every row is a vendor record, checked against the vendor's data.
      const check = (sheet: Awaited<ReturnType<typeof downloadAgain>>) => {
        expect(sheet.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
        expect(sheet.name).toMatch(/^count-[a-z0-9-]{1,24}-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/)
        const [header, ...lines] = sheet.rows
        expect(header?.slice(0, 3)).toEqual(['vendor id', 'SKU or part number', 'name'])
        expect(lines).toHaveLength(1)
        for (const line of lines) {
          const record = byId.get(line[0]!)
          expect(record, `the row names a record of the vendor: ${line[0]}`).toBeDefined()
          expect([line[2], line[6], Number(line[8]), Number(line[9]), Number(line[10])]).toEqual([
            record!.name,
            place.name,
            record!.onHand,
            2,
            2 - record!.onHand
          ])
          expect(line[0]).toBe(target.vendorId)
        }
      }
      const first = await downloadAgain(page)
      check(first)
      await dismissNotices(page)
      if (flow.screenshots.outbox) await screenshot(page, flow.screenshots.outbox)

      // After going elsewhere and back.
      await page.keyboard.press('Alt+1')
      await page.keyboard.press('Alt+2')
      const second = await downloadAgain(page)
      expect(second.bytes.equals(first.bytes)).toBe(true)

      // After the host restarts (same data, same origin), the page reloaded.
      const before = host.url
      await host.stop()
      host = await startHost({ env: { STOCKROOM_NO_DEMO: '1' }, ...dirs() })
      expect(host.url).toBe(before)
      await page.reload()
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
      const third = await downloadAgain(page)
      check(third)
      expect(third.bytes.equals(first.bytes)).toBe(true)

      // The person marks it keyed in.
      await enterOn(page, 'count-sheet-keyed')
      await expect
        .poll(() => page.locator('[data-kind="count-sheet"]').getAttribute('data-state'))
        .toBe('done')
      await page.close()
    })
  })
}
