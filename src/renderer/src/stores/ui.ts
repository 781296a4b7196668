import { create } from 'zustand'
import type { ConnectionInfo } from '../../../shared/host-api/connections'

export const sections = ['items', 'count', 'tasks', 'outbox', 'connections', 'activity'] as const
export type Section = (typeof sections)[number]

/** UI state only; replicated data lives in Dexie and is read with live queries. */
interface UiState {
  section: Section
  hostConnected: boolean
  mainOnline: boolean
  connections: ConnectionInfo[]
  go(section: Section): void
  setHostConnected(connected: boolean): void
  setMainOnline(online: boolean): void
  setConnections(connections: ConnectionInfo[]): void
}

export const useUi = create<UiState>((set) => ({
  section: 'items',
  hostConnected: false,
  mainOnline: true,
  connections: [],
  go: (section) => set({ section }),
  setHostConnected: (hostConnected) => set({ hostConnected }),
  setMainOnline: (mainOnline) => set({ mainOnline }),
  setConnections: (connections) => set({ connections })
}))
