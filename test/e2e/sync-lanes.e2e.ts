import { describe, expect, it } from 'vitest'
import { addConnectionThroughUi, e2eAvailability, openApp, screenshot } from './harness'
import { useApp } from './vendor-app'

const availability = e2eAvailability()

describe.skipIf(!availability.run)('a connection waiting for its budget holds up no other', () => {
  // About 35 pages against 20 requests a minute: Figgro's budget runs out half-way through its pass.
  const app = useApp({
    vendors: [
      [
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
      ],
      ['--vendor', 'frostbyte', '--size', '300', '--seed', '8']
    ]
  })

  it('the status bar names the waiting connection and its resume time while the other is up to date', async () => {
    const page = await openApp(app.browser, app.host.url)
    // Figgro first: before, every other connection synced after it, so waited with it.
    await addConnectionThroughUi(page, {
      system: 'Figgro',
      name: 'Figgro plant',
      url: app.vendors[0]!.url,
      apiKey: app.vendors[0]!.apiKey
    })
    await addConnectionThroughUi(page, {
      system: 'Frostbyte Pro',
      name: 'Frostbyte shop',
      url: app.vendors[1]!.url,
      apiKey: app.vendors[1]!.apiKey
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
