/**
 * The floor comes first: while a person's scan is being looked up, written and
 * drawn, background writers of the replica (sync) start no new transaction.
 *
 * IndexedDB runs transactions whose stores overlap one after another, in the
 * order they were created. A sync that keeps a transaction open over items and
 * stock would make every scan's lookup wait behind it. So a sync writes in short
 * transactions (see sync/apply-page.ts) and asks {@link floorClear} before each
 * one: a scan then waits for at most the one short transaction already running.
 *
 * What must stay true: a hold is always released (callers use try/finally or a
 * cap), and nothing a scan does ever waits on the floor itself.
 */

let holds = 0
let waiters: (() => void)[] = []
/** When the floor was last held (performance.now()), or never. */
let lastHeldAt = -Infinity

const wake = () => {
  if (holds > 0) return
  const ready = waiters
  waiters = []
  for (const w of ready) w()
}

/** A person's action is using the replica; returns its release (idempotent). */
export function holdFloor(): () => void {
  holds++
  lastHeldAt = performance.now()
  let released = false
  return () => {
    if (released) return
    released = true
    holds--
    wake()
  }
}

/**
 * Holds the floor until `until` settles, or `capMs` at most (a screen that never
 * draws what it waited for must not stall the sync for good).
 */
export function holdFloorUntil(until: Promise<unknown>, capMs: number): void {
  const release = holdFloor()
  const timer = setTimeout(release, capMs)
  void until.finally(() => {
    clearTimeout(timer)
    release()
  })
}

/** Milliseconds since someone last held the floor (Infinity if nobody has). */
export const sinceFloorUsed = (): number => (holds > 0 ? 0 : performance.now() - lastHeldAt)

/** True while someone holds the floor. */
export const floorBusy = (): boolean => holds > 0

/**
 * Resolves at once when nobody holds the floor, else when the last hold is
 * released, or after `maxWaitMs`: a background writer that must make progress
 * (the sync) waits at most that long, so people scanning without a pause slow
 * it down but never stop it.
 */
export function floorClear(maxWaitMs = Infinity): Promise<void> {
  if (holds === 0) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      waiters = waiters.filter((w) => w !== done)
      resolve()
    }
    const timer = Number.isFinite(maxWaitMs) ? setTimeout(done, maxWaitMs) : undefined
    waiters.push(done)
  })
}

let rolling: { release: () => void; timer: ReturnType<typeof setTimeout> } | undefined

/**
 * Holds the floor for `ms` from now, extended by each call: every key a
 * scanner types calls it, so the sync starts no write while a burst is being
 * typed, and by its Enter the replica is free for the scan's lookup.
 */
export function holdFloorFor(ms: number): void {
  if (rolling) clearTimeout(rolling.timer)
  const release = rolling?.release ?? holdFloor()
  rolling = {
    release,
    timer: setTimeout(() => {
      rolling = undefined
      release()
    }, ms)
  }
}
