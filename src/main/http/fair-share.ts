/**
 * One vendor limit shared by several PCs on one account (Frostbyte: 120 a minute for
 * the organisation), seen from one of them. Pure: the caller passes the clock.
 *
 * The live headers are the account's: every answer says how much of the window is
 * left (Remaining) and when it ends (Reset). What the vendor counted beyond this PC's
 * own requests in the window was spent by others; their rate against ours estimates how
 * many PCs are spending (`1 + others ÷ own`). While others are seen, this PC spreads
 * its share of what is left (Remaining − a request for each PC, ÷ PCs) evenly over the
 * time left, so the PCs together finish the window's budget at its end instead of
 * spending it in the first seconds and meeting 429s. Alone, it waits for nothing here.
 */
export interface FairShareState {
  /** The end of the vendor window last seen (epoch ms). */
  windowEnd?: number
  remaining: number
  /** The account's count at this PC's first answer of the window. */
  countedAtFirst?: number
  /** Own answers in the window. */
  own: number
  observedAt: number
  /** Other PCs spending, as counted in this window (held at its largest once the window's count is not young). */
  others: number
  /** The last window's count, a little faded: what a young window stands on. */
  previous: number
  /** When this PC last sent. */
  lastSend?: number
}

/** Below this many own answers in a window, its count is too young to stand on its own. */
const YOUNG = 3
/** A new window keeps this much of the last one's count (PCs that stopped fade out). */
const CARRIED = 0.8
/** Fewer other PCs than this is noise (a probe, a person's lookup): no pacing for them. */
const ALONE_BELOW = 0.5

export const newFairShare = (): FairShareState => ({
  remaining: 0,
  own: 0,
  observedAt: 0,
  others: 0,
  previous: 0
})

/**
 * An answer's headers: the account's remaining budget and the window's end. Since this
 * PC's first answer in the window the vendor counted its own requests and the others':
 * others ÷ own is how many PCs spend beside this one, when each goes at about its pace.
 * The count is held at its largest for the window: a PC ahead of the others sees fewer
 * of theirs between its own and must not take that for fewer PCs (it would run further
 * ahead). Counting from this PC's own first answer, not the window's start, keeps a PC
 * that joins mid-window from counting what was spent before it came.
 */
export function observeShare(
  s: FairShareState,
  o: { limit: number; remaining: number; resetAt: number; at: number }
): void {
  const counted = Math.max(0, o.limit - o.remaining)
  if (s.windowEnd === undefined || o.resetAt > s.windowEnd) {
    // What was counted before this PC's first answer may be its own (a restart): not others' yet.
    s.previous = s.windowEnd === undefined ? 0 : current(s) * CARRIED
    s.windowEnd = o.resetAt
    s.countedAtFirst = counted
    s.own = 0
    s.others = 0
  } else if (o.resetAt < s.windowEnd) return // an answer of the window before, arriving late
  s.own += 1
  s.remaining = o.remaining
  s.observedAt = o.at
  if (s.own > 1) {
    const mine = s.own - 1
    const theirs = Math.max(0, counted - (s.countedAtFirst ?? 0) - mine)
    const ratio = theirs / mine
    s.others = s.own <= YOUNG ? ratio : Math.max(s.others, ratio)
  }
}

/** Other PCs as counted now: a young window stands on the last one's count too. */
function current(s: FairShareState): number {
  return s.own <= YOUNG ? Math.max(s.others, s.previous) : s.others
}

export function recordSend(s: FairShareState, at: number): void {
  s.lastSend = at
}

/** How many PCs this one shares the account with, itself included (1 when alone). */
export function sharers(s: FairShareState): number {
  const others = current(s)
  return others < ALONE_BELOW ? 1 : 1 + others
}

/**
 * How long this PC waits before its next request (0 when alone): its share of what is
 * left of the window (Remaining less a request per PC, ÷ PCs), spread evenly over the
 * time left, so the PCs together spend the window's budget by its end and meet no 429.
 */
export function shareWait(s: FairShareState, now: number): number {
  if (s.windowEnd === undefined || s.lastSend === undefined) return 0
  const n = sharers(s)
  if (n === 1 || now >= s.windowEnd) return 0
  const mine = (s.remaining - Math.ceil(n)) / n
  // Nothing left of this window for this PC: the next one (Reset is rounded up to the second).
  if (mine < 1) return s.windowEnd - now
  const interval = (s.windowEnd - s.observedAt) / mine
  return Math.max(0, s.lastSend + interval - now)
}
