import { notifications } from '@mantine/notifications'

/** Warn while this much room is left for the app's data, or less. */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024
/** …or once this share of the browser's quota is used. */
export const LOW_SPACE_SHARE = 0.9
const CHECK_EVERY_MS = 60_000

const mb = (bytes: number) => `${Math.max(0, Math.floor(bytes / (1024 * 1024))).toLocaleString()} MB`

/**
 * Plain words when the disk is nearly full, before a write fails; undefined
 * while there is room. `estimate` is what `navigator.storage.estimate()` says.
 */
export function lowSpaceWarning(estimate: { usage?: number; quota?: number }): string | undefined {
  const { usage, quota } = estimate
  if (usage === undefined || !quota) return undefined
  const left = quota - usage
  if (left > LOW_SPACE_BYTES && usage / quota < LOW_SPACE_SHARE) return undefined
  return `The disk is nearly full: ${mb(left)} left for Stockroom. Free some space on this PC soon — counting goes on, and what you record is also kept in Stockroom's journal.`
}

/**
 * Checks the room left for the replica every minute and warns once while it
 * is low (again after it recovered and ran low again). Returns a stop function.
 */
export function watchStorage(
  estimate: () => Promise<{ usage?: number; quota?: number }> = () =>
    navigator.storage?.estimate?.() ?? Promise.resolve({}),
  warn: (message: string) => void = (message) =>
    notifications.show({
      id: 'low-disk-space',
      color: 'orange',
      title: 'Disk nearly full',
      message,
      autoClose: false
    })
): () => void {
  let warned = false
  const check = async () => {
    const message = lowSpaceWarning(await estimate().catch(() => ({})))
    if (message && !warned) warn(message)
    warned = message !== undefined
  }
  void check()
  const timer = setInterval(() => void check(), CHECK_EVERY_MS)
  return () => clearInterval(timer)
}
