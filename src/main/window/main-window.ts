import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The renderer gets no Node, no shared context with the preload and a
 * Chromium sandbox; it reaches main only through the preload's fixed
 * `window.stockroom` object. backgroundThrottling is off because a hidden
 * window still replays the outbox and runs syncs on their timers.
 */
export function mainWindowOptions(o: { preload: string; icon?: string }): BrowserWindowConstructorOptions {
  return {
    title: 'Stockroom',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      backgroundThrottling: false,
      spellcheck: false
    }
  }
}

export interface ShowableWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
}

/** Brings the window back from the tray, the taskbar or under other windows. */
export function showWindow(window: ShowableWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
