import type { Task } from '../../../../shared/model/records'

export type TaskFilter = 'open' | 'overdue' | 'done' | 'all'

/**
 * How far a task is: lines finished, and the mean share made over its lines
 * (each capped at 100%). Lines are in different units (cases, pieces), so
 * their quantities are never added together.
 */
export function taskProgress(task: Task): { lines: number; linesDone: number; percent: number } {
  const shares = task.lines.map((l) => (l.planned > 0 ? Math.min(1, (l.done ?? 0) / l.planned) : 1))
  const percent = shares.length > 0 ? (shares.reduce((a, b) => a + b, 0) / shares.length) * 100 : 0
  return { lines: shares.length, linesDone: shares.filter((s) => s >= 1).length, percent }
}

/**
 * The progress of a task in one phrase that agrees with its bar: the share made
 * first (what the bar shows), then how many lines are finished.
 */
export function progressWords(p: { lines: number; linesDone: number; percent: number }): string {
  const lines = `${p.lines} line${p.lines === 1 ? '' : 's'}`
  if (p.lines === 0) return 'No lines'
  if (p.linesDone === p.lines) return `All ${lines} made`
  if (p.percent === 0) return `Not started · ${lines}`
  const made = `${Math.max(1, Math.floor(p.percent))}% made`
  return p.linesDone === 0
    ? `${made} · no line finished yet`
    : `${made} · ${p.linesDone} of ${lines} finished`
}

const isDone = (t: Task) => t.status === 'done'

/** Which connections' tasks take batches from Stockroom, and what the list is narrowed to. */
export interface TaskScope {
  /** Connections whose vendor takes batches (their tasks are listed first). */
  takesBatches?: ReadonlySet<string>
  /** Only tasks of this connection. */
  connectionId?: string
  /** Only tasks a batch can be recorded on. */
  batchesOnly?: boolean
}

/**
 * Tasks for the list: filtered by state, connection, whether they take batches,
 * and by words of the task name or of its products' names; tasks that take
 * batches first, then overdue (due before now and not done), then by due date
 * (no due date last), then by name.
 */
export function filterTasks(
  tasks: Task[],
  filter: TaskFilter,
  text: string,
  now: number,
  /** Only tasks with a line making one of these items (a scanned product). */
  itemKeys?: ReadonlySet<string>,
  scope: TaskScope = {}
): { task: Task; overdue: boolean }[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  const takes = (t: Task) => scope.takesBatches?.has(t.connectionId) ?? false
  return tasks
    .map((task) => ({ task, overdue: !isDone(task) && !!task.due && Date.parse(task.due) < now }))
    .filter(({ task, overdue }) => {
      if (filter === 'open' && isDone(task)) return false
      if (filter === 'done' && !isDone(task)) return false
      if (filter === 'overdue' && !overdue) return false
      if (scope.connectionId !== undefined && task.connectionId !== scope.connectionId) return false
      if (scope.batchesOnly && !takes(task)) return false
      if (itemKeys && !task.lines.some((l) => itemKeys.has(l.itemKey))) return false
      const haystack = [task.name, ...task.lines.map((l) => l.name)].join(' ').toLowerCase()
      return words.every((w) => haystack.includes(w))
    })
    .sort(
      (a, b) =>
        Number(takes(b.task)) - Number(takes(a.task)) ||
        Number(b.overdue) - Number(a.overdue) ||
        (a.task.due ?? '\uffff').localeCompare(b.task.due ?? '\uffff') ||
        a.task.name.localeCompare(b.task.name)
    )
}
