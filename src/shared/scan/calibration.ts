/**
 * Measures a scanner from the keys of its bursts and works out the longest gap between
 * keys that still makes a burst a scan (`maxInterKeyMs` of the burst detector).
 *
 * Pure: keys come in with their own timestamps, nothing reads a clock or the DOM.
 *
 * A person typing must not calibrate the PC into taking typing for scans, so a
 * measurement needs: the scanner's suffix (Enter/Tab) to end each burst, at least
 * `minLength` characters, and two bursts that carry the same code. Typing a long code
 * twice, identically, with every gap under 150 ms, then Enter, is not what people do.
 */

/** The range of `maxInterKeyMs` a PC may be set to. Above 150 ms a fast typist is as quick as the scanner. */
export const MIN_INTER_KEY_MS = 30
export const MAX_INTER_KEY_MS = 150
/** How much slower than measured a scan may come and still be read as one. */
const MARGIN = 1.5
const ROUND_TO_MS = 5

/** One scanner burst as keyed in: its characters, and the gaps before each key after the first (suffix included). */
export interface MeasuredBurst {
  code: string
  gapsMs: number[]
}

export interface BurstRecorderOptions {
  suffixes: readonly string[]
  prefixes?: readonly string[]
}

export type RecordedKey = { type: 'held' } | { type: 'ignored' } | { type: 'burst'; burst: MeasuredBurst }

export interface BurstRecorder {
  /**
   * One keydown, whatever its speed. `held`: the key belongs to the burst being measured
   * (the caller keeps it from the page); `ignored`: not part of a burst (let it through);
   * `burst`: the suffix ended a burst, here measured.
   */
  onKey(key: string, at: number, info?: { repeat?: boolean }): RecordedKey
  reset(): void
}

/** Keys between a scanner's characters (Shift for capitals) that are no character of the code. */
const isCharacter = (key: string): boolean => [...key].length === 1

export function createBurstRecorder(options: BurstRecorderOptions): BurstRecorder {
  let chars: string[] = []
  let times: number[] = []
  const reset = () => {
    chars = []
    times = []
  }
  const withoutPrefix = (s: string): string => {
    let best = ''
    for (const p of options.prefixes ?? []) if (p && s.startsWith(p) && p.length > best.length) best = p
    return s.slice(best.length)
  }
  return {
    reset,
    onKey(key, at, info = {}) {
      if (info.repeat) {
        // A held-down key is a person, not a scanner.
        reset()
        return { type: 'ignored' }
      }
      if (options.suffixes.includes(key)) {
        if (chars.length === 0) return { type: 'ignored' }
        const stamps = [...times, at]
        const gapsMs = stamps.slice(1).map((t, i) => Math.max(0, t - stamps[i]!))
        const burst = { code: withoutPrefix(chars.join('')), gapsMs }
        reset()
        return { type: 'burst', burst }
      }
      if (!isCharacter(key)) return chars.length > 0 ? { type: 'held' } : { type: 'ignored' }
      chars.push(key)
      times.push(at)
      return { type: 'held' }
    }
  }
}

export type Calibration =
  /** Set the detector to `maxInterKeyMs`. */
  | { type: 'set'; maxInterKeyMs: number; maxGapMs: number; length: number; code: string }
  /** One good burst so far: scan the same label again. */
  | { type: 'again'; maxGapMs: number; length: number; code: string }
  | { type: 'too-short'; length: number; minLength: number }
  | { type: 'disagree'; first: string; second: string }
  /** The scanner pauses longer than a fast typist: its bursts cannot be told from typing. */
  | { type: 'too-slow'; maxGapMs: number }

const largestGap = (bursts: readonly MeasuredBurst[]): number =>
  Math.max(0, ...bursts.flatMap((b) => b.gapsMs))

/** The measured gap with a margin, rounded up to 5 ms, within 30–150 ms. */
export function interKeyFor(maxGapMs: number): number {
  const withMargin = Math.ceil((maxGapMs * MARGIN) / ROUND_TO_MS) * ROUND_TO_MS
  return Math.min(MAX_INTER_KEY_MS, Math.max(MIN_INTER_KEY_MS, withMargin))
}

/**
 * What the bursts scanned so far (oldest first, the newest last) say about the scanner.
 * Only the last two count: a mismatch is resolved by scanning again.
 */
export function calibrate(bursts: readonly MeasuredBurst[], opts: { minLength: number }): Calibration | null {
  const last = bursts.at(-1)
  if (!last) return null
  const length = [...last.code].length
  if (length < opts.minLength) return { type: 'too-short', length, minLength: opts.minLength }
  const maxGapMs = Math.round(largestGap([last]))
  if (maxGapMs > MAX_INTER_KEY_MS) return { type: 'too-slow', maxGapMs }
  const previous = bursts.at(-2)
  if (!previous || [...previous.code].length < opts.minLength || largestGap([previous]) > MAX_INTER_KEY_MS)
    return { type: 'again', maxGapMs, length, code: last.code }
  if (previous.code !== last.code) return { type: 'disagree', first: previous.code, second: last.code }
  const both = Math.round(largestGap([previous, last]))
  return { type: 'set', maxInterKeyMs: interKeyFor(both), maxGapMs: both, length, code: last.code }
}

/** The outcome of a calibration in the words shown to the person. */
export function calibrationWords(c: Calibration): string {
  switch (c.type) {
    case 'set':
      return `Your scanner sent ${c.length} characters with gaps up to ${c.maxGapMs} ms. Scans are now told from typing at up to ${c.maxInterKeyMs} ms between keys.`
    case 'again':
      return `Read ${c.length} characters with gaps up to ${c.maxGapMs} ms. Scan the same label once more to confirm.`
    case 'too-short':
      return `That was only ${c.length} characters, ended by Enter or Tab: too short to be the test label (at least ${c.minLength}). Scan the test label with the scanner, not the keyboard.`
    case 'disagree':
      return `The two scans did not match (${c.first}, then ${c.second}). Scan the same label twice.`
    case 'too-slow':
      return `Your scanner paused up to ${c.maxGapMs} ms between keys: as slow as a person types, so its scans cannot be told from typing. Raise the scanner's own transmit speed (in its manual: "inter-character delay" or "keyboard speed"), keep it sending Enter or Tab after each code, and calibrate again.`
  }
}
