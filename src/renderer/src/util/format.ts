/**
 * Dates as this PC's locale writes them, one way everywhere (never an ISO date next to
 * a local one). `locale` is for tests; the app always uses the PC's.
 */
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }

/** A calendar date ("2026-12-07") is that day wherever the PC is; an instant is read in the PC's zone. */
function parse(value: string | number): Date | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number]
    return new Date(y, m - 1, d)
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** "7 Dec 2026" / "Dec 7, 2026": the day only. What cannot be read is shown as given. */
export function formatDate(value: string | number, locale?: string): string {
  const date = parse(value)
  return date ? date.toLocaleDateString(locale, DATE) : String(value)
}

/** The day and the time to the minute. */
export function formatDateTime(value: string | number, locale?: string): string {
  const date = parse(value)
  return date ? date.toLocaleString(locale, { ...DATE, ...TIME }) : String(value)
}

/** The time to the minute (for today's events). */
export function formatTime(value: string | number, locale?: string): string {
  const date = parse(value)
  return date ? date.toLocaleTimeString(locale, TIME) : String(value)
}

/** "just now", "5 min ago", "3 h ago", or the date. */
export function formatAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000)
  if (!Number.isFinite(seconds)) return 'unknown'
  if (seconds < 45) return 'just now'
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`
  return formatDate(iso)
}
