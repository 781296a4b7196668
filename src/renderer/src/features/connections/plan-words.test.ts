import { describe, expect, it } from 'vitest'
import type { ResourceProgress } from '../../sync/progress'
import { planLine } from './plan-words'

const at = (h: number, m: number) => new Date(2026, 5, 1, h, m).getTime()

const running: ResourceProgress = {
  connectionId: 'c',
  resource: 'products',
  label: 'Products',
  phase: 'full',
  state: 'running',
  pagesDone: 412,
  recordsDone: 10_300,
  rejected: 0,
  deleted: 0,
  lowCrossed: [],
  plannedAt: at(13, 20),
  plan: {
    pagesDone: 412,
    pages: 1200,
    nowPages: 0,
    resumesInMs: 45 * 60_000,
    finishInMs: 140 * 60_000,
    windowMs: 3_600_000,
    limit: 1000
  }
}

describe('the budget plan in words', () => {
  it('says where the pass is, when the hour’s budget resumes and when it will be done', () => {
    expect(planLine(running, at(13, 21))?.text).toBe(
      'page 412 of 1,200 in all — the hour’s budget resumes at 14:05 — done around 15:40'
    )
  })

  it('a wait the sync is in says when it ends; nothing once the pass is over', () => {
    const waiting = { ...running, waitingUntil: at(14, 7) }
    expect(planLine(waiting, at(13, 21))?.text).toContain('resumes at 14:07')
    expect(planLine({ ...running, state: 'done' }, at(13, 21))).toBeUndefined()
    const { resumesInMs: _, ...fits } = running.plan!
    expect(planLine({ ...running, plan: fits }, at(13, 21))?.text).toBe(
      'page 412 of 1,200 in all — done around 15:40'
    )
  })
})
