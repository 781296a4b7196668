import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * A keyboard-wedge scanner: real keystrokes 3 ms apart, then Enter.
 *
 * Not `page.keyboard.type(code, { delay: 3 })`: Playwright sends each key only after
 * the page has handled the previous one and Chromium stamps it when it arrives, so on
 * a loaded two-core machine its "3 ms" bursts came out 40–600 ms apart and read as
 * typing. A scanner's keys carry the OS's timestamps however busy the PC is; CDP's
 * `timestamp` gives the same, and sending the burst without waiting between keys
 * delivers it as quickly as a scanner does.
 */
export async function scan(
  page: Page,
  code: string | string[],
  gapMs = 3,
  /** The keys after the first `after` reach the page `ms` late, stamped as the scanner typed them (a busy PC). */
  stall?: { after: number; ms: number }
) {
  const cdp = await page.context().newCDPSession(page)
  const start = Date.now() / 1000
  // Several codes: one scan after another with no pause, each ended by its Enter.
  const keys = (Array.isArray(code) ? code : [code]).flatMap((one) => [
    ...[...one].map((ch) => ({ key: ch, text: ch })),
    { key: 'Enter', text: '\r' }
  ])
  const send = (from: number, to: number) =>
    Promise.all(
      keys.slice(from, to).flatMap(({ key, text }, k) => {
        const timestamp = start + ((from + k) * gapMs) / 1000
        const enter = key === 'Enter' ? { code: 'Enter', windowsVirtualKeyCode: 13 } : {}
        return [
          cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text, timestamp, ...enter }),
          cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, timestamp: timestamp + 0.001, ...enter })
        ]
      })
    )
  const split = stall?.after ?? keys.length
  await send(0, split)
  if (stall) {
    await new Promise((r) => setTimeout(r, stall.ms))
    await send(split, keys.length)
  }
  await cdp.detach()
}

/** Waits for the banner of the next scan (every scan or undo bumps its sequence number). */
export async function nextBanner(page: Page, after: number, action: () => Promise<void>) {
  await action()
  const banner = page.getByTestId('scan-banner')
  await expect.poll(async () => Number(await banner.getAttribute('data-seq'))).toBeGreaterThan(after)
  return {
    status: await banner.getAttribute('data-status'),
    seq: Number(await banner.getAttribute('data-seq'))
  }
}

/** The counted quantity a count line shows for a SKU. */
export const counted = (page: Page, sku: string) =>
  page
    .locator(`[data-testid="count-line"][data-sku="${sku}"] [data-testid="count-line-counted"]`)
    .textContent()

/**
 * Reloads the app recording, in the page, in the order they happen, every committed
 * write of count events (the IndexedDB transaction's `complete`) and every tone played.
 */
export async function recordCommitsAndTones(page: Page) {
  await page.context().addInitScript(() => {
    const log: string[] = []
    Object.assign(window, { __commitsAndTones: log })
    const open = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
      const tx = open.apply(this, args)
      if (tx.mode === 'readwrite' && tx.objectStoreNames.contains('countEvents'))
        tx.addEventListener('complete', () => log.push('commit'))
      return tx
    } as typeof open
    document.addEventListener('DOMContentLoaded', () =>
      new MutationObserver(() =>
        log.push(`tone ${document.documentElement.dataset.tone?.split(':')[0]}`)
      ).observe(document.documentElement, { attributes: true, attributeFilter: ['data-tone'] })
    )
  })
  await page.reload()
  await page.waitForSelector('body[data-ready="true"]')
}

/** Each `ok` tone recorded so far, with whether a count write had committed since the tone before it. */
export async function tonesAfterCommits(page: Page): Promise<{ tone: string; committed: boolean }[]> {
  const log = await page.evaluate(
    () => (window as unknown as { __commitsAndTones: string[] }).__commitsAndTones
  )
  const tones: { tone: string; committed: boolean }[] = []
  let committed = false
  for (const entry of log) {
    if (entry === 'commit') committed = true
    else {
      tones.push({ tone: entry, committed })
      committed = false
    }
  }
  return tones
}
