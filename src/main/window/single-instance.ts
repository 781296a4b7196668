export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean
  on(event: 'second-instance', listener: () => void): unknown
}

/**
 * One Stockroom per user: two copies would replay the same outbox and count
 * the same scans twice. A second launch (desktop shortcut, login item) brings
 * the running window forward instead — also the way back to a window hidden
 * on a desktop whose tray is not shown. Returns false when this copy must quit.
 */
export function claimSingleInstance(app: SingleInstanceApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', onSecondInstance)
  return true
}
