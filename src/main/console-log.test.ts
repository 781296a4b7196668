import { describe, expect, it } from 'vitest'
import { consoleLog, verboseAsked } from './console-log'

const lines = [
  'sync Main warehouse: complete',
  'notice: 3 items low — Milk, Bread, Eggs',
  'sync Main warehouse: complete',
  'closed a host API socket: 1001',
  'sync Workshop: failed — the vendor could not be reached',
  'sync Workshop: complete',
  'journal: 1 unreadable line skipped'
]

describe('what the app prints', () => {
  it('is quiet by default: failures and each connection’s first sync only', () => {
    const printed: string[] = []
    const log = consoleLog({ verbose: false, print: (l) => printed.push(l) })
    lines.forEach(log)
    expect(printed).toEqual([
      'sync Main warehouse: complete (the first sync; --verbose prints every later one)',
      'sync Workshop: failed — the vendor could not be reached',
      'sync Workshop: complete (the first sync; --verbose prints every later one)',
      'journal: 1 unreadable line skipped'
    ])
  })

  it('prints every status line with --verbose', () => {
    const printed: string[] = []
    const log = consoleLog({ verbose: true, print: (l) => printed.push(l) })
    lines.forEach(log)
    expect(printed).toEqual(lines)
    expect(verboseAsked(['node', 'web-host.js', '--verbose'], {})).toBe(true)
    expect(verboseAsked(['node', 'web-host.js'], { STOCKROOM_VERBOSE: '1' })).toBe(true)
    expect(verboseAsked(['node', 'web-host.js'], {})).toBe(false)
  })
})
