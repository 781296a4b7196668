import { create } from 'zustand'
import { readTypedQuantity, type TypedQuantity } from '../../../../shared/count/quantity'
import type { CountSession, Item, LinkPack, Location } from '../../../../shared/model/records'
import { parseScan } from '../../../../shared/scan'
import {
  countItem,
  countScan,
  packed,
  toneOf,
  type CountScanOutcome,
  type ScanContext
} from '../../count/count-scan'
import { findLocationLabel, goToLabel, type LabelOutcome } from '../../count/location-switch'
import { resolveCode } from '../../count/resolve'
import { undoLast, type Undone } from '../../count/lines'
import { linkCode } from '../../count/barcode-links'
import type { StockroomDb } from '../../db/db'
import { playTone } from '../../scan/feedback'
import { awaitLine, lineDrawn, timerForScan, type ScanTimer } from '../../scan/scan-timing'
import { holdFloor } from '../../db/floor'
import type { Tone } from '../../scan/tone'
import { countLimits } from '../../stores/count-limits'
import { counterFor, counterName } from '../../stores/counter'
import { useScannerSettings } from '../../scan/scanner-settings'
import { DISK_FULL_WORDS, storageWords } from '../../db/storage-errors'
import { moveToLot, recordIssue, resolveIssue } from '../../count/issues'

/** What the scan banner shows: the last scan's outcome, an undo, or a failure to save. */
export type BannerContent =
  | ScanReport
  | { status: 'undone'; undone: Undone; item: Item | undefined }
  /** `diskFull`: the disk could not take it (the same words every time). */
  | { status: 'failed'; message: string; diskFull?: boolean }
  | { status: 'info'; message: string; detail?: string }
  /** A location label was scanned: where scans go now. */
  | (LabelOutcome & { status: 'switched' })
  /** A location label that cannot be counted here, in words. */
  | { status: 'refused'; message: string }

/**
 * A scan's outcome, with what the Quantity field held if that could not be used,
 * and the code it linked to the item (its next scan counts that item directly).
 */
export type ScanReport = CountScanOutcome & {
  ignoredQuantity?: string
  linkedCode?: string
  /** The Unresolved entry this outcome left (an unknown code, a quantity waiting, a missing lot). */
  issueId?: string
}

export interface Banner {
  /** Grows with every banner, so the flash restarts even when two outcomes look the same. */
  seq: number
  content: BannerContent
  tone: Tone | 'neutral'
}

interface CountUiState {
  banner: Banner | null
  /**
   * The Quantity field as typed: how many of the next scanned label were counted.
   * Read with {@link readTypedQuantity}; only a plain quantity is ever used.
   */
  quantityText: string
  setQuantityText(text: string): void
  show(content: BannerContent, tone: Banner['tone']): void
  clear(): void
}

/** UI state of the count screen; kept outside the component so the banner survives leaving the screen. */
export const useCountUi = create<CountUiState>((set) => ({
  banner: null,
  quantityText: '',
  setQuantityText: (quantityText) => set({ quantityText }),
  show: (content, tone) => set((s) => ({ banner: { seq: (s.banner?.seq ?? 0) + 1, content, tone } })),
  clear: () => set({ banner: null, quantityText: '' })
}))

/** What the Quantity field says now. */
export const typedQuantity = (): TypedQuantity => readTypedQuantity(useCountUi.getState().quantityText)

// Scans are handled one after another, in the order they were read: feedback must
// follow the scanner, and each scan sees the line the previous one wrote.
// Each scan holds the floor from its Enter until its line is drawn: the sync writes nothing meanwhile.
let queue: Promise<void> = Promise.resolve()
function enqueue(task: () => Promise<void>): Promise<void> {
  const release = holdFloor()
  queue = queue.then(task, task)
  void queue.then(() => lineDrawn(FLOOR_DRAW_CAP_MS)).finally(release)
  return queue
}
/** The longest a scan holds the floor for its line to be drawn after its commit. */
const FLOOR_DRAW_CAP_MS = 100

const failure = (error: unknown): string =>
  storageWords(error) ?? (error instanceof Error ? error.message : 'The scan could not be saved. Scan again.')

/**
 * Feedback only after the outcome is known, and for a count only after it is
 * committed. Every scan empties the Quantity field, whatever came of it: a quantity
 * left over from a failed or unknown scan must not multiply the next one.
 */
function report(outcome: ScanReport, timer?: ScanTimer) {
  const tone = toneOf(outcome)
  const ui = useCountUi.getState()
  ui.show(outcome, tone)
  ui.setQuantityText('')
  playTone(tone)
  if (timer) {
    timer.lap('feedback')
    if (outcome.status === 'counted') awaitLine(timer, outcome.line.id, outcome.line.counted)
  }
}

function reportFailure(error: unknown) {
  const message = failure(error)
  useCountUi.getState().show({ status: 'failed', message, diskFull: message === DISK_FULL_WORDS }, 'error')
  useCountUi.getState().setQuantityText('')
  playTone('error')
}

/**
 * Keeps what the outcome leaves unresolved, and takes off the list the entry it
 * answers (`answering`): both before the banner, so what it says is on the list.
 */
async function settle(
  db: StockroomDb,
  countId: string,
  outcome: ScanReport,
  answering?: string
): Promise<ScanReport> {
  if (answering !== undefined) await resolveIssue(db, answering)
  const issue = await recordIssue(db, countId, outcome)
  return issue ? { ...outcome, issueId: issue.id } : outcome
}

/** A scan's work in its turn; a failure to save is said in the banner with the error tone. */
const enqueueReported = (task: () => Promise<void>): Promise<void> =>
  enqueue(async () => {
    try {
      await task()
    } catch (error) {
      reportFailure(error)
    }
  })

/** A scan from the scanner, or a code typed by hand. */
/** `prefix`: the prefix the scanner sent, which may name who holds it (two scanners on one PC). */
export function submitScan(db: StockroomDb, countId: string, raw: string, prefix?: string): Promise<void> {
  const timer = timerForScan()
  return enqueueReported(async () => {
    timer.lap('queue')
    const typed = typedQuantity()
    const times = typed.status === 'ok' ? typed.value : 1
    const prefixes = useScannerSettings.getState().prefixes
    const outcome = await countScan(db, countId, raw, {
      times,
      prefixes,
      limits: countLimits(),
      timer,
      counter: counterFor(prefix)
    })
    if (outcome.status === 'location') {
      await reportLabel(db, outcome.locations, false)
      return
    }
    const settled = await settle(db, countId, outcome)
    report(typed.status === 'code-like' ? { ...settled, ignoredQuantity: typed.text } : settled, timer)
  })
}

/** Goes where a scanned location label says, and says so with the location tone (or why not). */
async function reportLabel(db: StockroomDb, locations: Location[], blind: boolean): Promise<LabelOutcome> {
  const outcome = await goToLabel(db, locations, { blind })
  const ui = useCountUi.getState()
  const tone = outcome.status === 'switched' ? 'location' : 'error'
  ui.show(outcome, tone)
  ui.setQuantityText('')
  playTone(tone)
  return outcome
}

/** Back to a count kept aside: as if its location's label were scanned. */
export function submitGoBack(db: StockroomDb, session: CountSession): Promise<void> {
  return enqueueReported(async () => {
    const location = await db.locations.get(session.locationKey)
    if (!location) throw new Error('That location is no longer in the replica. Sync, then try again.')
    await reportLabel(db, [location], session.blind)
  })
}

/**
 * A scan on the Count screen with no count open: a location label (a code no item
 * carries) starts a count there, blind as the form says. Returns false for any
 * other scan, which is then handled as on every screen; a label that cannot be
 * counted comes back in words for the form.
 */
export function submitStartLabel(
  db: StockroomDb,
  raw: string,
  blind: boolean
): Promise<{ label: boolean; refusal?: string }> {
  let result: { label: boolean; refusal?: string } = { label: false }
  return enqueue(async () => {
    try {
      const scan = parseScan(raw, { prefixes: useScannerSettings.getState().prefixes })
      if (!scan.ok || (await resolveCode(db, scan.keys)).status !== 'unknown') return
      const locations = await findLocationLabel(db, scan.keys)
      if (locations.length === 0) return
      const outcome = await reportLabel(db, locations, blind)
      result = outcome.status === 'refused' ? { label: true, refusal: outcome.message } : { label: true }
    } catch (error) {
      result = { label: true, refusal: failure(error) }
      playTone('error')
    }
  }).then(() => result)
}

/** Counts an item picked by hand for a scan that did not resolve to one item. */
export function submitPick(
  db: StockroomDb,
  countId: string,
  item: Item,
  context: ScanContext,
  answering?: string
): Promise<void> {
  return enqueueReported(async () => {
    const outcome = await countItem(db, countId, item, context, {
      limits: countLimits(),
      counter: counterName()
    })
    report(await settle(db, countId, outcome, answering))
  })
}

/**
 * Links the scanned code to an item picked by hand (so its next scan counts that
 * item directly), then counts it. Only an item of the count's connection is
 * linked (see {@link linkCode}). A label with no product number (a lot only)
 * cannot be linked and is only counted.
 */
export function submitLink(
  db: StockroomDb,
  pcName: () => Promise<string | undefined>,
  countId: string,
  connectionId: string,
  item: Item,
  context: ScanContext,
  answering?: string,
  pack?: LinkPack
): Promise<void> {
  return enqueueReported(async () => {
    const code = parseScan(context.raw, { prefixes: useScannerSettings.getState().prefixes })
    const key = code.ok ? code.keys[0] : undefined
    const linkedOn = key === undefined ? undefined : await pcName()
    if (key !== undefined)
      await linkCode(db, {
        connectionId,
        code: key,
        itemKey: item.key,
        ...(linkedOn !== undefined && { linkedOn }),
        ...(pack && { pack })
      })
    const counted = key !== undefined && pack ? packed({ ...context }, pack) : context
    const outcome = await countItem(db, countId, item, counted, { limits: countLimits() })
    const settled = await settle(db, countId, outcome, answering)
    report(key === undefined ? settled : { ...settled, linkedCode: context.code })
  })
}

/** The person confirmed a quantity far from expected: it is counted as it stands. */
export function submitConfirmed(
  db: StockroomDb,
  countId: string,
  item: Item,
  context: ScanContext,
  answering?: string
): Promise<void> {
  return enqueueReported(async () => {
    const outcome = await countItem(db, countId, item, context, { confirmed: true, counter: counterName() })
    report(await settle(db, countId, outcome, answering))
  })
}

/** A scan ignored as a repeat: said in the banner, in its turn after the scans before it. */
export function reportRepeat(words: string): Promise<void> {
  return enqueue(async () => {
    const detail = 'It was not counted again. If there really are two, wait a moment and scan it again.'
    useCountUi.getState().show({ status: 'info', message: words, detail }, 'repeat')
    playTone('repeat')
  })
}

export function submitUndo(db: StockroomDb, countId: string): Promise<void> {
  return enqueueReported(async () => {
    const undone = await undoLast(db, countId)
    if (!undone) {
      useCountUi.getState().show({ status: 'info', message: 'Nothing to undo in this count.' }, 'neutral')
      return
    }
    const item = undone.line ? await db.items.get(undone.line.itemKey) : undefined
    useCountUi.getState().show({ status: 'undone', undone, item }, 'neutral')
  })
}

/** An Unresolved entry dropped by the person: nothing is counted for it, and the banner says so. */
export function submitDrop(db: StockroomDb, issueId: string, words: string): Promise<void> {
  return enqueueReported(async () => {
    await resolveIssue(db, issueId)
    useCountUi.getState().show({ status: 'info', message: words }, 'neutral')
  })
}

/** A scan counted without its lot, moved to the lot the person chose from the Unresolved list. */
export function submitMoveToLot(
  db: StockroomDb,
  issueId: string,
  lotKey: string,
  words: string
): Promise<void> {
  return enqueueReported(async () => {
    await moveToLot(db, issueId, lotKey)
    useCountUi.getState().show({ status: 'info', message: words }, 'neutral')
  })
}
