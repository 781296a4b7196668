import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/**
 * axe-core's serious and critical violations on the page as it stands, one line each
 * (`rule: targets`), of the whole page or the element `within` selects. Evaluated, not added as a script tag: the page's
 * content-security policy refuses inline scripts.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded)
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'))
  return page.evaluate(async (selector) => {
    type AxeResults = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: Document | Element): Promise<AxeResults> } }).axe
    const r = await axe.run((selector && document.querySelector(selector)) || document)
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, within)
}
