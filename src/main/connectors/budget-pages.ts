import type { PageResult, SyncPlan } from '../../shared/host-api/sync'
import type { Pacer } from '../http/pacer'

/**
 * Waits longer than this are handed back to the renderer (which can show
 * them, cancel them and survive a restart) instead of being slept in main.
 */
export const HAND_BACK_WAIT_MS = 2_000

/**
 * Where a sync stands across the resources of one connection, from the pages
 * seen so far: the basis of a budget plan's "page 412 of 1,200". Resources
 * not reached yet count with the size they had last time (unknown on a first
 * sync: the plan grows as they are reached).
 */
export class PassTracker {
  private readonly totals = new Map<string, number>()

  constructor(private readonly order: readonly string[]) {}

  seen(resource: string, totalPages: number): void {
    this.totals.set(resource, totalPages)
  }

  /** Resources after `resource` whose size is not known yet. */
  unknownAfter(resource: string): string[] {
    return this.order.slice(this.order.indexOf(resource) + 1).filter((r) => !this.totals.has(r))
  }

  /** Pages done and in all when `page` (1-based) of `resource` is the next to fetch. */
  position(resource: string, page: number): { pagesDone: number; pages: number } {
    const at = this.order.indexOf(resource)
    let pagesDone = 0
    let pages = 0
    this.order.forEach((r, i) => {
      const known = this.totals.get(r)
      // A pass costs at least one request, even of an empty list; a resource not measured yet counts nothing.
      const total = known === undefined ? (r === resource ? page : 0) : Math.max(1, known)
      pages += r === resource ? Math.max(total, page) : total
      if (i < at) pagesDone += total
    })
    return { pagesDone: pagesDone + page - 1, pages }
  }
}

/** The pacer's plan for the pages left, as the renderer receives it. */
export function budgetPlan(
  pacer: Pacer,
  now: number,
  at: { pagesDone: number; pages: number }
): SyncPlan | undefined {
  const left = Math.max(0, at.pages - at.pagesDone)
  const p = pacer.plan(left)
  if (!p) return undefined
  return {
    pagesDone: at.pagesDone,
    pages: at.pages,
    nowPages: p.nowPages,
    ...(p.resumesAt !== undefined && { resumesInMs: Math.max(0, p.resumesAt - now) }),
    finishInMs: Math.max(0, p.finishAt - now),
    windowMs: p.windowMs,
    limit: p.limit
  }
}

/**
 * When the budget is spent for longer than {@link HAND_BACK_WAIT_MS}: a page
 * without a request, telling the renderer when to ask again for the same cursor.
 */
export function handBackWait(
  pacer: Pacer,
  now: number,
  cursor: unknown,
  at: { pagesDone: number; pages: number }
): PageResult | undefined {
  const wait = pacer.waitFor('background')
  if (wait <= HAND_BACK_WAIT_MS) return undefined
  const plan = budgetPlan(pacer, now, at)
  return {
    batch: {},
    next: (cursor ?? null) as PageResult['next'],
    deleted: [],
    rejected: [],
    waitMs: Math.ceil(wait),
    ...(plan && { plan })
  }
}
