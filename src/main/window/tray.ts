import type { MenuItemConstructorOptions } from 'electron'
import type { AppStatus } from '../../shared/host-api/app'
import { statusLine } from '../platform/node-platform'
import type { StatusSurface } from '../platform/ports'

export interface TrayActions {
  open(): void
  /** Opens the window on the Low stock list. */
  openLowStock(): void
  syncNow(): void
  quit(): void
}

export function trayMenuTemplate(actions: TrayActions, lowItems = 0): MenuItemConstructorOptions[] {
  return [
    { label: 'Open Stockroom', click: () => actions.open() },
    ...(lowItems > 0
      ? [
          {
            label: `${lowItems.toLocaleString('en')} item${lowItems === 1 ? '' : 's'} low — show`,
            click: () => actions.openLowStock()
          }
        ]
      : []),
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
  /** The tooltip target, and what to do when the number of low items changes (the menu shows it). */
  attach(target: TooltipTarget, onLowItems?: (lowItems: number) => void): void
  readonly tooltip: string
  readonly lowItems: number
}

export function createTrayStatus(): TrayStatus {
  let tooltip = IDLE_TOOLTIP
  let lowItems = 0
  let target: TooltipTarget | null = null
  let onLow: ((n: number) => void) | undefined
  return {
    get tooltip() {
      return tooltip
    },
    get lowItems() {
      return lowItems
    },
    show(status: AppStatus) {
      if (status.lowItems !== lowItems) {
        lowItems = status.lowItems
        onLow?.(lowItems)
      }
      const next = statusLine(status)
      if (next === tooltip) return
      tooltip = next
      target?.setToolTip(tooltip)
    },
    attach(t, onLowItems) {
      target = t
      onLow = onLowItems
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
  const menu = (lowItems: number) => o.tray.setContextMenu(o.buildMenu(trayMenuTemplate(o.actions, lowItems)))
  menu(o.status.lowItems)
  o.tray.on('click', () => o.actions.open())
  o.status.attach(o.tray, menu)
  return o.tray
}
