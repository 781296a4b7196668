/**
 * A database write that failed because the disk (or the browser's share of
 * it) is full, in words for the person at the scanner instead of IndexedDB's.
 * What was already saved is also in main's journal, so nothing is lost.
 */
export const DISK_FULL_WORDS =
  'The disk is full — free some space on this PC, then scan again. Nothing you counted is lost.'

export function storageWords(error: unknown): string | undefined {
  const e = error as { name?: string; message?: string; inner?: unknown } | null
  if (!e || typeof e !== 'object') return undefined
  const text = `${e.name ?? ''} ${e.message ?? ''}`
  if (/QuotaExceeded|quota|Maximum key generator|disk (is )?full|ENOSPC/i.test(text)) return DISK_FULL_WORDS
  return e.inner ? storageWords(e.inner) : undefined
}
