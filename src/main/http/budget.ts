/**
 * A rolling request budget ("1,000 per rolling hour") seen from the client:
 * when the requests counted now leave the window, when the next one may go,
 * and how a run of N pages will play out. Pure: the caller passes the clock.
 *
 * What it knows: its own send times, and the vendor's last word
 * (X-RateLimit-Limit/Remaining/Reset, where Reset is when the oldest counted
 * request leaves the window). The vendor's count wins: requests it counts that
 * we did not send (another app on the same key, or ours before a restart) are
 * "foreign" and assumed to leave at Reset, the earliest they can; every answer
 * corrects the picture, and the reserve absorbs what the guess gets wrong.
 */

export interface BudgetObservation {
  limit: number
  remaining: number
  /** Epoch ms at which the oldest counted request leaves the window. */
  resetAt: number
  /** When the request this answer belongs to was sent. */
  sentAt: number
}

export interface BudgetState {
  /** Own send times, oldest first. */
  sent: number[]
  last?: BudgetObservation
  /** Window length: configured, or learnt from the vendor's Reset when it disagrees. */
  windowMs: number
  /** The window was learnt from Reset headers (each one is the true window plus its rounding up). */
  learnt?: boolean
  /** Requests per window when the vendor has not said yet. */
  limit: number
}

/** Whole-second Reset headers round up: a window read from them is up to this much long. */
const RESET_ROUNDING_MS = 1000
/** A request is sent slightly before the vendor counts it: it leaves the vendor's window this much later. */
const LEAVE_MARGIN_MS = 20

export const limitOf = (s: BudgetState) => s.last?.limit ?? s.limit

/** Records an answer's headers; re-learns the window when the vendor's differs from the configured one. */
export function observe(s: BudgetState, o: BudgetObservation): void {
  s.last = o
  const known = ownCounted(s, o)
  if (known.foreign === 0 && known.own.length > 0) {
    const seen = o.resetAt - known.own[0]!
    const disagrees = seen < s.windowMs - RESET_ROUNDING_MS || seen > s.windowMs + RESET_ROUNDING_MS
    if (seen > 0 && s.learnt) s.windowMs = Math.min(s.windowMs, seen)
    else if (seen > 0 && disagrees) {
      s.windowMs = seen
      s.learnt = true
    }
  }
}

/** Drops send times that can no longer count. */
export function prune(s: BudgetState, now: number): void {
  const keepAfter = now - 2 * s.windowMs
  let drop = 0
  while (drop < s.sent.length && s.sent[drop]! <= keepAfter) drop++
  if (drop > 0) s.sent.splice(0, drop)
}

/** Of the requests the vendor counted at observation `o`, which are ours (oldest first) and how many are not. */
function ownCounted(s: BudgetState, o: BudgetObservation): { own: number[]; foreign: number } {
  const counted = Math.max(0, o.limit - o.remaining)
  let end = s.sent.length
  while (end > 0 && s.sent[end - 1]! > o.sentAt) end--
  const own = s.sent.slice(Math.max(0, end - counted), end)
  return { own, foreign: counted - own.length }
}

/** Instants (ascending, all after `now`) at which the requests counted now leave the window. */
export function leaveTimes(s: BudgetState, now: number): number[] {
  const W = s.windowMs
  const times: number[] = []
  let after = -Infinity
  if (s.last) {
    const { own, foreign } = ownCounted(s, s.last)
    for (let i = 0; i < foreign; i++) times.push(s.last.resetAt)
    for (const t of own) times.push(t + W + LEAVE_MARGIN_MS)
    after = s.last.sentAt
  }
  for (const t of s.sent) if (t > after && t > now - W) times.push(t + W + LEAVE_MARGIN_MS)
  return times.filter((t) => t > now).sort((a, b) => a - b)
}

/** The earliest instant a request may go while at most `capacity` are counted. */
export function nextSlot(s: BudgetState, now: number, capacity: number): number {
  const leaving = leaveTimes(s, now)
  const over = leaving.length - capacity
  return over < 0 ? now : leaving[over]!
}

export interface PassPlan {
  /** Pages that can go before the budget runs out. */
  nowPages: number
  /** When the budget lets the rest continue (absent when every page fits now). */
  resumesAt?: number
  /** When the last page should be in. */
  finishAt: number
}

/**
 * Plays out `pages` requests, one every `msPerRequest` at best, never more than
 * `capacity` counted at once: how many go now, when the rest may resume, when
 * the last is done. The same rule the pacer applies, so the plan is what happens.
 */
export function planPass(
  s: BudgetState,
  now: number,
  o: { pages: number; capacity: number; msPerRequest: number }
): PassPlan {
  const leaving = leaveTimes(s, now)
  let head = 0
  let t = now
  let nowPages = 0
  let resumesAt: number | undefined
  for (let p = 0; p < o.pages; p++) {
    while (head < leaving.length && leaving[head]! <= t) head++
    const counted = leaving.length - head
    if (counted >= o.capacity) {
      const at = leaving[head + counted - o.capacity]!
      head += counted - o.capacity + 1
      resumesAt ??= at
      t = at
    }
    if (resumesAt === undefined) nowPages++
    leaving.push(t + s.windowMs + LEAVE_MARGIN_MS)
    t += o.msPerRequest
  }
  return { nowPages, ...(resumesAt !== undefined && { resumesAt }), finishAt: t }
}
