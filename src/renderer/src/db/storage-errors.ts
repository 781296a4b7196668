/**
 * A database write that failed because the disk (or the browser's share of
 * it) is full, in words for the person at the scanner instead of IndexedDB's.
 * What was already saved is also in main's journal, so nothing is lost.
 */
export const DISK_FULL_WORDS =
  'The disk is full — free some space on this PC, then scan again. Nothing you counted is lost.'

/** The banner's title for a scan the disk could not take: the same words every time. */
export const DISK_FULL_TITLE = 'Not saved — the disk is full'

const FULL = /QuotaExceeded|quota|Maximum key generator|disk (is )?full|ENOSPC/i
/**
 * IndexedDB aborts a write transaction by itself (AbortError, or UnknownError from
 * Chromium's backing store) only when storage refuses it; our own code aborts by
 * throwing its own error, which Dexie passes on instead. On a full disk Chromium
 * reports the first failed write either way (a run said "QuotaExceededError", another
 * "AbortError"), so both are read as a full disk. Assumption: no other storage
 * failure is common enough on a warehouse PC to word differently.
 */
const ABORTED_BY_STORAGE = /^(AbortError|UnknownError)$/

export function storageWords(error: unknown): string | undefined {
  const e = error as { name?: string; message?: string; inner?: unknown } | null
  if (!e || typeof e !== 'object') return undefined
  if (FULL.test(`${e.name ?? ''} ${e.message ?? ''}`)) return DISK_FULL_WORDS
  if (e.inner) {
    const inner = storageWords(e.inner)
    if (inner) return inner
  }
  return ABORTED_BY_STORAGE.test(e.name ?? '') ? DISK_FULL_WORDS : undefined
}
