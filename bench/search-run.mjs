// The search part of bench/scan.mjs: queries typed key by key into the Items search, as a person types
// (no faster than one key per 120 ms), each keystroke timed until the results for the text so far show.
import { summary, takePhases } from './replica-app.mjs'

const TYPING_GAP_MS = 120
const VISITS = 3

/** What people type: a whole word, two words, a SKU, a word with a letter missing, a piece of a word. */
function queriesFrom(plan) {
  const words = plan.names.flatMap((n) => n.split(/[^A-Za-z]+/).filter((w) => w.length >= 4))
  const long = words.filter((w) => w.length >= 8)
  const twoWords = plan.names.map((n) => n.split(' ').slice(0, 2).join(' ')).filter((q) => q.length > 5)
  const slip = (w) => w.slice(0, 3) + w.slice(4)
  return [
    words[0],
    twoWords[1],
    plan.skus[2],
    slip(long[3] ?? long[0]),
    (long[5] ?? long[0]).slice(-5).toLowerCase(),
    words[7]?.toLowerCase(),
    twoWords[9],
    plan.skus[11]?.slice(0, 6)
  ].filter(Boolean)
}

/** ms from the last key's keydown until the results (or "nothing matches") of `text` are on screen. */
const resultsShow = (page, text) =>
  page.evaluate(
    (text) =>
      new Promise((resolve) => {
        const shown = () =>
          [...document.querySelectorAll('[data-testid="item-results"], [data-testid="no-match"]')].some(
            (el) => el.getAttribute('data-query') === text
          )
        const finish = () => {
          observer.disconnect()
          resolve(performance.now() - window.__keyAt)
        }
        const observer = new MutationObserver(() => shown() && finish())
        observer.observe(document.body, { subtree: true, childList: true, attributes: true })
        if (shown()) finish()
        setTimeout(() => {
          observer.disconnect()
          resolve(null)
        }, 5_000)
      }),
    text
  )

/** ms from a click on Items until its header gives the number of items. */
const totalShows = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.now()
        const done = () => {
          const text = document.querySelector('[data-testid="screen-subtitle"]')?.textContent ?? ''
          if (/^[1-9][\d,]* items/.test(text)) {
            observer.disconnect()
            resolve(performance.now() - start)
          }
        }
        const observer = new MutationObserver(done)
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        document.querySelector('[data-section="items"]').click()
        setTimeout(() => {
          observer.disconnect()
          resolve(null)
        }, 10_000)
      })
  )

export async function searchBench(page, plan, profile) {
  const run = profile || ((measure) => measure())
  const totals = []
  for (let i = 0; i < VISITS; i++) {
    await page.locator('[data-section="count"]').click()
    totals.push(await totalShows(page))
  }
  const search = page.getByTestId('item-search')
  await search.waitFor()
  const latencies = []
  let missed = 0
  const queries = queriesFrom(plan)
  await takePhases(page, 'search')
  await run(async () => {
    for (const query of queries) {
      await search.fill('')
      await resultsShow(page, '')
      await search.click()
      for (let k = 1; k <= query.length; k++) {
        const text = query.slice(0, k)
        const shown = resultsShow(page, text)
        const pressed = Date.now()
        await page.keyboard.type(query[k - 1])
        const ms = await shown
        if (ms === null) missed++
        else latencies.push(ms)
        if (process.env.BENCH_VERBOSE)
          console.log(`      ${JSON.stringify(text).padEnd(22)} ${Math.round(ms)} ms`)
        const rest = TYPING_GAP_MS - (Date.now() - pressed)
        if (rest > 0) await new Promise((r) => setTimeout(r, rest))
      }
    }
  })
  return {
    items: plan.count,
    queries,
    keystrokes: latencies.length,
    missed,
    ...summary(latencies),
    phases: await takePhases(page, 'search'),
    totalShownMs: totals.some((t) => t === null) ? null : Math.round(Math.max(...totals))
  }
}
