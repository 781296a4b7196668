import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IPC_CALL, IPC_EVENT } from '../shared/host-api/wire'
import { IPC_CHANNELS } from './channels'

describe('preload', () => {
  it('uses the same channel names as main', () => {
    expect(IPC_CHANNELS).toEqual({ call: IPC_CALL, event: IPC_EVENT })
  })

  it("imports only 'electron', its own files and the import-free channel names, so it runs sandboxed", () => {
    const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    expect(sources).toContain('index.ts')
    for (const file of sources) {
      const text = readFileSync(join(__dirname, file), 'utf8')
      const runtime = [...text.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1])
      for (const specifier of runtime) {
        expect(
          specifier === 'electron' ||
            specifier === '../shared/host-api/channels' ||
            /^\.\/[\w-]+$/.test(specifier ?? ''),
          `${file}: ${specifier}`
        ).toBe(true)
      }
    }
  })
})
