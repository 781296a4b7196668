import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Only the composition root (src/main/index.ts) may load Electron at run time:
// everything it wires takes Electron's objects as arguments, so tests need no
// Electron binary and no vi.mock.
const runtimeElectronImport = /^import\s+(?!type\b)[^'"]*['"]electron['"]/m

const checked = [
  ...readdirSync(__dirname).map((f) => join(__dirname, f)),
  ...['electron-platform.ts', 'electron-cipher.ts', 'login-items.ts', 'polled-online-state.ts'].map((f) =>
    join(__dirname, '..', 'platform', f)
  )
].filter((f) => f.endsWith('.ts'))

describe('Electron stays in the composition root', () => {
  it.each(checked.map((file) => [relative(join(__dirname, '..'), file), file]))(
    '%s imports electron for types only',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(runtimeElectronImport)
    }
  )
})
