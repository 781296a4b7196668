import { existsSync } from 'node:fs'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { e2eAvailability, openApp, screenshot } from './harness'
import { useApp } from './vendor-app'

const availability = e2eAvailability()
if (!availability.run) console.warn(`Skipping E2E: ${availability.reason}`)

describe.skipIf(!availability.run)('app shell in Chromium through the web host', () => {
  const app = useApp()

  it('opens the AppShell and navigates every section', async () => {
    const page = await openApp(app.browser, app.host.url)
    await expect.poll(() => page.getByTestId('status-online').textContent()).toBe('Online')
    expect(await page.getByTestId('status-pending').textContent()).toBe('All writes sent')
    // The app asked the browser to keep its storage under disk pressure (the answer is the browser's).
    await expect
      .poll(() => page.locator('body').getAttribute('data-storage-persisted'))
      .toMatch(/^(true|false)$/)
    for (const [section, title] of [
      ['items', 'Items'],
      ['count', 'Count'],
      ['tasks', 'Tasks'],
      ['outbox', 'Outbox'],
      ['connections', 'Connections'],
      ['activity', 'Activity'],
      ['labels', 'Labels']
    ] as const) {
      await page.locator(`[data-section="${section}"]`).click()
      await expect.poll(() => page.getByTestId('screen-title').textContent()).toBe(title)
      expect(existsSync(await screenshot(page, `shell-${section}`))).toBe(true)
    }
    await page.close()
  })

  it('switches to the dark theme', async () => {
    const page = await openApp(app.browser, app.host.url)
    await page.getByRole('button', { name: 'Toggle colour theme' }).click()
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark')
    await screenshot(page, 'shell-dark')
    await page.close()
  })

  it('adds a connection, shows field errors from main, and never renders the key', async () => {
    const page = await openApp(app.browser, app.host.url)
    await page.locator('[data-section="connections"]').click()
    await page.getByRole('button', { name: 'Add connection' }).click()
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    await expect.poll(() => page.getByText('Give the connection a name').count()).toBe(1)
    await page.getByLabel('Name').fill('Main warehouse')
    await page.getByLabel('API address').fill('http://127.0.0.1:9/api/v1')
    await page.getByLabel('API key', { exact: true }).fill('fb_secret_should_not_render')
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    await expect.poll(() => page.getByTestId('connection-card').count()).toBe(1)
    expect(await page.content()).not.toContain('fb_secret_should_not_render')
    await screenshot(page, 'connections-added')

    // More connections than the screen holds: each new one, listed last, is brought into view.
    const inView = (card: Locator) =>
      card.evaluate((el) => {
        const r = el.getBoundingClientRect()
        return r.top >= 0 && r.bottom <= window.innerHeight
      })
    for (let n = 2; n <= 5; n++) {
      await page.getByRole('button', { name: 'Add connection' }).click()
      await page.getByLabel('Name').fill(`Store ${n}`)
      await page.getByLabel('API address').fill('http://127.0.0.1:9/api/v1')
      await page.getByLabel('API key', { exact: true }).fill('fb_another_key')
      await page.getByRole('button', { name: 'Connect', exact: true }).click()
      await expect.poll(() => page.getByTestId('connection-card').count()).toBe(n)
      await expect.poll(() => inView(page.getByTestId('connection-card').last())).toBe(true)
    }
    // The list is taller than the screen: the first card has gone out of view above.
    expect(await inView(page.getByTestId('connection-card').first())).toBe(false)
    await page.close()
  })

  it('a malformed call from the page gets a validation error over the same transport', async () => {
    const page = await openApp(app.browser, app.host.url)
    const reply = await page.evaluate(async () => {
      const { host } = (globalThis as unknown as { location: { host: string } }).location
      // As the app does: the launch secret comes from the page the host served.
      const secret = document.querySelector<HTMLMetaElement>('meta[name="stockroom-launch"]')?.content ?? ''
      const ws = new WebSocket(`ws://${host}/host?launch=${encodeURIComponent(secret)}`)
      await new Promise((r) => (ws.onopen = r))
      // Events (connection changes, online state) share the socket: wait for this call's result.
      const answer = new Promise<string>(
        (r) =>
          (ws.onmessage = (m) => {
            const frame = JSON.parse(String(m.data)) as { kind?: string; id?: number }
            if (frame.kind === 'result' && frame.id === 1) r(String(m.data))
          })
      )
      ws.send(JSON.stringify({ kind: 'call', id: 1, name: 'app:setSettings', payload: { theme: 'neon' } }))
      return JSON.parse(await answer) as {
        result: { ok: boolean; error?: { code: string; message: string } }
      }
    })
    expect(reply.result.ok).toBe(false)
    expect(reply.result.error?.code).toBe('invalid-request')
    expect(reply.result.error?.message).toContain('theme')
    await page.close()
  })
})
