import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

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
  url: string
  dataDir: string
  output: string[]
  stop(): Promise<void>
}

/** Starts `node out/main/web-host.js` on a free port with its own temp data and key dirs. */
export async function startHost(
  opts: { script?: string[]; env?: Record<string, string>; dataDir?: string } = {}
): Promise<RunningHost> {
  const root = await mkdtemp(join(tmpdir(), 'stockroom-e2e-'))
  const dataDir = opts.dataDir ?? join(root, 'data')
  const args = opts.script ?? [join(ROOT, 'out', 'main', 'web-host.js')]
  const child = spawn(
    process.execPath,
    [...args, '--port', '0', '--data-dir', dataDir, '--key-dir', join(root, 'keys')],
    {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
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
    }
  }
}

function stopChild(child: ChildProcess) {
  return new Promise<void>((done) => {
    if (child.exitCode !== null) return done()
    child.once('exit', () => done())
    child.kill('SIGTERM')
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

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path, fullPage: false })
  return path
}
