import { describe, expect, it } from 'vitest'
import type { Task } from '../../../../shared/model/records'
import { filterTasks, progressWords, taskProgress } from './tasks'

const task = (over: Partial<Task> & { name: string }): Task => ({
  key: `c1:task:${over.name}`,
  connectionId: 'c1',
  vendorId: over.name,
  resource: 'tasks',
  raw: {},
  syncId: 's1',
  status: 'pending',
  lines: [],
  batches: [],
  ...over
})

const NOW = Date.parse('2026-11-24T12:00:00Z')

describe('tasks list', () => {
  const tasks = [
    task({ name: 'Bake rye', status: 'in-progress', due: '2026-11-30T00:00:00Z' }),
    task({ name: 'Bake spelt', status: 'pending', due: '2026-11-20T00:00:00Z' }), // overdue
    task({ name: 'Pack muesli', status: 'done', due: '2026-11-01T00:00:00Z' }), // done: never overdue
    task({
      name: 'Mix dough',
      status: 'pending',
      lines: [{ lineId: '1', itemKey: 'c1:item:x', name: 'Sourdough starter', planned: 4 }]
    })
  ]
  const names = (filter: Parameters<typeof filterTasks>[1], text = '') =>
    filterTasks(tasks, filter, text, NOW).map((t) => t.task.name)

  it('puts overdue first, then by due date, undated last; open hides done', () => {
    expect(names('open')).toEqual(['Bake spelt', 'Bake rye', 'Mix dough'])
    expect(names('all')).toEqual(['Bake spelt', 'Pack muesli', 'Bake rye', 'Mix dough'])
    expect(names('overdue')).toEqual(['Bake spelt'])
    expect(names('done')).toEqual(['Pack muesli'])
  })

  it('finds a task by words of its name or of its products', () => {
    expect(names('all', 'bake RYE')).toEqual(['Bake rye'])
    expect(names('all', 'starter')).toEqual(['Mix dough'])
    expect(names('all', 'nothing like this')).toEqual([])
  })

  it('keeps only the tasks making a scanned product', () => {
    const making = filterTasks(tasks, 'all', '', NOW, new Set(['c1:item:x'])).map((t) => t.task.name)
    expect(making).toEqual(['Mix dough'])
    expect(filterTasks(tasks, 'all', '', NOW, new Set(['c1:item:none']))).toEqual([])
  })

  it('measures progress per line, never adding quantities of different units', () => {
    const t = task({
      name: 'x',
      lines: [
        { lineId: '1', itemKey: 'a', name: 'A', planned: 10, done: 10, unit: 'cases' },
        { lineId: '2', itemKey: 'b', name: 'B', planned: 1000, done: 0, unit: 'pieces' }
      ]
    })
    expect(taskProgress(t)).toEqual({ lines: 2, linesDone: 1, percent: 50 })
    expect(taskProgress(task({ name: 'y' })).percent).toBe(0)
    const over = task({ name: 'z', lines: [{ lineId: '1', itemKey: 'a', name: 'A', planned: 2, done: 3 }] })
    expect(taskProgress(over)).toEqual({ lines: 1, linesDone: 1, percent: 100 })
  })
})

describe('progress in words', () => {
  it('says what the bar shows, and never "0 lines done" beside a bar a third full', () => {
    expect(progressWords({ lines: 3, linesDone: 0, percent: 30 })).toBe('30% made · no line finished yet')
    expect(progressWords({ lines: 3, linesDone: 1, percent: 60 })).toBe('60% made · 1 of 3 lines finished')
    expect(progressWords({ lines: 3, linesDone: 0, percent: 0 })).toBe('Not started · 3 lines')
    expect(progressWords({ lines: 1, linesDone: 1, percent: 100 })).toBe('All 1 line made')
    expect(progressWords({ lines: 2, linesDone: 0, percent: 0.2 })).toBe('1% made · no line finished yet')
  })
})

describe('tasks list by connection and by batches', () => {
  const tasks = [
    task({ name: 'Bake rye', due: '2026-11-20T00:00:00Z' }), // overdue, c1 takes no batches
    task({ name: 'Weld frame', connectionId: 'c2', key: 'c2:task:w', due: '2026-12-30T00:00:00Z' }),
    task({ name: 'Cut bar', connectionId: 'c2', key: 'c2:task:c' })
  ]
  const takesBatches = new Set(['c2'])
  const names = (scope: Parameters<typeof filterTasks>[5]) =>
    filterTasks(tasks, 'open', '', NOW, undefined, scope).map((t) => t.task.name)

  it('lists tasks that take batches first, and narrows to one connection or to those', () => {
    expect(names({ takesBatches })).toEqual(['Weld frame', 'Cut bar', 'Bake rye'])
    expect(names({ takesBatches, batchesOnly: true })).toEqual(['Weld frame', 'Cut bar'])
    expect(names({ takesBatches, connectionId: 'c1' })).toEqual(['Bake rye'])
    expect(names({})).toEqual(['Bake rye', 'Weld frame', 'Cut bar'])
  })
})
