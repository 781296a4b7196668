// Shared pieces of the benchmark scripts: child processes that print a ready line, peak RSS, Chromium.
import { spawn } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import WebSocket from 'ws'

export const ROOT = resolve(import.meta.dirname, '..')
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

export function requireBuilt() {
  if (!existsSync(join(ROOT, 'out', 'main', 'web-host.js'))) throw new Error('Build first: npm run build')
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`)
}

/** Starts `node <script> ...args` and resolves with the first capture of `ready` in its output. */
export function startProcess(script, args, ready, env = {}) {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  // A benchmark that fails half-way leaves no vendor or host running behind it.
  process.once('exit', () => child.kill())
  const output = []
  const match = new Promise((res, rej) => {
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) output.push(line)
        const m = ready.exec(line)
        if (m) res(m)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => rej(new Error(`${script} exited (${code}):\n${output.join('\n')}`)))
  })
  return { child, output, match }
}

export function stop(child) {
  return new Promise((res) => {
    if (child.exitCode !== null) return res()
    child.once('exit', () => res())
    child.kill('SIGTERM')
  })
}

/** Peak resident memory of a process so far (Linux VmHWM), in MB. */
export function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

export const tempDir = (prefix) => mkdtemp(join(tmpdir(), prefix))

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** One host-API call over the web host's WebSocket, as the renderer makes it; resolves with its value. */
export async function hostCall(hostUrl, name, payload) {
  const origin = new URL(hostUrl).origin
  // The launch secret is in the page the host serves, as the app reads it: `hostUrl` is the printed
  // address, with the access token without which the host serves nothing.
  const page = await (await fetch(hostUrl)).text()
  const secret = /<meta name="stockroom-launch" content="([^"]+)"/.exec(page)?.[1] ?? ''
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/host?launch=${encodeURIComponent(secret)}`, {
    origin
  })
  await new Promise((r, reject) => {
    ws.once('open', r)
    ws.once('error', reject)
  })
  const reply = new Promise((r) =>
    ws.on('message', (d) => {
      const frame = JSON.parse(String(d))
      if (frame.kind === 'result' && frame.id === 1) r(frame)
    })
  )
  ws.send(JSON.stringify({ kind: 'call', id: 1, name, payload }))
  const answer = await reply
  ws.close()
  if (!answer.result?.ok) throw new Error(`${name} failed: ${JSON.stringify(answer)}`)
  return answer.result.value
}

/** Creates a connection over the host API, as the Connections screen does (the app then syncs it). */
export const createConnection = (hostUrl, payload) => hostCall(hostUrl, 'connections:create', payload)

/** Each resource's checkpoint as the page's replica holds it: pages committed, and whether its pass is done. */
export const readCheckpoints = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('stockroom')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const req = db.transaction(['checkpoints'], 'readonly').objectStore('checkpoints').getAll()
          req.onsuccess = () => {
            db.close()
            resolve(
              req.result.map((c) => ({
                resource: c.resource,
                pagesDone: c.pagesDone,
                done: !!c.completedAt && !c.running
              }))
            )
          }
        }
      })
  )
