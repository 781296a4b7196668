import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vendorId } from '../../src/shared/model/vendor'
import { vendorProfiles } from '../../src/shared/vendors/profiles'

const root = join(__dirname, '..', '..')
const vendors = vendorId.options

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

/** A vendor's own modules: its profile folder, its connector, its fake. */
function ownModule(file: string): boolean {
  const rel = relative(root, file).split(sep).join('/')
  return vendors.some(
    (v) =>
      rel.startsWith(`src/shared/vendors/${v}/`) ||
      rel === `src/main/connectors/${v}.ts` ||
      rel.startsWith(`src/main/connectors/${v}-`) ||
      rel.startsWith(`src/main/fakes/${v}/`)
  )
}

const names = vendors.join('|')
/** `x === 'frostbyte'`, `'inventora' !== x`, `case 'figgro':` — a branch on a vendor's name. */
export const vendorComparison = new RegExp(
  [
    `[!=]==?\\s*['"\`](${names})['"\`]`,
    `['"\`](${names})['"\`]\\s*[!=]==?`,
    `case\\s+['"\`](${names})['"\`]\\s*:`,
    `['"\`](${names})['"\`][^\\]]*\\]\\s*\\.(includes|indexOf)\\(`
  ].join('|')
)

describe('a vendor is one module', () => {
  it('the pattern catches the ways a branch on a vendor name is written', () => {
    for (const line of [
      "if (connection.vendor === 'frostbyte') {",
      "const build = c.vendor !== 'inventora' ? a : b",
      "if ('figgro' == vendor)",
      "  case 'forgemrp':",
      "if (['fractionerp'].includes(vendor))"
    ])
      expect(line).toMatch(vendorComparison)
    expect("vendor: 'frostbyte',").not.toMatch(vendorComparison)
  })

  it('nothing outside a vendor’s own modules compares a vendor name', () => {
    const offenders: string[] = []
    for (const file of sources(join(root, 'src'))) {
      if (ownModule(file)) continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, n) => {
          if (vendorComparison.test(line)) offenders.push(`${relative(root, file)}:${n + 1}: ${line.trim()}`)
        })
    }
    expect(offenders).toEqual([])
  })

  it('every vendor has a profile that names itself', () => {
    for (const v of vendors) expect(vendorProfiles[v].id).toBe(v)
  })
})
