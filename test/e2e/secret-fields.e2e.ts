import { describe, expect, it } from 'vitest'
import { e2eAvailability, openApp, screenshot } from './harness'
import { useApp } from './vendor-app'
import { scan } from './scanner'

const availability = e2eAvailability()
if (!availability.run) console.warn(`Skipping E2E: ${availability.reason}`)

describe.skipIf(!availability.run)('keys typed at scanner speed into a secret field', () => {
  const app = useApp()

  it('a key a password manager types at 10 ms per key lands in the API-key field and is shown nowhere', async () => {
    const page = await openApp(app.browser, app.host.url)
    await page.locator('[data-section="connections"]').click()
    await page.getByRole('button', { name: 'Add connection' }).click()
    const field = page.getByLabel('API key', { exact: true })
    await field.focus()
    const key = 'fb_live_4006381333931'
    await scan(page, key, 10)
    await expect.poll(() => field.inputValue()).toBe(key)

    // A real scan afterwards, outside the field, is handled (and shown): by then anything the
    // key's keystrokes could have shown would be on screen too.
    await page.getByLabel('Name').focus()
    await page.getByTestId('screen-title').click()
    await scan(page, '4006381333931')
    await expect.poll(() => page.getByText('Unknown code 4006381333931').count()).toBe(1)
    await screenshot(page, 'secret-field-after-scan')
    expect(await field.inputValue()).toBe(key)
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(key)
    // The scan's notice is the only one: the key's keystrokes raised none.
    expect(await page.locator('.mantine-Notification-root').count()).toBe(1)
    await page.close()
  })
})
