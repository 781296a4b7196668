import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, isAppUrl, resolveAppUrl } from './app-url'

describe('resolveAppUrl', () => {
  it('serves the built app from the stockroom scheme', () => {
    expect(resolveAppUrl(undefined)).toBe(`${APP_ORIGIN}/index.html`)
    expect(resolveAppUrl('')).toBe('stockroom://app/index.html')
  })

  it("uses electron-vite's dev server when it runs", () => {
    expect(resolveAppUrl('http://localhost:5173')).toBe('http://localhost:5173/')
  })
})

describe('isAppUrl', () => {
  const built = 'stockroom://app/index.html'
  const dev = 'http://localhost:5173/'

  it('accepts any page, query or hash of the app itself', () => {
    expect(isAppUrl('stockroom://app/index.html', built)).toBe(true)
    expect(isAppUrl('stockroom://app/index.html#/counts/3', built)).toBe(true)
    expect(isAppUrl('stockroom://app/assets/beep.wav?x=1', built)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
  })

  it('refuses other hosts, schemes and ports', () => {
    expect(isAppUrl('stockroom://evil/index.html', built)).toBe(false)
    expect(isAppUrl('https://app/index.html', built)).toBe(false)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isAppUrl('http://localhost.evil.com:5173/', dev)).toBe(false)
    expect(isAppUrl('http://user:pw@localhost:5173/', dev)).toBe(false)
  })

  it('refuses what is not a URL at all', () => {
    expect(isAppUrl('', built)).toBe(false)
    expect(isAppUrl(null, built)).toBe(false)
    expect(isAppUrl('about:blank', built)).toBe(false)
    expect(isAppUrl('not a url', built)).toBe(false)
    expect(isAppUrl('stockroom://app/', 'not a url')).toBe(false)
  })

  it('on file:// counts only the app page itself, not its neighbours', () => {
    const file = 'file:///opt/stockroom/out/renderer/index.html'
    expect(isAppUrl('file:///opt/stockroom/out/renderer/index.html#/x', file)).toBe(true)
    expect(isAppUrl('file:///home/user/Downloads/evil.html', file)).toBe(false)
  })
})
