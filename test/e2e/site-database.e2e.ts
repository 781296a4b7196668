import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe'
import { e2eAvailability, openApp, screenshot } from './harness'
import { useApp } from './vendor-app'

const availability = e2eAvailability()
if (!availability.run) console.warn(`Skipping E2E: ${availability.reason}`)

describe.skipIf(!availability.run)('the site database card', () => {
  const app = useApp()

  it('takes a connection string as a secret, says in words that the database is unreachable, and shows the string nowhere', async () => {
    const page = await openApp(app.browser, app.host.url)
    await page.locator('[data-section="connections"]').click()
    const card = page.getByTestId('site-database')
    await expect.poll(() => card.getByTestId('site-state').textContent()).toBe('Not set')
    await expect.poll(() => card.getByText('Connection string not set').count()).toBe(1)

    // Nothing listens on port 1: a site database that cannot be reached.
    const secret = 'postgres://stock:n0t-shown-pw@127.0.0.1:1/stockroom'
    const field = card.getByLabel('Connection string')
    await field.focus()
    await page.keyboard.type(secret)
    await page.keyboard.press('Enter')
    await expect.poll(() => card.getByTestId('site-state').textContent()).toBe('Unreachable')
    await expect.poll(() => card.getByText('Connection string set').count()).toBe(1)
    await expect
      .poll(() => card.getByTestId('site-words').innerText())
      .toMatch(/refused the connection: is PostgreSQL running at that address\? Scanning goes on/)
    // The status bar says it too, one click from the card.
    await expect
      .poll(() => page.getByTestId('status-site').textContent())
      .toMatch(/Site database unreachable — 0 shared changes wait on this PC/)
    expect(await field.inputValue()).toBe('')
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('n0t-shown-pw')
    // The card and the status bar's word on it (the rest of the screen is checked in keyboard.e2e.ts).
    expect(await seriousAxeViolations(page, '[data-testid="site-database"]')).toEqual([])
    expect(await seriousAxeViolations(page, '[data-testid="status-bar"]')).toEqual([])
    await screenshot(page, 'site-database-unreachable')

    // Forget: the PC works on its own again.
    await card.getByRole('button', { name: 'Forget' }).click()
    await expect.poll(() => card.getByTestId('site-state').textContent()).toBe('Not set')
    await expect.poll(() => page.getByTestId('status-site').count()).toBe(0)
    await page.close()
  })
})
