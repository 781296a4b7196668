import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The desktop app ships the fake vendors for its demo, but a PC with real
 * connections never loads them: no static import chain from the desktop entry
 * reaches src/main/fakes (the demo loads them with a dynamic import()).
 */
const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm

function resolveSource(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec)
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => existsSync(p))
}

/** Every source file the entry loads at start, each with the chain that brought it in. */
function staticClosure(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]])
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.shift()!
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(STATIC_IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue // erased at build
      const target = resolveSource(file, match[1]!)
      if (!target || seen.has(target)) continue
      seen.set(target, [...seen.get(file)!, target])
      queue.push(target)
    }
  }
  return seen
}

describe('the fakes in the desktop bundle', () => {
  it('are not loaded at start by the desktop entry, only by the demo when it runs', () => {
    const loaded = staticClosure(resolve('src/main/index.ts'))
    const fakes = [...loaded.entries()]
      .filter(([file]) => file.includes('/src/main/fakes/'))
      .map(([, chain]) => chain.map((f) => relative(process.cwd(), f)).join(' → '))
    expect(loaded.size).toBeGreaterThan(20) // the walk follows the entry's imports
    expect(fakes).toEqual([])
  })

  it('are loaded by the demo', () => {
    const demo = readFileSync('src/main/demo/demo.ts', 'utf8')
    expect(demo).toMatch(/await import\('\.\.\/fakes\/registry'\)/)
  })
})
