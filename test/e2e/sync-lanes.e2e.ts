import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

const availability = e2eAvailability()

describe.skipIf(!availability.run)('a connection waiting for its budget holds up no other', () => {
  let figgro: RunningVendor
  let frostbyte: RunningVendor
  let host: RunningHost
  let browser: Browser

  beforeAll(async () => {
    // About 35 pages against 20 requests a minute: Figgro's budget runs out half-way through its pass.
    figgro = await startVendor([
      '--vendor',
      'figgro',
      '--size',
      '600',
      '--seed',
      '31',
      '--requests-per-minute',
      '20',
      '--window-seconds',
      '60'
    ])
    frostbyte = await startVendor(['--vendor', 'frostbyte', '--size', '300', '--seed', '8'])
    host = await startHost({ env: { STOCKROOM_NO_DEMO: '1' } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    await frostbyte?.stop()
    await figgro?.stop()
  })

  it('the status bar names the waiting connection and its resume time while the other is up to date', async () => {
    const page = await openApp(browser, host.url)
    // Figgro first: before, every other connection synced after it, so waited with it.
    await addConnectionThroughUi(page, {
      system: 'Figgro',
      name: 'Figgro plant',
      url: figgro.url,
      apiKey: figgro.apiKey
    })
    await addConnectionThroughUi(page, {
      system: 'Frostbyte Pro',
      name: 'Frostbyte shop',
      url: frostbyte.url,
      apiKey: frostbyte.apiKey
    })
    const status = page.getByTestId('status-last-sync')
    // Signals of the app, with room for a busy PC: Figgro parks within its first window, and
    // Frostbyte's whole pass of 300 products ends while Figgro waits.
    await expect
      .poll(() => status.textContent(), { timeout: 60_000 })
      .toMatch(
        /^Figgro plant waits for its request budget until \d\d:\d\d(\s?[AP]M)? · Frostbyte shop up to date$/
      )
    const figgroCard = page.getByTestId('connection-card').filter({ hasText: 'Figgro plant' })
    const lane = figgroCard.getByTestId('lane-state')
    await expect.poll(() => lane.textContent()).toMatch(/^Waits for its request budget until /)
    const until = Number(await lane.getAttribute('data-until'))
    expect(until).toBeGreaterThan(Date.now())
    expect(until - Date.now()).toBeLessThan(75_000) // within the vendor's one-minute window
    // The clock time shown is that instant, in this PC's format.
    const shown = await page.evaluate(
      (at) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
      until
    )
    expect(await status.textContent()).toContain(`until ${shown}`)
    // Frostbyte is really done: its products are in the replica's up-to-date lines.
    const frostbyteCard = page.getByTestId('connection-card').filter({ hasText: 'Frostbyte shop' })
    expect(await frostbyteCard.getByTestId('sync-products').textContent()).toMatch(/^up to date/)
    await screenshot(page, 'sync-lanes-figgro-waits')

    // Sync now on the waiting connection says when it will run instead of asking the vendor again.
    await figgroCard.getByRole('button', { name: 'Sync now: Figgro plant' }).click()
    await expect
      .poll(() => page.getByText('Figgro plant waits for its request budget', { exact: true }).count())
      .toBeGreaterThan(0)
  }, 150_000)
})
