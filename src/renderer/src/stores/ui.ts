import { create } from 'zustand'
import type { NoticeTarget } from '../../../shared/host-api/notices'

export const sections = [
  'items',
  'count',
  'tasks',
  'outbox',
  'connections',
  'activity',
  'labels',
  'receiving',
  'shipping'
] as const
export type Section = (typeof sections)[number]

/** The Items screen lists every item (or the barcode links), or only low ones (of one connection, or of all). */
export type ItemsView = { low: false; links?: boolean } | { low: true; connectionId?: string }

/** UI state only; replicated data lives in Dexie and is read with live queries. */
interface UiState {
  section: Section
  itemsView: ItemsView
  /** The item whose detail is open on the Items screen. */
  openItemKey: string | null
  /** The task whose detail is open on the Tasks screen. */
  openTaskKey: string | null
  hostConnected: boolean
  mainOnline: boolean
  go(section: Section): void
  setItemsView(view: ItemsView): void
  openItem(itemKey: string | null): void
  openTask(taskKey: string | null): void
  /** Opens what a notice or an Activity entry is about. */
  open(target: NoticeTarget): void
  setHostConnected(connected: boolean): void
  setMainOnline(online: boolean): void
}

export const useUi = create<UiState>((set) => ({
  section: 'items',
  itemsView: { low: false },
  openItemKey: null,
  openTaskKey: null,
  hostConnected: false,
  mainOnline: true,
  go: (section) => set({ section }),
  setItemsView: (itemsView) => set({ itemsView }),
  openItem: (openItemKey) => set({ openItemKey }),
  openTask: (openTaskKey) => set({ openTaskKey }),
  open: (target) =>
    set(
      target.kind === 'item'
        ? { section: 'items', openItemKey: target.itemKey }
        : {
            section: 'items',
            openItemKey: null,
            itemsView: { low: true, ...(target.connectionId && { connectionId: target.connectionId }) }
          }
    ),
  setHostConnected: (hostConnected) => set({ hostConnected }),
  setMainOnline: (mainOnline) => set({ mainOnline })
}))
