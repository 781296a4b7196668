import { describe, expect, it } from 'vitest'
import type { ResourceProgress } from '../../sync/progress'
import { connectionsNeedingAttention, syncPercent, writesLine } from './status-summary'

describe('status bar words', () => {
  it('says "All writes sent" only when nothing waits and nothing is in review', () => {
    expect(writesLine({ waiting: 0, review: 0, online: true })).toBe('All writes sent')
    expect(writesLine({ waiting: 0, review: 2, online: true })).toBe('No writes waiting')
    expect(writesLine({ waiting: 3, review: 2, online: true })).toBe('3 writes waiting to send')
    expect(writesLine({ waiting: 1, review: 0, online: false })).toBe('1 write waiting for the network')
  })

  it('counts paused connections and failing ones (a stopped sync or a failed resource) apart', () => {
    const connections = [
      { id: 'a', status: 'paused' as const },
      { id: 'b', status: 'ok' as const },
      { id: 'c', status: 'ok' as const },
      { id: 'd', status: 'error' as const },
      { id: 'e', status: 'ok' as const }
    ]
    expect(
      connectionsNeedingAttention(
        connections,
        { b: 'timed out' },
        { 'c/products': { connectionId: 'c', state: 'error' } }
      )
    ).toEqual({ paused: 1, failing: 3 })
  })

  it('gives the share read by the resources syncing now', () => {
    const p = (state: 'running' | 'done', recordsDone: number, total?: number): ResourceProgress =>
      ({
        connectionId: 'a',
        resource: 'r',
        label: 'r',
        phase: 'full',
        state,
        pagesDone: 0,
        recordsDone,
        total,
        rejected: 0,
        deleted: 0,
        lowCrossed: []
      }) as const
    expect(syncPercent({ x: p('running', 250, 1000), y: p('done', 50, 50) })).toBe(25)
    expect(syncPercent({ y: p('done', 50, 50) })).toBeUndefined()
  })
})
