/**
 * Closing the window must not stop the app: the outbox replays and low-stock
 * notices fire from the tray. Only a real quit (tray Quit, Cmd+Q, OS logout)
 * lets the window close.
 */
export interface CloseToTrayPolicy {
  readonly quitting: boolean
  markQuitting(): void
  /** For the window's 'close' event: hides instead of closing unless quitting. */
  onClose(event: { preventDefault(): void }, hide: () => void): void
}

export function createCloseToTrayPolicy(): CloseToTrayPolicy {
  let quitting = false
  return {
    get quitting() {
      return quitting
    },
    markQuitting() {
      quitting = true
    },
    onClose(event, hide) {
      if (quitting) return
      event.preventDefault()
      hide()
    }
  }
}

export interface CloseToTrayTargets {
  app: { on(event: 'before-quit', listener: () => void): unknown }
  window: {
    on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
    on(event: 'session-end', listener: () => void): unknown
    hide(): void
  }
}

export function setupCloseToTray(policy: CloseToTrayPolicy, { app, window }: CloseToTrayTargets): void {
  app.on('before-quit', () => policy.markQuitting())
  // Windows does not emit before-quit on logout or shutdown; a hidden window must not block it.
  window.on('session-end', () => policy.markQuitting())
  window.on('close', (event) => policy.onClose(event, () => window.hide()))
}
