import { create } from 'zustand'
import type { ResourceProgress } from '../sync/driver'

export interface WaitNotice {
  reason: 'rate-limit' | 'retry'
  until: number
  message?: string
}

/** Live sync progress for the UI; the durable state is the checkpoints table. */
interface SyncState {
  running: boolean
  progress: Record<string, ResourceProgress>
  waits: Record<string, WaitNotice>
  errors: Record<string, string>
  setRunning(running: boolean): void
  report(p: ResourceProgress): void
  /** A wait main announced before it started; undefined clears it (the sync of that connection ended). */
  wait(connectionId: string, notice: WaitNotice | undefined): void
  fail(connectionId: string, message: string | undefined): void
}

export const useSync = create<SyncState>((set) => ({
  running: false,
  progress: {},
  waits: {},
  errors: {},
  setRunning: (running) => set({ running }),
  report: (p) => set((s) => ({ progress: { ...s.progress, [`${p.connectionId}/${p.resource}`]: p } })),
  wait: (connectionId, notice) =>
    set((s) => {
      const waits = { ...s.waits }
      if (notice) waits[connectionId] = notice
      else delete waits[connectionId]
      return { waits }
    }),
  fail: (connectionId, message) =>
    set((s) => {
      const errors = { ...s.errors }
      if (message) errors[connectionId] = message
      else delete errors[connectionId]
      return { errors }
    })
}))
