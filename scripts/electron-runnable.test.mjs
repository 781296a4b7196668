// Run with: node --test scripts/
import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { findRunnableElectron } from './electron-runnable.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = join(root, 'node_modules', 'electron')

/** A fake file system holding only `files` (path → text). */
function check({ files = {}, env = { DISPLAY: ':0' }, platform = 'linux' } = {}) {
  return findRunnableElectron({
    root,
    env,
    platform,
    fileExists: (p) => p in files,
    readText: (p) => files[p]
  })
}

test('runs the binary named in path.txt when it exists and there is a display', () => {
  const binary = join(electronDir, 'dist', 'electron')
  const files = { [join(electronDir, 'path.txt')]: 'electron', [binary]: '' }
  assert.deepEqual(check({ files }), { ok: true, binary })
  assert.deepEqual(check({ files, env: { WAYLAND_DISPLAY: 'wayland-0' } }), { ok: true, binary })
})

test('no path.txt or no binary means the binary was never downloaded', () => {
  assert.deepEqual(check(), { ok: false, reason: 'no Electron binary' })
  assert.deepEqual(check({ files: { [join(electronDir, 'path.txt')]: 'electron' } }), {
    ok: false,
    reason: 'no Electron binary'
  })
})

test('on Linux without DISPLAY or WAYLAND_DISPLAY there is nowhere to show a window', () => {
  const files = { [join(electronDir, 'path.txt')]: 'electron', [join(electronDir, 'dist', 'electron')]: '' }
  assert.deepEqual(check({ files, env: {} }), { ok: false, reason: 'no display' })
  const exe = join(electronDir, 'dist', 'electron.exe')
  assert.deepEqual(
    check({
      files: { [join(electronDir, 'path.txt')]: 'electron.exe', [exe]: '' },
      env: {},
      platform: 'win32'
    }),
    {
      ok: true,
      binary: exe
    }
  )
})

test('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
  const binary = join('/opt/electron-45', 'electron')
  assert.deepEqual(
    check({
      files: { [binary]: '' },
      env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' }
    }),
    {
      ok: true,
      binary
    }
  )
})

test('this machine, for real: never throws and never downloads', () => {
  const result = findRunnableElectron({ root, env: process.env, platform: process.platform })
  assert.equal(typeof result.ok, 'boolean')
})
