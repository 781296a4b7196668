import { create } from 'zustand'
import type { ResourceProgress } from '../sync/driver'
import type { PassStart } from '../sync/time-left'

export interface WaitNotice {
  reason: 'rate-limit' | 'retry'
  until: number
  message?: string
}

/** Live sync progress for the UI; the durable state is the checkpoints table. */
interface SyncState {
  running: boolean
  progress: Record<string, ResourceProgress>
  /** When each running pass was first reported (for the time left). */
  starts: Record<string, PassStart>
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
  starts: {},
  waits: {},
  errors: {},
  setRunning: (running) => set({ running }),
  report: (p) =>
    set((s) => {
      const key = `${p.connectionId}/${p.resource}`
      const begins = p.state === 'running' && s.progress[key]?.state !== 'running'
      return {
        progress: { ...s.progress, [key]: p },
        ...(begins && { starts: { ...s.starts, [key]: { at: Date.now(), pages: p.pagesDone } } })
      }
    }),
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
