import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The renderer's layers are held by ESLint (eslint.config.mjs). Planted imports
 * show the rule fails where an import runs upward and passes where it runs down.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function layerErrors(file: string, importLine: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${importLine}\nexport const planted = x\n`, {
    filePath: `src/renderer/src/${file}`
  })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('renderer layers', () => {
  it.each([
    ['db/planted.ts', "import { x } from '../count/lines'"],
    ['bridge/planted.ts', "import { x } from '../stores/ui'"],
    ['scan/planted.ts', "import { x } from '../count/resolve'"],
    ['activity/planted.ts', "import { x } from '../outbox/replayer'"],
    ['alerts/planted.ts', "import { x } from '../sync/progress'"],
    ['count/planted.ts', "import { x } from '../stores/counter'"],
    ['stores/planted.ts', "import { x } from '../app/services'"],
    ['app/planted.ts', "import { x } from '../features/shell/Shell'"],
    ['sync/planted.ts', "import { x } from '../features/items/search'"]
  ])('refuses an upward import in %s', async (file, line) => {
    expect(await layerErrors(file, line)).toHaveLength(1)
  })

  it.each([
    ['features/count/planted.ts', "import { x } from '../../app/services-context'"],
    ['app/planted.ts', "import { x } from '../stores/ui'"],
    ['stores/planted.ts', "import { x } from '../sync/progress'"],
    ['sync/planted.ts', "import { x } from '../alerts/low-crossing'"],
    ['count/planted.ts', "import { x } from '../../../shared/count/quantity'"],
    ['scan/planted.ts', "import { x } from '../../../shared/scan'"]
  ])('allows a downward import in %s', async (file, line) => {
    expect(await layerErrors(file, line)).toEqual([])
  })
})
