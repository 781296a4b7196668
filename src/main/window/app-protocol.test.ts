import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, setupAppProtocol } from './app-protocol'

const CSP = "default-src 'self'"
let root: string
let rendererDir: string
let handle: (request: Request) => Promise<Response>

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'stockroom-protocol-'))
  rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stockroom</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'secrets.json'), '{"k":"v"}')
  handle = createAppProtocolHandler(rendererDir, CSP)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

describe('the stockroom:// protocol', () => {
  it('serves the built files with their type and the CSP', async () => {
    const res = await get('stockroom://app/assets/app.js')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('console.log(1)')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves index.html for the root and for client-side routes', async () => {
    for (const url of ['stockroom://app/', 'stockroom://app/index.html', 'stockroom://app/counts/12']) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(await res.text()).toContain('<title>Stockroom</title>')
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    }
  })

  it('answers 404 for a missing asset instead of HTML', async () => {
    expect((await get('stockroom://app/assets/missing.js')).status).toBe(404)
  })

  it('never reaches outside the renderer directory', async () => {
    for (const url of [
      'stockroom://app/../secrets.json',
      'stockroom://app/%2e%2e/secrets.json',
      'stockroom://app/assets/%2e%2e%2f%2e%2e%2fsecrets.json',
      'stockroom://app/..%5csecrets.json'
    ]) {
      const res = await get(url)
      expect(await res.text(), url).not.toContain('"k"')
    }
  })

  it('refuses other hosts, other methods and undecodable paths', async () => {
    expect((await get('stockroom://other/index.html')).status).toBe(404)
    expect((await get('stockroom://app/index.html', 'POST')).status).toBe(405)
    expect((await get('stockroom://app/%E0%A4%A')).status).toBe(400)
  })

  it('answers HEAD without a body', async () => {
    const res = await get('stockroom://app/index.html', 'HEAD')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })

  it('says the app is not built when index.html is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'stockroom-empty-'))
    try {
      const res = await createAppProtocolHandler(empty, CSP)(new Request('stockroom://app/'))
      expect(res.status).toBe(500)
      expect(await res.text()).toMatch(/npm run build/)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('is registered as a standard, secure scheme and handled under its name', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'stockroom',
      privileges: { standard: true, secure: true, supportFetchAPI: true }
    })
    const handled: string[] = []
    setupAppProtocol({ handle: (scheme) => void handled.push(scheme) }, rendererDir, CSP)
    expect(handled).toEqual(['stockroom'])
  })
})
