/**
 * Tells a USB scanner's keystroke burst from a person typing.
 *
 * A keyboard-wedge scanner "types" the code at 1–10 ms per key and ends with Enter or
 * Tab; a fast typist manages 80–150 ms per key, with the odd rolled-over pair under
 * 35 ms. So: keys that follow each other within `maxInterKeyMs` form a burst, and a
 * burst of at least `minLength` characters ended by a terminator within
 * `terminatorTimeoutMs` of its last key is a scan. Everything else is typing.
 *
 * Pure and clock-injected: it never reads the clock unless `at` is omitted, and never
 * touches the DOM, so it runs the same in tests, the renderer and a worker.
 *
 * ## Caller contract (a global `keydown` listener, capture phase)
 *
 * Feed it `event.key` and a monotonic time (`event.timeStamp`, or `performance.now()`
 * — one clock throughout) for every keydown, except keys pressed with Ctrl, Alt or
 * Meta (shortcuts; map a scanner's Ctrl+] to `'\x1d'` (GS) if it sends FNC1 that
 * way). Pass `{ repeat: event.repeat }`: key auto-repeat runs at ~30 ms, as fast as a
 * scanner. Then act on the result:
 *
 * - `none` — let the key through.
 * - `capturing` — `preventDefault()`: the key is held as part of a possible scan.
 * - `scan` — `preventDefault()` (it is the terminator) and handle `code` (already
 *   without a configured prefix). The first `leaked` characters of the burst were
 *   *not* held back (see below) and have reached the focused element; if that is an
 *   editable field, remove that many characters before the caret.
 * - `typed` — the held-back `text` was typing after all: insert it into the focused
 *   editable element (e.g. `document.execCommand('insertText')` or `setRangeText`)
 *   *before* letting this key through. This key itself is not held.
 *
 * Also schedule a timer for {@link BurstDetector.deadline} whenever it is not null,
 * and call {@link BurstDetector.flush} when it fires, so a burst without a terminator
 * is given back as `typed` instead of hanging.
 *
 * ## Why the first key leaks
 *
 * A single key cannot be known to be part of a scan: only the gap to the next one
 * tells. Holding back every first key would delay and re-insert *all* typing, which
 * breaks IME, undo and key repeat in every text field. So the first key goes through
 * and capture starts with the second fast key; on a scan the caller removes the one
 * leaked character (`leaked` = 1). With a configured scanner prefix (a character
 * nobody types, such as `§` or `~`) the burst is recognised from its first key and
 * nothing leaks (`leaked` = 0).
 */

export interface BurstDetectorOptions {
  /** Longest gap between two characters of one burst (default 35 ms). */
  maxInterKeyMs?: number
  /** Fewest characters (after removing a prefix) that count as a scan (default 4). */
  minLength?: number
  /** `KeyboardEvent.key` values that end a scan (default `['Enter', 'Tab']`). */
  terminators?: string[]
  /**
   * Prefixes the scanners are configured to send. A burst starting with one is
   * captured from its first key and the prefix is removed from `code`.
   */
  prefixes?: string[]
  /**
   * How long after the last character a terminator is still accepted, and after which
   * `flush` gives an unfinished burst back as typing (default 100 ms).
   */
  terminatorTimeoutMs?: number
  /** Clock used when `at` is omitted (default `Date.now`). */
  now?: () => number
}

export type BurstEvent =
  | { type: 'none' }
  | { type: 'capturing' }
  /** `prefix`: the configured prefix the burst began with (removed from `code`), telling scanners apart. */
  | { type: 'scan'; code: string; leaked: number; prefix?: string }
  | { type: 'typed'; text: string }

export interface KeyInfo {
  /** `KeyboardEvent.repeat`: an auto-repeated key ends any burst. */
  repeat?: boolean
}

export interface BurstDetector {
  /** One keydown. See the module documentation for what to do with the result. */
  onKey(key: string, at?: number, info?: KeyInfo): BurstEvent
  /**
   * Call when the {@link deadline} timer fires. Gives back an unfinished burst as
   * `typed` (or `none` if nothing was held); before the deadline it only reports the
   * current state (`capturing` or `none`).
   */
  flush(at?: number): BurstEvent
  /** When `flush` should be called, or `null` when nothing is held (no burst, or only its leaked first key). */
  deadline(): number | null
  /** Characters in the open burst so far (0 when none is open). */
  burstLength(): number
  /** Drop any open burst without reporting it (e.g. on window blur). */
  reset(): void
}

/** Keys that come between a scanner's characters (Shift for capitals) and say nothing about timing. */
const MODIFIERS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'FnLock',
  'Hyper',
  'Super',
  'Symbol',
  'SymbolLock'
])

const NONE: BurstEvent = { type: 'none' }
const CAPTURING: BurstEvent = { type: 'capturing' }

/** One printable character (a named key such as `ArrowLeft` is longer). */
function isCharacter(key: string): boolean {
  const first = key.codePointAt(0)
  return first !== undefined && key.length === (first > 0xffff ? 2 : 1)
}

export function createBurstDetector(options: BurstDetectorOptions = {}): BurstDetector {
  const maxInterKeyMs = options.maxInterKeyMs ?? 35
  const minLength = options.minLength ?? 4
  const terminators = options.terminators ?? ['Enter', 'Tab']
  const prefixes = (options.prefixes ?? []).filter((p) => p !== '')
  const terminatorTimeoutMs = options.terminatorTimeoutMs ?? 100
  const now = options.now ?? Date.now

  /** The open burst, raw (prefix and leaked characters included). Empty = idle. */
  let chars: string[] = []
  /** How many leading characters of `chars` were let through rather than held. */
  let leaked = 0
  let lastAt = 0

  const reset = (): void => {
    chars = []
    leaked = 0
  }

  const held = (): string => chars.slice(leaked).join('')

  const state = (): BurstEvent => (chars.length > leaked ? CAPTURING : NONE)

  /** Ends the open burst as typing. */
  const release = (): BurstEvent => {
    const text = held()
    reset()
    return text === '' ? NONE : { type: 'typed', text }
  }

  const start = (ch: string, at: number, mayCapture: boolean): BurstEvent => {
    chars = [ch]
    lastAt = at
    const capture = mayCapture && prefixes.some((p) => p.startsWith(ch))
    leaked = capture ? 0 : 1
    return capture ? CAPTURING : NONE
  }

  const prefixOf = (s: string): string => {
    let best = ''
    for (const p of prefixes) if (s.startsWith(p) && p.length > best.length) best = p
    return best
  }

  const onKey = (key: string, at: number = now(), info: KeyInfo = {}): BurstEvent => {
    if (MODIFIERS.has(key)) return state()
    if (info.repeat === true) return release()

    const open = chars.length > 0
    const gap = open ? Math.max(0, at - lastAt) : Infinity

    if (terminators.includes(key)) {
      if (!open || gap > terminatorTimeoutMs) return release()
      const raw = chars.join('')
      const prefix = prefixOf(raw)
      const code = raw.slice(prefix.length)
      if (code.length < minLength) return release()
      const event: BurstEvent = { type: 'scan', code, leaked, ...(prefix !== '' && { prefix }) }
      reset()
      return event
    }

    if (!isCharacter(key)) return release()

    if (!open) return start(key, at, true)
    if (gap > maxInterKeyMs) {
      const released = release()
      // After giving text back this key must pass through too, or it would land
      // before the re-inserted text; so it cannot open a prefix capture.
      const started = start(key, at, released.type === 'none')
      return released.type === 'typed' ? released : started
    }
    chars.push(key)
    lastAt = at
    return CAPTURING
  }

  const flush = (at: number = now()): BurstEvent => {
    if (chars.length === 0) return NONE
    if (at - lastAt >= terminatorTimeoutMs) return release()
    return state()
  }

  // Only held keys wait on the wall clock. A burst whose keys all went through (the lone first
  // key) holds nothing to give back, so it stays open until the next key's own timestamp
  // decides: on a busy PC the rest of a scan can reach the page long after its first key.
  const deadline = (): number | null => (chars.length <= leaked ? null : lastAt + terminatorTimeoutMs)

  return { onKey, flush, deadline, burstLength: () => chars.length, reset }
}
