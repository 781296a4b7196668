import { execFile } from 'node:child_process'
import { mkdtemp, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hostToken } from '../../src/main/web/host-token'
import { startWebHost, type WebHost } from '../../src/main/web/web-host'
import { LAUNCH_META, LAUNCH_PARAM, WS_PATH } from '../../src/shared/host-api/wire'
import { createTestServices, type TestServices } from '../helpers/main-services'

const run = promisify(execFile)

/**
 * Another program on the PC, in its own process, as another user's would be: it
 * knows the address (the port is easy to find) but not the token the host printed
 * for whoever started it. It asks for the page, an asset and the page with a guessed
 * token, then tries the host API socket every way it can without the launch secret.
 */
const OTHER_PROGRAM = `
const WebSocket = require('ws')
const [url, wsPath, param, meta] = process.argv.slice(1)
const origin = url.replace(/\\/$/, '')
const page = (u) => fetch(u).then(async (r) => ({ status: r.status, secret: (await r.text()).includes(meta) }))
const socket = (query) => new Promise((resolve) => {
  const ws = new WebSocket(new URL(wsPath + query, url.replace(/^http/, 'ws')).href, { origin })
  ws.once('open', () => { ws.close(); resolve('open') })
  ws.once('unexpected-response', (_q, r) => resolve(String(r.statusCode)))
  ws.once('error', (e) => resolve('error ' + e.message))
})
;(async () => {
  const out = {
    page: await page(url),
    asset: await page(url + 'assets/index.js'),
    guessedToken: await page(url + '?token=' + 'A'.repeat(43)),
    socketWithout: await socket(''),
    socketGuessed: await socket('?' + param + '=' + 'A'.repeat(43)),
  }
  console.log(JSON.stringify(out))
})()
`

describe('the web host opens only for whoever started it', () => {
  let t: TestServices
  let host: WebHost

  beforeEach(async () => {
    t = await createTestServices()
    const rendererDir = await mkdtemp(join(tmpdir(), 'renderer-'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
    host = await startWebHost({ services: t.services, rendererDir, port: 0 })
  })
  afterEach(async () => {
    await host.close()
    await t.cleanup()
  })

  it('refuses a second local process without the token: no page, no launch secret, no host API', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-e', OTHER_PROGRAM, host.url, WS_PATH, LAUNCH_PARAM, LAUNCH_META],
      { cwd: join(import.meta.dirname, '..', '..') }
    )
    expect(JSON.parse(stdout)).toEqual({
      page: { status: 403, secret: false },
      asset: { status: 403, secret: false },
      guessedToken: { status: 403, secret: false },
      socketWithout: '403',
      socketGuessed: '403'
    })
    // Whoever has the printed address gets the page with its secret, and a cookie for what the page loads next.
    const opened = await fetch(host.openUrl)
    expect(opened.status).toBe(200)
    expect(await opened.text()).toContain(LAUNCH_META)
    const cookie = opened.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/)
    const again = await fetch(host.url, { headers: { cookie: cookie.split(';')[0]! } })
    expect(again.status).toBe(200)
  })

  it('keeps the token in a file only its user can read, the same on the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'web-token-'))
    const first = await hostToken(dataDir)
    expect(await hostToken(dataDir)).toBe(first)
    expect((await stat(join(dataDir, 'web-access-token'))).mode & 0o777).toBe(0o600)
  })
})
