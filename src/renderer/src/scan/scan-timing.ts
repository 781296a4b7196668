/**
 * Where a scan's time goes, as User Timing measures named `scan:<phase>` (the
 * Performance panel of DevTools draws them; `bench/scan.mjs` reads them back and
 * reports each phase's p50/p95). The phases, in order:
 *
 * - `queue`    Enter keystroke → the scan's turn (scans are handled one at a time)
 * - `parse`    code → scan (GTIN/GS1)
 * - `lookup`   session check and code lookup in the replica
 * - `commit`   the count's transaction, until IndexedDB says it is committed
 * - `feedback` tone and banner (only after the commit)
 * - `render`   feedback → the count line shows the new quantity (React commit)
 * - `requery`  the count screen reading back what the scan changed (after it is shown)
 * - `total`    Enter keystroke → count line on screen (what a person sees)
 *
 * Two clock reads and one entry per phase: cheap enough to stay on for every scan.
 * Entries are dropped now and then, so a day of scanning does not fill the buffer.
 */
export type ScanPhase = 'queue' | 'parse' | 'lookup' | 'commit' | 'feedback' | 'render' | 'requery' | 'total'

export const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now())

export const SCAN_MEASURE_PREFIX = 'scan:'
const KEPT = 2_000
let measures = 0

const hasTiming = (): boolean =>
  typeof performance !== 'undefined' && typeof performance.measure === 'function'

/**
 * One User Timing measure (`scan:lookup`, `search:query`…) from `start` to `end`
 * (`performance.now()` times). Never throws: timing is for people reading a profile.
 */
export function measureSpan(name: string, start: number, end: number = now()): void {
  if (!hasTiming()) return
  try {
    performance.measure(name, { start, end })
    if (++measures > KEPT) {
      measures = 0
      performance.clearMeasures()
    }
  } catch {
    // A clock that went odd (a start after the end) costs the measure, nothing else.
  }
}

const measure = (phase: ScanPhase, start: number, end: number): void =>
  measureSpan(SCAN_MEASURE_PREFIX + phase, start, end)

/** One scan's timer: each `lap` measures from the previous lap (or the keystroke) to now. */
export interface ScanTimer {
  readonly startedAt: number
  lap(phase: ScanPhase): void
  /** Measures `phase` from the keystroke to now. */
  sinceStart(phase: ScanPhase): void
}

export function scanTimer(startedAt = now()): ScanTimer {
  let last = startedAt
  return {
    startedAt,
    lap(phase) {
      const t = now()
      measure(phase, last, t)
      last = t
    },
    sinceStart(phase) {
      measure(phase, startedAt, now())
    }
  }
}

/** The keystroke that ended the latest scanner burst (set by the wedge, read by whoever takes the scan). */
let lastScanKeyAt: number | undefined

export function noteScanKey(at: number = now()): void {
  lastScanKeyAt = at
}

/** A timer for the scan being handed over now, started at its Enter keystroke when there was one just now. */
export function timerForScan(): ScanTimer {
  const at = lastScanKeyAt
  lastScanKeyAt = undefined
  // A code typed by hand and sent with the Add button has no keystroke of its own.
  return scanTimer(at !== undefined && now() - at < 50 ? at : undefined)
}

/**
 * A scan is committed and its line is on its way to the screen: the count screen
 * calls {@link lineShown} when it has drawn it, which closes the scan's measures.
 */
let awaiting: { timer: ScanTimer; lineId: string; counted: number } | undefined

let shownWaiters: (() => void)[] = []

export function awaitLine(timer: ScanTimer, lineId: string, counted: number): void {
  awaiting = { timer, lineId, counted }
}

/** The count screen drew a line with this quantity (call from a layout effect). */
export function lineShown(lineId: string, counted: number): void {
  if (!awaiting || awaiting.lineId !== lineId || awaiting.counted !== counted) return
  awaiting.timer.lap('render')
  awaiting.timer.sinceStart('total')
  awaiting = undefined
  const waiters = shownWaiters
  shownWaiters = []
  for (const w of waiters) w()
}

/**
 * Settles once the line the last scan awaits is drawn, at once when none is
 * awaited (an unknown code, a failure), and after `capMs` at most.
 */
export function lineDrawn(capMs: number): Promise<void> {
  if (!awaiting) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, capMs)
    shownWaiters.push(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Measures a read-back of what a change touched as `requery`. */
export async function timedRequery<T>(run: () => Promise<T>): Promise<T> {
  const start = now()
  const value = await run()
  measure('requery', start, now())
  return value
}
