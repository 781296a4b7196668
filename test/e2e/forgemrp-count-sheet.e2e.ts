import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateForge } from '../../src/main/fakes/forgemrp/generate'
import { readCsv } from '../../src/shared/csv/csv'
import {
  addConnectionThroughUi,
  e2eAvailability,
  launchBrowser,
  openApp,
  screenshot,
  startHost,
  startVendor,
  type RunningHost,
  type RunningVendor
} from './harness'
import { nextBanner, scan } from './scanner'

const availability = e2eAvailability()
const SEED = 31
const SIZE = 400
const LABEL = '4006381333931'

/** Presses Enter on a control, as a person who reached it with the keyboard does. */
async function enterOn(page: Page, testId: string) {
  await page.getByTestId(testId).first().focus()
  await page.keyboard.press('Enter')
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
 * A count at a ForgeMRP place, keyboard and scanner only after the connection is
 * added: a label Stockroom does not know is linked to the right one of two items
 * of the same description, the count is submitted, and its count sheet is in the
 * Outbox — downloaded again after going elsewhere and after the host restarted,
 * every row checked against the vendor's data.
 */
describe.skipIf(!availability.run)('a ForgeMRP count sheet', () => {
  let vendor: RunningVendor
  let host: RunningHost
  let browser: Browser
  let root: string
  const dirs = () => ({ dataDir: join(root, 'data'), keyDir: join(root, 'keys') })
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'stockroom-sheet-'))
    vendor = await startVendor(['--vendor', 'forgemrp', '--size', String(SIZE), '--seed', String(SEED)])
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
    const data = generateForge({ seed: SEED, size: SIZE, now: () => new Date() })
    // Two items of one description at one place: the look-alikes a label must be told between.
    const groups = new Map<string, string[]>()
    for (const i of data.inventory.values())
      if (i.location)
        groups.set(`${i.description}@${i.location}`, [
          ...(groups.get(`${i.description}@${i.location}`) ?? []),
          i.id
        ])
    const pair = [...groups.values()].find((ids) => ids.length >= 2)
    expect(pair, 'the fake has two items of one description at one place').toBeDefined()
    const target = data.inventory.get(pair![1]!)!
    const place = target.location!

    const page = await openApp(browser, host.url)
    await addConnectionThroughUi(page, {
      system: 'ForgeMRP',
      name: 'Machine shop',
      url: vendor.url,
      apiKey: vendor.apiKey
    })
    await expect
      .poll(() => page.getByTestId('sync-purchase_orders').textContent(), { timeout: 90_000 })
      .toMatch(/^up to date/)

    // Count: the place's label starts the count there.
    await page.keyboard.press('Alt+2')
    await expect.poll(() => page.getByTestId('count-start').count()).toBe(1)
    const started = await nextBanner(page, 0, () => scan(page, place))
    expect(started.status).toBe('switched')
    await expect.poll(() => page.getByTestId('count-session').count(), { timeout: 30_000 }).toBe(1)

    // An unknown label: the pick. Typing the description and Enter does not link the first look-alike.
    const unknown = await nextBanner(page, started.seq, () => scan(page, LABEL))
    expect(unknown.status).toBe('unknown')
    await expect.poll(() => page.getByTestId('pick-search').count()).toBe(1)
    await page.keyboard.type(target.description)
    await expect
      .poll(() => page.locator(`[data-testid="pick-row"][data-ref="${target.id}"]`).count(), {
        timeout: 30_000
      })
      .toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('pick-tie').count()).toBe(1)
    expect(await page.getByTestId('count-line').count()).toBe(0)
    const rows = page.getByTestId('pick-row')
    expect(await rows.filter({ hasText: target.description }).count()).toBeGreaterThanOrEqual(2)
    await screenshot(page, 'forgemrp-pick-look-alikes')
    // The person chooses the right one (its id shown beside the name) and links it.
    const linked = await nextBanner(page, unknown.seq, async () => {
      await page
        .locator(`[data-testid="pick-row"][data-ref="${target.id}"] [data-testid="link-item"]`)
        .focus()
      await page.keyboard.press('Enter')
    })
    expect(linked.status).toBe('counted')
    // Its next scan counts it directly.
    const again = await nextBanner(page, linked.seq, () => scan(page, LABEL))
    expect(again.status).toBe('counted')
    await expect.poll(() => page.getByTestId('count-line').count()).toBe(1)
    expect(await page.getByTestId('count-line').first().textContent()).toContain(target.id)

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
      expect(header).toEqual([
        'vendor id',
        'SKU or part number',
        'name',
        'detail',
        'lot',
        'location code',
        'location',
        'unit',
        'expected',
        'counted',
        'difference',
        'counted by',
        'counted at'
      ])
      expect(lines).toHaveLength(1)
      for (const row of lines) {
        const record = data.inventory.get(row[0]!)!
        expect(record, `row names a ForgeMRP record: ${row[0]}`).toBeDefined()
        expect([row[2], row[6], Number(row[8]), Number(row[9]), Number(row[10])]).toEqual([
          record.description,
          record.location,
          record.quantityOnHand,
          2,
          2 - record.quantityOnHand
        ])
        expect(row[0]).toBe(target.id)
      }
    }
    const first = await downloadAgain(page)
    check(first)
    await screenshot(page, 'outbox-count-sheet')

    // After going elsewhere and back.
    await page.keyboard.press('Alt+1')
    await page.keyboard.press('Alt+2')
    const second = await downloadAgain(page)
    check(second)
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

    // The person marks it keyed in; Activity links to it.
    await enterOn(page, 'count-sheet-keyed')
    await expect.poll(() => page.locator('[data-kind="count-sheet"]').getAttribute('data-state')).toBe('done')
    await page.close()
  })
})
