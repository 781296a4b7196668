import { create } from 'zustand'
import type { Item } from '../../../../shared/model/records'
import { countItem, countScan, toneOf, type CountScanOutcome, type ScanContext } from '../../count/count-scan'
import { undoLast, type Undone } from '../../count/lines'
import { getDb } from '../../db/db'
import { playTone } from '../../scan/feedback'
import type { Tone } from '../../scan/tone'
import { useScannerSettings } from '../../stores/scanner'

/** What the scan banner shows: the last scan's outcome, an undo, or a failure to save. */
export type BannerContent =
  | CountScanOutcome
  | { status: 'undone'; undone: Undone; item: Item | undefined }
  | { status: 'failed'; message: string }
  | { status: 'info'; message: string }

export interface Banner {
  /** Grows with every banner, so the flash restarts even when two outcomes look the same. */
  seq: number
  content: BannerContent
  tone: Tone | 'neutral'
}

interface CountUiState {
  banner: Banner | null
  /** Typed before a scan: how many of the next scanned label were counted. Null = 1. */
  times: number | null
  setTimes(times: number | null): void
  show(content: BannerContent, tone: Banner['tone']): void
  clear(): void
}

/** UI state of the count screen; kept outside the component so the banner survives leaving the screen. */
export const useCountUi = create<CountUiState>((set) => ({
  banner: null,
  times: null,
  setTimes: (times) => set({ times }),
  show: (content, tone) => set((s) => ({ banner: { seq: (s.banner?.seq ?? 0) + 1, content, tone } })),
  clear: () => set({ banner: null, times: null })
}))

// Scans are handled one after another, in the order they were read: feedback must
// follow the scanner, and each scan sees the line the previous one wrote.
let queue: Promise<void> = Promise.resolve()
function enqueue(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task)
  return queue
}

const failure = (error: unknown): string =>
  error instanceof Error ? error.message : 'The scan could not be saved. Scan again.'

/** Feedback only after the outcome is known, and for a count only after it is committed. */
function report(outcome: CountScanOutcome) {
  const tone = toneOf(outcome)
  const ui = useCountUi.getState()
  ui.show(outcome, tone)
  if (outcome.status === 'counted') ui.setTimes(null)
  playTone(tone)
}

function reportFailure(error: unknown) {
  useCountUi.getState().show({ status: 'failed', message: failure(error) }, 'error')
  playTone('error')
}

/** A scan from the scanner, or a code typed by hand. */
export function submitScan(countId: string, raw: string): Promise<void> {
  return enqueue(async () => {
    try {
      const times = useCountUi.getState().times ?? 1
      const prefixes = useScannerSettings.getState().prefixes
      report(await countScan(getDb(), countId, raw, { times, prefixes }))
    } catch (error) {
      reportFailure(error)
    }
  })
}

/** Counts an item picked by hand for a scan that did not resolve to one item. */
export function submitPick(countId: string, item: Item, context: ScanContext): Promise<void> {
  return enqueue(async () => {
    try {
      report(await countItem(getDb(), countId, item, context))
    } catch (error) {
      reportFailure(error)
    }
  })
}

export function submitUndo(countId: string): Promise<void> {
  return enqueue(async () => {
    try {
      const db = getDb()
      const undone = await undoLast(db, countId)
      if (!undone) {
        useCountUi.getState().show({ status: 'info', message: 'Nothing to undo in this count.' }, 'neutral')
        return
      }
      const item = undone.line ? await db.items.get(undone.line.itemKey) : undefined
      useCountUi.getState().show({ status: 'undone', undone, item }, 'neutral')
    } catch (error) {
      reportFailure(error)
    }
  })
}
