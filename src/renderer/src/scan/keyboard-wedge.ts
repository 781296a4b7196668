import { createBurstDetector, GS, type BurstDetectorOptions, type BurstEvent } from '../../../shared/scan'
import { createRepeatFilter } from '../../../shared/scan/repeat-filter'

/** What the wedge needs from a `KeyboardEvent` (a plain object in tests). */
export interface WedgeKey {
  key: string
  /** Monotonic: `event.timeStamp`, the same clock as `performance.now()`. */
  timeStamp: number
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
  repeat?: boolean
  isComposing?: boolean
}

/** The focused editable field, when there is one: where leaked keys landed and held-back typing goes. */
export interface EditTarget {
  /**
   * A password or key field: what is typed there is never taken for a scan,
   * whatever its speed (a password manager types as fast as a scanner).
   */
  secret?: boolean
  /** Inserts at the caret (replacing a selection), as typing would. */
  insert(text: string): void
  /** Removes `count` characters before the caret. */
  deleteBefore(count: number): void
}

export interface KeyboardWedge {
  /** One keydown; `true` means the caller must `preventDefault()` and stop its propagation. */
  onKeyDown(key: WedgeKey, target: EditTarget | null): boolean
  /** When the caller should call {@link onDeadline}, or `null` when no burst is open. */
  deadline(): number | null
  /** Characters in the open burst so far (0 when none is open). */
  burstLength(): number
  /** The {@link deadline} timer fired: an unfinished burst is given back as typing. */
  onDeadline(at: number, target: EditTarget | null): void
  /** Drops an open burst (window lost focus). */
  reset(): void
}

/** Which scanner a scan came from, as far as its keys tell: the prefix it sent. */
export interface ScanSource {
  prefix: string
}

/**
 * The global keyboard-wedge scanner: feeds every keydown to a burst detector and
 * carries out its caller contract, so a scan never ends up as text in whatever field
 * has focus and typing is never lost. DOM-free, so the key handling is tested with
 * simulated timings and a simulated text field.
 */
export function createKeyboardWedge(opts: {
  detector?: BurstDetectorOptions
  /** Ignore the same code scanned again within this many ms (by the keys' own timestamps); null: off. */
  repeatWindowMs?: number | null
  /** `from.prefix`: the prefix the scanner sent (removed from `code`), when it sent one. */
  onScan(code: string, from?: ScanSource): void
  /** A scan ignored as a repeat: its keys are kept from the page all the same, and the person must be told. */
  onRepeat?(code: string): void
}): KeyboardWedge {
  const detector = createBurstDetector(opts.detector)
  const repeats = createRepeatFilter(opts.repeatWindowMs ?? null)

  const giveBack = (event: BurstEvent, target: EditTarget | null) => {
    if (event.type === 'typed' && target) target.insert(event.text)
  }

  const act = (event: BurstEvent, target: EditTarget | null, at: number): boolean => {
    switch (event.type) {
      case 'none':
        return false
      case 'capturing':
        return true
      case 'typed':
        // The held text goes in first; this key then follows it as typed.
        giveBack(event, target)
        return false
      case 'scan':
        if (event.leaked > 0 && target) target.deleteBefore(event.leaked)
        if (repeats.check(event.code, at).type === 'repeat') opts.onRepeat?.(event.code)
        else if (event.prefix !== undefined) opts.onScan(event.code, { prefix: event.prefix })
        else opts.onScan(event.code)
        return true
    }
  }

  return {
    onKeyDown(key, target) {
      if (target?.secret) {
        // Anything held from before focus moved here is typing, and so is this key.
        giveBack(detector.flush(Number.POSITIVE_INFINITY), target)
        return false
      }
      if (key.isComposing) return false
      if (key.ctrlKey || key.altKey || key.metaKey) {
        // Scanners that cannot send ASCII GS send FNC1 as Ctrl+]; any other chord is a shortcut.
        if (key.ctrlKey && !key.altKey && !key.metaKey && key.key === ']') {
          return act(
            detector.onKey(GS, key.timeStamp, { repeat: key.repeat ?? false }),
            target,
            key.timeStamp
          )
        }
        return false
      }
      return act(
        detector.onKey(key.key, key.timeStamp, { repeat: key.repeat ?? false }),
        target,
        key.timeStamp
      )
    },
    deadline: () => detector.deadline(),
    burstLength: () => detector.burstLength(),
    onDeadline(at, target) {
      giveBack(detector.flush(at), target)
    },
    reset: () => detector.reset()
  }
}
