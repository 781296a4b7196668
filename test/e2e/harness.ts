import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'
import type { LedgerEntry } from '../../src/main/fakes/common/types'

export const CHROMIUM_PATH = process.env.STOCKROOM_CHROMIUM ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]
const ROOT = resolve(import.meta.dirname, '..', '..')
export const ARTIFACTS = join(ROOT, 'artifacts', 'screenshots')

/**
 * Whether E2E can run. In CI a missing browser or an unbuilt app is a failure,
 * never a skip; on a developer machine the suite is skipped with the reason.
 */
export function e2eAvailability(): { run: true } | { run: false; reason: string } {
  const missing = !existsSync(CHROMIUM_PATH)
    ? `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`
    : !existsSync(join(ROOT, 'out', 'main', 'web-host.js'))
      ? 'the app is not built (npm run build)'
      : undefined
  if (!missing) return { run: true }
  if (process.env.CI) throw new Error(`E2E cannot run in CI: ${missing}`)
  return { run: false, reason: missing }
}

export interface RunningHost {
  /** The address the host printed, with its access token: the page is served only through it. */
  url: string
  dataDir: string
  output: string[]
  stop(): Promise<void>
  /** `kill -9`: no shutdown of any kind, as a crash or a power cut would stop it. */
  kill(): Promise<void>
}

/**
 * Starts `node out/main/web-host.js` with its own temp data and key dirs (or the
 * given ones, to start a host again on what a killed one left).
 */
export async function startHost(
  opts: { script?: string[]; env?: Record<string, string>; dataDir?: string; keyDir?: string } = {}
): Promise<RunningHost> {
  const root = await mkdtemp(join(tmpdir(), 'stockroom-e2e-'))
  const dataDir = opts.dataDir ?? join(root, 'data')
  const args = opts.script ?? [join(ROOT, 'out', 'main', 'web-host.js')]
  const child = spawn(
    process.execPath,
    [...args, '--port', '0', '--data-dir', dataDir, '--key-dir', opts.keyDir ?? join(root, 'keys')],
    {
      cwd: ROOT,
      // Every status line, so a failed run can print what the host saw (chaos.e2e.ts).
      env: { ...process.env, STOCKROOM_VERBOSE: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  const output: string[] = []
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) output.push(line)
        const m = /Stockroom web host: (http:\/\/\S+)/.exec(line)
        if (m?.[1]) resolveUrl(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`web host exited (${code}):\n${output.join('\n')}`)))
  })
  return {
    url,
    dataDir,
    output,
    stop: async () => {
      await stopChild(child)
      await rm(root, { recursive: true, force: true })
    },
    kill: async () => {
      await stopChild(child, 'SIGKILL')
      await rm(root, { recursive: true, force: true })
    }
  }
}

export type { LedgerEntry }

export interface RunningVendor {
  url: string
  /** The key it prints ('' for a vendor that logs in). */
  apiKey: string
  /** The email and password it prints, for a vendor that logs in. */
  login?: { email: string; password: string }
  /** Connections refused from now on (the vendor is unreachable). */
  cutOff(): Promise<void>
  /** Listening again on the same address, data kept. */
  restore(): Promise<void>
  /** Cut off now (cutOff without restore yet). */
  readonly offline: boolean
  /** Stock adjustments the vendor made (notes and lines as asked), in commit order, from its ledger (Frostbyte). */
  adjustments(): Promise<{ notes?: string | null; lines: unknown[] }[]>
  /** GET a path of the vendor's API with its key, parsed. */
  get(path: string): Promise<unknown>
  /** Sends a write to the vendor's API with its key (as its own app would); the answer parsed. */
  send(method: string, path: string, body?: unknown): Promise<unknown>
  /** Every write the vendor applied, in commit order (its ledger, from the stats it prints on SIGHUP). */
  ledger(): Promise<LedgerEntry[]>
  stop(): Promise<void>
}

/**
 * A fake vendor in its own process (`out/main/fake-vendor.js`, Frostbyte Pro
 * unless `--vendor inventora` is given), so a test can cut it off.
 */
export async function startVendor(args: string[]): Promise<RunningVendor> {
  const child = spawn(process.execPath, [join(ROOT, 'out', 'main', 'fake-vendor.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: string[] = []
  const waiters: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = []
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue
      lines.push(line)
      for (const w of [...waiters]) {
        const m = w.pattern.exec(line)
        if (m) {
          waiters.splice(waiters.indexOf(w), 1)
          w.resolve(m)
        }
      }
    }
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => waiters.push({ pattern, resolve }))
  const [, url, printedCredentials] = await waitFor(/Fake \w+: (http\S+) (\w+=.*)$/)
  // `key=…` or `email=… password=…`
  const credentials = Object.fromEntries(
    printedCredentials!.split(' ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])
  )
  const apiKey = credentials.key ?? ''
  let offline = false
  const printed = lines.map((l) => /^Fake \w+ headers: (.+)$/.exec(l)?.[1]).find(Boolean)
  // A test reads the vendor as any client must: the app spends the same per-minute budget, so a 429
  // is waited out (its Retry-After), and any other refusal fails the test instead of reading as data.
  const get = async (path: string): Promise<unknown> => {
    if (!printed) throw new Error('this fake prints no request headers')
    for (let waited = 0; ; ) {
      const res = await fetch(`${url}${path}`, { headers: JSON.parse(printed) as Record<string, string> })
      if (res.ok) return (await res.json()) as unknown
      const body = await res.text()
      if (res.status !== 429 || waited > 180_000) throw new Error(`GET ${path}: ${res.status} ${body}`)
      const retryMs = Math.max(1, Number(res.headers.get('retry-after') ?? 1)) * 1000
      await new Promise((r) => setTimeout(r, retryMs))
      waited += retryMs
    }
  }
  return {
    url: url!,
    apiKey,
    ...(credentials.email &&
      credentials.password && { login: { email: credentials.email, password: credentials.password } }),
    async cutOff() {
      const stopped = waitFor(/Fake \w+: stopped/)
      child.kill('SIGUSR1')
      await stopped
      offline = true
    },
    async restore() {
      const started = waitFor(/Fake \w+: started/)
      child.kill('SIGUSR2')
      await started
      offline = false
    },
    get offline() {
      return offline
    },
    get,
    async send(method, path, body) {
      if (!printed) throw new Error('this fake prints no request headers')
      const headers = {
        ...(JSON.parse(printed) as Record<string, string>),
        'Content-Type': 'application/json'
      }
      const res = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) })
      })
      return res.status === 204 ? null : ((await res.json()) as unknown)
    },
    async ledger() {
      const stats = waitFor(/^Fake \w+ stats: (.+)$/)
      child.kill('SIGHUP')
      return (JSON.parse((await stats)[1]!) as { ledger: LedgerEntry[] }).ledger
    },
    async adjustments() {
      // From the vendor's ledger, not its API: a test that polls the API spends the account's
      // per-minute budget (one request per adjustment), which the app then rightly shares.
      const stats = waitFor(/^Fake \w+ stats: (.+)$/)
      child.kill('SIGHUP')
      const { ledger } = JSON.parse((await stats)[1]!) as { ledger: LedgerEntry[] }
      return ledger
        .filter((e) => e.method === 'POST' && e.path === '/stock-adjustments' && e.status < 300)
        .map((e) => e.body as { notes?: string | null; lines: unknown[] })
    },
    stop: () => stopChild(child)
  }
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  return new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill(signal)
  })
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/** Opens the app and waits for its readiness signal (never a sleep). */
export async function openApp(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light'
): Promise<Page> {
  // Reduced motion: the app skips its transitions, so screenshots never catch one half-way.
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
    colorScheme,
    reducedMotion: 'reduce'
  })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 }).catch((e: Error) => {
    throw new Error(`App did not become ready: ${e.message}\nPage errors: ${errors.join('\n')}`)
  })
  return page
}

const DOCS_SCREENSHOTS = join(ROOT, 'docs', 'screenshots')

/** A screenshot the README shows (docs/screenshots), kept in the repository. */
export async function docsScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true })
  const path = join(DOCS_SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}

/** The page in the light and the dark theme in turn, as the OS would set it; back to light after. */
export async function inEachTheme(page: Page, shoot: (scheme: 'light' | 'dark') => Promise<void>) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.evaluate((s) => document.documentElement.setAttribute('data-mantine-color-scheme', s), scheme)
    await shoot(scheme)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.evaluate(() => document.documentElement.setAttribute('data-mantine-color-scheme', 'light'))
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}

/** Connects to a vendor through the Connections screen, as a supervisor would (System left as offered unless given). */
export async function addConnectionThroughUi(
  page: Page,
  c: {
    name: string
    url: string
    apiKey: string
    system?: string
    login?: { email: string; password: string }
  }
): Promise<void> {
  await page.locator('[data-section="connections"]').click()
  await page.getByRole('button', { name: 'Add connection' }).click()
  if (c.system) {
    await page.getByLabel('System').first().click()
    await clickOption(page, page.getByRole('option', { name: c.system }))
  }
  await page.getByLabel('Name').fill(c.name)
  await page.getByLabel('API address').fill(c.url)
  if (c.login) {
    await page.getByLabel('Email', { exact: true }).fill(c.login.email)
    await page.getByLabel('Password', { exact: true }).fill(c.login.password)
  } else await page.getByLabel('API key', { exact: true }).fill(c.apiKey)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
}

/**
 * Closes the notices on screen with their own close buttons, as a person would, so
 * none covers what the test clicks next (a notice under the pointer does not close by itself).
 */
export async function dismissNotices(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelectorAll<HTMLElement>('.mantine-Notification-closeButton').forEach((b) => b.click())
  )
}

/**
 * Clicks a dropdown option. A notice that a late sync raises (low stock, say) may land over the list at
 * the bottom of the screen; it is closed, as a person would close it, and the click tried again.
 */
export async function clickOption(page: Page, option: Locator): Promise<void> {
  await expect
    .poll(async () => {
      await dismissNotices(page)
      return option.click({ timeout: 2_000 }).then(
        () => true,
        () => false
      )
    })
    .toBe(true)
}
