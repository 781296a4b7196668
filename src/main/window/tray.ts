import type { MenuItemConstructorOptions } from 'electron'
import type { AppStatus } from '../../shared/host-api/app'
import { statusLine } from '../platform/node-platform'
import type { StatusSurface } from '../platform/ports'

export interface TrayActions {
  open(): void
  syncNow(): void
  quit(): void
}

export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open Stockroom', click: () => actions.open() },
    { label: 'Sync now', click: () => actions.syncNow() },
    { type: 'separator' },
    { label: 'Quit Stockroom', click: () => actions.quit() }
  ]
}

export interface TooltipTarget {
  setToolTip(text: string): void
}

export const IDLE_TOOLTIP = 'Stockroom'

/**
 * The Platform's StatusSurface on desktop. It exists before the tray does
 * (the services need it first), so it remembers the last line and hands it
 * to the tray when attached.
 */
export interface TrayStatus extends StatusSurface {
  attach(target: TooltipTarget): void
  readonly tooltip: string
}

export function createTrayStatus(): TrayStatus {
  let tooltip = IDLE_TOOLTIP
  let target: TooltipTarget | null = null
  return {
    get tooltip() {
      return tooltip
    },
    show(status: AppStatus) {
      const next = statusLine(status)
      if (next === tooltip) return
      tooltip = next
      target?.setToolTip(tooltip)
    },
    attach(t) {
      target = t
      t.setToolTip(tooltip)
    }
  }
}

export interface TrayLike extends TooltipTarget {
  setContextMenu(menu: unknown): void
  on(event: 'click', listener: () => void): unknown
}

/** Tray icon with its menu; a left click opens the window where the OS reports clicks (Windows). */
export function setupTray<T extends TrayLike, M>(o: {
  tray: T
  buildMenu: (template: MenuItemConstructorOptions[]) => M
  actions: TrayActions
  status: TrayStatus
}): T {
  o.tray.setContextMenu(o.buildMenu(trayMenuTemplate(o.actions)))
  o.tray.on('click', () => o.actions.open())
  o.status.attach(o.tray)
  return o.tray
}
