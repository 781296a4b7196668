import { notifications } from '@mantine/notifications'
import { useEffect, useEffectEvent } from 'react'
import { playTone } from './feedback'
import { toneColour } from './tone'
import { repeatWords } from '../../../shared/scan/repeat-filter'
import { useScannerSettings, type ScannerSettings } from './scanner-settings'
import { focusedEditTarget } from './dom-target'
import { createKeyboardWedge, type KeyboardWedge, type ScanSource, type WedgeKey } from './keyboard-wedge'
import { noteScanKey } from './scan-timing'
import { holdFloorFor } from '../db/floor'

/**
 * Takes one scan; `from`: which scanner, by the prefix it sent (two scanners on one PC
 * told apart). A handler that returns a promise holds the next scan back until it settles
 * (at most {@link HANDLER_HOLD_MS}), so a scan that opens an order is done before the
 * item scanned right after it is taken.
 */
export type ScanHandler = (code: string, from?: ScanSource) => void | Promise<unknown>
/** Tells the person a scan was ignored as a repeat (`words`), where the screen shows its scans. */
export type RepeatHandler = (words: string) => void

/**
 * Who gets a scan: the newest handler of the highest priority. A screen that scans
 * (a count) outranks the app-wide fallback, so a scan is never handled twice.
 */
interface Registration {
  handler: ScanHandler
  priority: number
  onRepeat?: RepeatHandler
}
const registrations: Registration[] = []

const receiver = (): Registration | undefined => {
  let target: Registration | undefined
  for (const r of registrations) if (!target || r.priority >= target.priority) target = r
  return target
}

/** A modal dialog is open: the screen behind it must not take a scan it cannot show. */
const dialogOpen = (): boolean =>
  typeof document !== 'undefined' && document.querySelector('[role="dialog"][aria-modal="true"]') !== null

/** A handler still busy after this long no longer holds the scans after it back. */
const HANDLER_HOLD_MS = 10_000
/** The scans not yet delivered: one at a time, in the order they were read. */
let delivering: Promise<void> = Promise.resolve()

function dispatch(code: string, from?: ScanSource): void {
  noteScanKey()
  delivering = delivering.then(() => deliver(code, from))
}

async function deliver(code: string, from?: ScanSource): Promise<void> {
  // Chosen when the scan's turn comes: a scan that opened a screen's order has been handled by then.
  const target = receiver()
  if (!target) return
  if (target.priority < DIALOG_PRIORITY && dialogOpen()) {
    // Never counted behind the dialog: refused, with the error sound, until it is closed.
    notifications.show({
      color: 'red',
      title: 'Scan not taken',
      message: 'A dialog is open: finish or close it (Escape), then scan again.'
    })
    playTone('error')
    return
  }
  try {
    const taking = target.handler(code, from)
    if (taking instanceof Promise) {
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([taking, new Promise((r) => (timer = setTimeout(r, HANDLER_HOLD_MS)))]).finally(() =>
        clearTimeout(timer)
      )
    }
  } catch (error) {
    console.error('Scan handler failed', error)
  }
}

/** A repeat was ignored: said where the screen shows its scans, or in a notice, with its own sound. */
function dispatchRepeat(): void {
  const words = repeatWords(useScannerSettings.getState().repeatWindowMs)
  const target = receiver()
  if (target?.onRepeat && (target.priority >= DIALOG_PRIORITY || !dialogOpen())) return target.onRepeat(words)
  notifications.show({ color: toneColour.repeat, title: words, message: 'It was not taken a second time.' })
  playTone('repeat')
}

function wedgeOptions(s: ScannerSettings) {
  return {
    detector: {
      prefixes: s.prefixes,
      terminators: s.suffixes,
      maxInterKeyMs: s.maxInterKeyMs,
      minLength: s.minLength,
      // A scanner slow enough to pause 150 ms between keys pauses as long before its suffix.
      terminatorTimeoutMs: Math.max(100, s.maxInterKeyMs)
    },
    repeatWindowMs: s.ignoreRepeats ? s.repeatWindowMs : null
  }
}

/**
 * While set, every key goes here instead of to the scanner (calibration measures the
 * scanner's own bursts, however slow). `true`: the key is kept from the page.
 */
let keyCapture: ((key: WedgeKey) => boolean) | undefined

/**
 * The detector judges a burst by the keys' own timestamps, but its deadline timer runs
 * on the wall clock. When the PC is busy (a sync writing pages), the rest of a burst
 * can reach the page later than its timestamps say; giving the burst up exactly at the
 * deadline would split the scan in two. The cost of waiting longer is only that a
 * fast pair typed by hand, with nothing after it, shows up this much later.
 */
const FLUSH_GRACE_MS = 150
/**
 * A burst this long at scanner speed (by the keys' own timestamps, under 35 ms apart) is a
 * scanner's: a fast typist rolls over two keys that quickly, not four. On a busy PC the rest of
 * its keys can reach the page hundreds of ms late, so it is given up as typing only after
 * {@link LATE_KEYS_MS} without a key arriving.
 */
const SCANNER_BURST_CHARS = 4
const LATE_KEYS_MS = 1_000

const inputPending = (): boolean =>
  (navigator as { scheduling?: { isInputPending?: () => boolean } }).scheduling?.isInputPending?.() ?? false

function install(): () => void {
  const build = (): KeyboardWedge =>
    createKeyboardWedge({
      ...wedgeOptions(useScannerSettings.getState()),
      onScan: dispatch,
      onRepeat: dispatchRepeat
    })
  let wedge = build()
  let timer: ReturnType<typeof setTimeout> | undefined
  /** When the last key reached the page (performance.now(); its own timestamp may be older). */
  let lastKeyArrived = -Infinity

  const schedule = (grace = FLUSH_GRACE_MS) => {
    clearTimeout(timer)
    const due = wedge.deadline()
    if (due === null) return
    timer = setTimeout(
      () => {
        // A key still on its way belongs to the burst: let it arrive before giving the burst up.
        if (inputPending()) return schedule(20)
        const quietMs = performance.now() - lastKeyArrived
        if (wedge.burstLength() >= SCANNER_BURST_CHARS && quietMs < LATE_KEYS_MS)
          return schedule(LATE_KEYS_MS - quietMs)
        wedge.onDeadline(performance.now(), focusedEditTarget())
        schedule()
      },
      Math.max(0, due - performance.now()) + grace
    )
  }
  // Capture phase on window: the wedge sees every key before any field or shortcut does.
  const onKeyDown = (e: KeyboardEvent) => {
    lastKeyArrived = performance.now()
    // Any key may begin a scan: no sync write starts until the keys stop (see db/floor.ts): a little
    // longer than the scanner's widest gap between keys, so a burst's Enter finds the replica free.
    holdFloorFor(useScannerSettings.getState().maxInterKeyMs + 15)
    if (keyCapture) {
      // Whatever the scanner held before is dropped: these keys are measured, not scanned.
      clearTimeout(timer)
      wedge.reset()
      if (keyCapture(e)) {
        e.preventDefault()
        e.stopImmediatePropagation()
      }
      return
    }
    if (wedge.onKeyDown(e, focusedEditTarget())) {
      e.preventDefault()
      e.stopImmediatePropagation()
    }
    schedule()
  }
  const onBlur = () => {
    clearTimeout(timer)
    wedge.reset()
  }
  const unsubscribe = useScannerSettings.subscribe((s, prev) => {
    const next = wedgeOptions(s)
    if (JSON.stringify(next) !== JSON.stringify(wedgeOptions(prev))) {
      onBlur()
      wedge = build()
    }
  })
  window.addEventListener('keydown', onKeyDown, true)
  window.addEventListener('blur', onBlur)
  return () => {
    unsubscribe()
    onBlur()
    window.removeEventListener('keydown', onKeyDown, true)
    window.removeEventListener('blur', onBlur)
  }
}

let users = 0
let uninstall: (() => void) | undefined

/** Installs the one global keydown listener for as long as anyone needs it. */
function acquire(): () => void {
  if (users++ === 0) uninstall = install()
  return () => {
    if (--users === 0) {
      uninstall?.()
      uninstall = undefined
    }
  }
}

export function registerScanHandler(
  handler: ScanHandler,
  priority: number,
  onRepeat?: RepeatHandler
): () => void {
  const release = acquire()
  const r: Registration = { handler, priority, ...(onRepeat && { onRepeat }) }
  registrations.push(r)
  return () => {
    const i = registrations.indexOf(r)
    if (i >= 0) registrations.splice(i, 1)
    release()
  }
}

/**
 * Sends every keydown to `capture` instead of the scanner until the returned function
 * is called: no scan is recognised meanwhile. For measuring the scanner itself.
 */
export function captureKeys(capture: (key: WedgeKey) => boolean): () => void {
  const release = acquire()
  keyCapture = capture
  return () => {
    if (keyCapture === capture) keyCapture = undefined
    release()
  }
}

/** Priority of a dialog that takes scans itself; only such a handler gets a scan while a dialog is open. */
export const DIALOG_PRIORITY = 20
/** Priority of a screen's own handler; above {@link GLOBAL_PRIORITY}. */
export const SCREEN_PRIORITY = 10
export const GLOBAL_PRIORITY = 0

/**
 * Receives scanner bursts while mounted (and `enabled`), wherever focus is. The
 * keys of a scan never reach the focused field; typing passes through untouched.
 */
export function useScanner(
  handler: ScanHandler,
  enabled = true,
  priority = SCREEN_PRIORITY,
  onRepeat?: RepeatHandler
): void {
  const onScan = useEffectEvent(handler)
  const repeat = useEffectEvent((words: string) => onRepeat?.(words))
  const tellsRepeats = onRepeat !== undefined
  useEffect(() => {
    if (!enabled) return
    return registerScanHandler(
      (code, from) => onScan(code, from) as ReturnType<ScanHandler>,
      priority,
      tellsRepeats ? (words) => repeat(words) : undefined
    )
  }, [enabled, priority, tellsRepeats])
}
