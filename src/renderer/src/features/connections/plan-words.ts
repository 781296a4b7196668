import type { ResourceProgress } from '../../sync/progress'

/** "14:05", or "14:05:30" when it is less than ten minutes away (a scaled or nearly done plan). */
export function clockTime(at: number, now: number): string {
  const seconds = at - now < 10 * 60_000
  return new Date(at).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds && { second: '2-digit' }),
    hour12: false
  })
}

export interface PlanLine {
  text: string
  /** Epoch ms the pass should end, for anything that wants the number behind the words. */
  finishAt: number
  resumesAt?: number
}

/**
 * "page 412 of 1,200 in all — the hour's budget resumes at 14:05 — done around 15:40":
 * the budget plan of a running pass in words, or undefined when the vendor has
 * no budget plan or the pass is not running.
 */
export function planLine(p: ResourceProgress, now: number): PlanLine | undefined {
  if (p.state !== 'running' || !p.plan || p.plannedAt === undefined) return undefined
  const { plan, plannedAt } = p
  const finishAt = plannedAt + plan.finishInMs
  const resumesAt =
    p.waitingUntil ?? (plan.resumesInMs !== undefined ? plannedAt + plan.resumesInMs : undefined)
  const budget = plan.windowMs >= 55 * 60_000 ? 'the hour’s budget' : 'the request budget'
  // Pages of the whole sync, every resource together: "in all" keeps it from reading as the line of one resource.
  const parts = [`page ${plan.pagesDone.toLocaleString()} of ${plan.pages.toLocaleString()} in all`]
  if (resumesAt !== undefined && resumesAt > now)
    parts.push(`${budget} resumes at ${clockTime(resumesAt, now)}`)
  parts.push(`done around ${clockTime(Math.max(finishAt, now), now)}`)
  return { text: parts.join(' — '), finishAt, ...(resumesAt !== undefined && { resumesAt }) }
}
