/**
 * Drops a second scan of the same code that comes too soon after the first: a scanner
 * that reads a label twice as it is waved past, or a trigger pressed twice.
 *
 * Only a scan that was passed on starts the window, so a person scanning one label
 * again and again (every repeat inside the window) never gets one through by accident,
 * and one scanned again after the window counts as a new scan. Pure, clock injected.
 */
export interface RepeatFilter {
  /** `pass`: hand the scan on. `repeat`: ignore it; `sinceMs` after the same code was taken. */
  check(code: string, at: number): { type: 'pass' } | { type: 'repeat'; sinceMs: number }
}

/** The range a PC may set the window to. */
export const MIN_REPEAT_WINDOW_MS = 300
export const MAX_REPEAT_WINDOW_MS = 5000

/** `windowMs` null: off, every scan passes. */
export function createRepeatFilter(windowMs: number | null): RepeatFilter {
  let last: { code: string; at: number } | undefined
  return {
    check(code, at) {
      if (windowMs !== null && last && last.code === code && at - last.at < windowMs) {
        return { type: 'repeat', sinceMs: Math.max(0, at - last.at) }
      }
      last = { code, at }
      return { type: 'pass' }
    }
  }
}

/** "1 s", "1.5 s", "300 ms": a window as people say it. */
export function formatWindow(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = Math.round(ms / 100) / 10
  return `${s} s`
}

/** The line shown when a repeat was ignored. */
export const repeatWords = (windowMs: number): string =>
  `Same code again within ${formatWindow(windowMs)} — ignored`
