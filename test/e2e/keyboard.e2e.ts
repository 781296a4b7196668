import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { generateInventora } from '../../src/main/fakes/inventora/generate'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot } from './harness'
import { useVendorApp } from './vendor-app'
import { scan } from './scanner'
import { watchPointer } from './dock'
import { seriousAxeViolations } from './axe'

const availability = e2eAvailability()
const SEED = 31
const SIZE = 120

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      tag: el?.tagName ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      section: el?.dataset.section ?? '',
      testId: el?.dataset.testid ?? '',
      outline: el ? getComputedStyle(el).outlineStyle : ''
    }
  })

describe.skipIf(!availability.run)('the app without a mouse', () => {
  const app = useVendorApp(['--vendor', 'inventora', '--size', String(SIZE), '--seed', String(SEED)])
  let page: Page
  const data = generateInventora({ seed: SEED, size: SIZE, now: () => new Date() })

  /** A app.browser on a synced Inventora connection, set up once for the tests below. */
  let connected: Promise<Page> | undefined
  const ready = () =>
    (connected ??= (async () => {
      page = await openApp(app.browser, app.host.url)
      await addConnectionThroughUi(page, {
        system: 'Inventora',
        name: 'Workshop',
        url: app.vendor.url,
        apiKey: app.vendor.apiKey
      })
      await expect
        .poll(() => page.getByTestId('sync-tasks').textContent(), { timeout: 90_000 })
        .toMatch(/^up to date/)
      return page
    })())

  it('reaches every screen, list row and dialog with keys alone, focus always shown', async () => {
    await ready()
    const pointer = await watchPointer(page)
    await page.keyboard.press('Alt+1')
    await expect.poll(() => page.getByTestId('screen-title').textContent()).toBe('Items')

    // Tab walks from the header into the side menu: every section is a stop.
    await page.evaluate(() =>
      document.querySelector<HTMLElement>('header [aria-label="Keyboard shortcuts"]')?.focus()
    )
    const sections = new Set<string>()
    for (let i = 0; i < 20 && sections.size < 7; i++) {
      await page.keyboard.press('Tab')
      const f = await focused(page)
      if (f.section) {
        sections.add(f.section)
        expect(f.outline).not.toBe('none')
      }
    }
    expect([...sections].sort()).toEqual([
      'activity',
      'connections',
      'count',
      'items',
      'labels',
      'outbox',
      'tasks'
    ])

    // A shortcut for every screen, and the `?` list names them all.
    for (const [key, title] of [
      ['Alt+2', 'Count'],
      ['Alt+3', 'Tasks'],
      ['Alt+4', 'Outbox'],
      ['Alt+5', 'Connections'],
      ['Alt+6', 'Activity'],
      ['Alt+7', 'Labels'],
      ['Alt+1', 'Items']
    ] as const) {
      await page.keyboard.press(key)
      await expect.poll(() => page.getByTestId('screen-title').textContent()).toBe(title)
    }
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-section="items"]')?.focus())
    await page.keyboard.press('Shift+?')
    const list = page.getByTestId('shortcut-list')
    await expect.poll(() => list.count()).toBe(1)
    for (const title of ['Items', 'Count', 'Tasks', 'Outbox', 'Connections', 'Activity'])
      expect(await list.textContent()).toContain(title)
    // Each key in its own cap: "Tab / Shift + Tab", not a cap reading "Tab / Shift".
    const tabRow = page.getByTestId('shortcut-keys').filter({ hasText: 'Shift' })
    expect(await tabRow.textContent()).toBe('Tab / Shift + Tab')
    expect(await tabRow.locator('kbd').allTextContents()).toEqual(['Tab', 'Shift', 'Tab'])
    await page.keyboard.press('Escape')
    await expect.poll(() => list.count()).toBe(0)

    // Rows of a list take focus; arrows move; Enter opens; Escape closes.
    await page.getByTestId('item-search').focus()
    await page.keyboard.press('Tab')
    expect((await focused(page)).testId).toBe('item-row')
    const first = (await focused(page)).text
    await page.keyboard.press('ArrowDown')
    const second = await focused(page)
    expect(second.testId).toBe('item-row')
    expect(second.text).not.toBe(first)
    expect(second.outline).not.toBe('none')
    // One Tab stop for the whole list: Tab leaves it, Shift+Tab comes back to the row last focused.
    expect(await page.locator('[data-testid="item-row"][tabindex="0"]').count()).toBe(1)
    await page.keyboard.press('Tab')
    expect((await focused(page)).testId).not.toBe('item-row')
    await page.keyboard.press('Shift+Tab')
    expect((await focused(page)).text).toBe(second.text)
    // The last row, reached with End, stands above the status bar, not behind it.
    await page.keyboard.press('End')
    const bottom = await page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom)
    const bar = await page.getByTestId('status-bar').evaluate((el) => el.getBoundingClientRect().top)
    expect(bottom).toBeLessThanOrEqual(bar)
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('item-detail').count()).toBe(0)

    // Tasks: the same with its rows.
    await page.keyboard.press('Alt+3')
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(0)
    await page.getByRole('textbox', { name: 'Search tasks' }).focus()
    await page.keyboard.press('Tab')
    expect((await focused(page)).testId).toBe('task-row')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('task-detail').count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('task-detail').count()).toBe(0)

    // Ctrl+K finds an item by name and opens it; a screen by its name.
    const item = [...data.products.values()].find((r) => r.name.length > 6)!
    await page.keyboard.press('Control+k')
    const search = page.getByRole('textbox', { name: 'Search items, tasks and screens' })
    await expect.poll(() => search.count()).toBe(1)
    await search.fill(item.name)
    const hit = page.getByRole('button', {
      name: new RegExp(item.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    })
    await expect.poll(() => hit.count()).toBeGreaterThan(0)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('screen-title').textContent()).toBe('Items')
    await expect.poll(() => page.getByRole('dialog', { name: item.name }).count()).toBe(1)
    await page.keyboard.press('Escape')

    expect(await pointer()).toBe(0)
  })

  it('opens screens on what people need: a scanned item, a slip in a name, a refused scan said aloud', async () => {
    await ready()
    const withEan = [...data.products.values()].find((p) => p.ean)!
    await page.keyboard.press('Alt+5')
    await page.keyboard.press('Alt+1')
    // The total is there on arrival, not after a pause.
    await expect
      .poll(() => page.getByTestId('screen-subtitle').textContent(), { timeout: 1_500, interval: 100 })
      .toMatch(/^[1-9][\d,]* items across 1 connection/)
    // And on the next visit it is in the very first frame of the screen: nothing is counted first.
    await page.keyboard.press('Alt+5')
    const firstFrame = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector('[data-testid="screen-title"]')?.textContent !== 'Items') return
            observer.disconnect()
            resolve(document.querySelector('[data-testid="screen-subtitle"]')?.textContent ?? '')
          })
          observer.observe(document.body, { subtree: true, childList: true, characterData: true })
          document.querySelector<HTMLElement>('[data-section="items"]')!.click()
        })
    )
    expect(firstFrame).toMatch(/^[1-9][\d,]* items across 1 connection/)

    await scan(page, withEan.ean!)
    await expect.poll(() => page.getByRole('dialog', { name: withEan.name }).count()).toBe(1)
    expect(await page.locator('html').getAttribute('data-tone')).toMatch(/^ok:/)
    expect(await page.getByTestId('item-facts').textContent()).toContain('On hand')
    await page.keyboard.press('Escape')

    // One letter dropped from a long word of a name still finds it.
    const long = [...data.products.values(), ...data.materials.values()]
      .flatMap((r) => r.name.split(/[^A-Za-z]+/).map((w) => ({ r, w })))
      .find(({ w }) => w.length >= 8)!
    const slip = long.w.slice(0, 3) + long.w.slice(4)
    await page.getByTestId('item-search').fill(slip)
    await expect
      .poll(() => page.getByTestId('item-row').filter({ hasText: long.r.name }).count())
      .toBeGreaterThan(0)

    // Nothing on hand reads "0", in red: never an empty cell beside "low".
    const empty = [...data.products.values(), ...data.materials.values()].find(
      (r) => Object.values(r.stock).reduce((n, q) => n + q, 0) === 0 && r.sku !== ''
    )
    if (!empty) throw new Error('the dataset has no item with nothing on hand')
    await page.getByTestId('item-search').fill(empty.sku)
    const cell = page
      .getByTestId('item-row')
      .filter({ hasText: empty.name })
      .first()
      .getByTestId('item-on-hand')
    await expect.poll(() => cell.textContent()).toBe('0')
    const matches = await page.getByTestId('item-row').count()
    expect(await page.getByTestId('item-match-count').textContent()).toBe(
      `${matches} item${matches === 1 ? ' matches' : 's match'}, best match first.`
    )
    expect(await cell.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700')

    // A scan that is not a barcode says why, with the error sound, on every screen.
    for (const key of ['Alt+1', 'Alt+3', 'Alt+4']) {
      await page.keyboard.press(key)
      const before = await page.locator('html').getAttribute('data-tone')
      await scan(page, '4006381333932')
      await expect.poll(() => page.locator('html').getAttribute('data-tone')).not.toBe(before)
      expect(await page.locator('html').getAttribute('data-tone')).toMatch(/^error:/)
      await expect.poll(() => page.getByText('Not a valid barcode').count()).toBeGreaterThan(0)
    }
    expect(await page.getByTestId('no-match').count()).toBe(0)

    // Tasks: the words agree with the bar.
    await page.keyboard.press('Alt+3')
    const made = await page.getByTestId('task-list').textContent()
    expect(made).not.toMatch(/lines done/)
    expect(made).toMatch(/% made|Not started|made/)
  })

  it('passes axe on every screen in both themes with no serious violation, and is drawn at floor size in both themes and widths', async () => {
    await ready()
    await page.keyboard.press('Alt+1')
    await page.getByTestId('floor-everywhere').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.getByTestId('floor-everywhere').isChecked()).toBe(true)
    const screens = ['items', 'count', 'tasks', 'outbox', 'connections', 'activity', 'labels']
    const serious: string[] = []
    for (const [i, screen] of screens.entries()) {
      await page.keyboard.press(`Alt+${i + 1}`)
      await expect.poll(() => page.getByTestId('screen-title').count()).toBe(1)
      // Floor density: body text and every control large enough for a gloved hand.
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll<HTMLElement>(
            'main button, main input, main [tabindex="0"], nav button'
          )
        ]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ el, box: (el.closest('label') ?? el).getBoundingClientRect() }))
          .filter(({ box }) => box.width > 1 && box.height > 1 && box.height < 43.5)
          .map(
            ({ el, box }) =>
              `${el.tagName} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.height)}px`
          )
      )
      expect(small, screen).toEqual([])
    }

    // Notices raised by the tests above are dismissed (by their own buttons) so the screens show.
    await page.evaluate(() =>
      document.querySelectorAll<HTMLElement>('.mantine-Notification-closeButton').forEach((b) => b.click())
    )
    await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0)
    for (const [w, h] of [
      [1024, 768],
      [1366, 768]
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.evaluate(
          (s) => document.documentElement.setAttribute('data-mantine-color-scheme', s),
          scheme
        )
        for (const [i, screen] of screens.entries()) {
          await page.keyboard.press(`Alt+${i + 1}`)
          await expect.poll(() => page.getByTestId('screen-title').count()).toBe(1)
          await screenshot(page, `floor-${screen}-${w}x${h}-${scheme}`)
          // axe on every screen in each theme (at the floor PC's width), once the theme's transitions end.
          if (w === 1024 && screen === 'tasks') {
            // The task list fits the floor PC's width: nothing scrolls sideways, no name runs past two lines.
            const fit = await page.getByTestId('task-list').evaluate((t) => ({
              right: Math.round(t.getBoundingClientRect().right),
              tallestName: Math.max(
                ...[...t.querySelectorAll('[data-testid="task-name"]')].map(
                  (n) => n.getBoundingClientRect().height
                )
              ),
              line: parseFloat(getComputedStyle(t.querySelector('[data-testid="task-name"]')!).lineHeight)
            }))
            expect(fit.right).toBeLessThanOrEqual(1024)
            expect(fit.tallestName).toBeLessThanOrEqual(fit.line * 2 + 1)
          }
          if (w === 1024) {
            let found: string[] = []
            await expect
              .poll(async () => (found = await seriousAxeViolations(page)), { timeout: 5_000 })
              .toEqual([])
              .catch(() => undefined)
            serious.push(...found.map((f) => `${screen} (${scheme}) ${f}`))
          }
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 })
    expect(serious).toEqual([])
  })

  it('runs a whole count and a batch, start to submit, with the keyboard and the scanner alone', async () => {
    await ready()
    const pointer = await watchPointer(page)
    const press = async (testId: string, key = 'Enter') => {
      await page.getByTestId(testId).focus()
      await page.keyboard.press(key)
    }
    const place = data.locations[0]!
    const open = [...data.tasks.values()].filter((t) => !t.deleted && t.status !== 'done')
    const makers = (id: string) => open.filter((t) => t.items.some((i) => i.resourceId === id))
    const task = open.find((t) => {
      const first = t.items[0]
      return first && data.resource(first.resourceId)?.ean && makers(first.resourceId).length === 1
    })!
    const product = data.resource(task.items[0]!.resourceId)!
    const other = [...data.products.values()].find((p) => p.ean && p.id !== product.id)!

    // Count: pick the place by typing, start, scan, review, submit.
    await page.keyboard.press('Alt+2')
    await page.getByTestId('count-location').focus()
    await page.keyboard.type(place.name)
    // The list follows what was typed (later on a busy PC): the first choice is then the place.
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain(place.name)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('count-location-stock').count()).toBe(1)
    await press('count-start-button')
    await expect.poll(() => page.getByTestId('count-session').count()).toBe(1)
    for (const code of [product.ean!, other.ean!, product.ean!]) await scan(page, code)
    await expect.poll(() => page.getByTestId('count-line').count()).toBe(2)
    // Ctrl+Z in a field takes back the last scan, and the scan again puts it back.
    await page.getByTestId('count-quantity').focus()
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('scan-banner').getAttribute('data-status')).toBe('undone')
    await page.keyboard.press('Escape')
    await scan(page, product.ean!)
    await expect.poll(() => page.getByTestId('scan-banner').getAttribute('data-status')).toBe('counted')
    // A scan while the Recount dialog is open is refused with the error sound, never counted behind it.
    // (The rescan above has shown on its line: the product counted twice again.)
    await expect.poll(() => page.getByTestId('count-line-counted').allTextContents()).toContain('2')
    const countedBefore = await page.getByTestId('count-line-counted').allTextContents()
    await page.getByTestId('line-menu').first().focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('menuitem', { name: 'Recount…' }).count()).toBe(1)
    await page.getByRole('menuitem', { name: 'Recount…' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('recount-quantity').count()).toBe(1)
    const tone = (await page.evaluate(() => document.documentElement.dataset.tone)) ?? ''
    await scan(page, other.ean!)
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.tone)).toMatch(/^error:/)
    expect(await page.evaluate(() => document.documentElement.dataset.tone)).not.toBe(tone)
    expect(await page.getByTestId('count-line-counted').allTextContents()).toEqual(countedBefore)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('recount-quantity').count()).toBe(0)
    await press('count-review-button')
    await expect.poll(() => page.getByTestId('review-row').count()).toBe(2)
    await press('submit-count')
    await press('confirm-submit')
    await expect.poll(() => page.getByTestId('submit-result').count(), { timeout: 30_000 }).toBe(1)

    // Batch: the product scanned on Tasks opens the one task making it; record 5.
    await page.keyboard.press('Alt+3')
    await expect.poll(() => page.getByTestId('task-row').count()).toBeGreaterThan(0)
    await scan(page, product.ean!)
    await expect.poll(() => page.getByRole('dialog', { name: task.name, exact: true }).count()).toBe(1)
    await page.getByTestId('record-batch').first().focus()
    await page.keyboard.press('Enter')
    await page.getByTestId('batch-quantity').focus()
    await page.keyboard.type('5')
    await press('batch-save')
    await page.keyboard.press('Escape')

    // The batch reaches the vendor: one more on that line, of 5.
    const line = task.items[0]!
    const batches = async () => {
      const t = (await app.vendor.get(`/tasks/${task.id}`)) as {
        Items: { id: number; Batches: { quantity: number }[] }[]
      }
      return t.Items.find((i) => i.id === line.id)!.Batches
    }
    await expect.poll(async () => (await batches()).length, { timeout: 60_000 }).toBe(line.batches.length + 1)
    expect((await batches()).at(-1)!.quantity).toBe(5)
    expect(await pointer()).toBe(0)
  })
})
