import { create } from 'zustand'
import type { ResourceProgress } from '../sync/progress'
import type { LaneState, SyncReporter, WaitNotice } from '../sync/scheduler'
import type { PassStart } from '../sync/time-left'

export type { WaitNotice } from '../sync/scheduler'

/** Live sync progress for the UI; the durable state is the checkpoints table. */
interface SyncState {
  /** Some connection's sync is running (not parked on its budget). */
  running: boolean
  /** Each connection's lane: running, parked on its budget until…, or idle until its next run. */
  lanes: Record<string, LaneState>
  progress: Record<string, ResourceProgress>
  /** When each running pass was first reported (for the time left). */
  starts: Record<string, PassStart>
  waits: Record<string, WaitNotice>
  errors: Record<string, string>
  report(p: ResourceProgress): void
  lane(connectionId: string, lane: LaneState | undefined): void
  /** A wait main announced before it started; undefined clears it (the sync of that connection ended). */
  wait(connectionId: string, notice: WaitNotice | undefined): void
  fail(connectionId: string, message: string | undefined): void
}

const without = <T>(record: Record<string, T>, key: string, value: T | undefined): Record<string, T> => {
  const next = { ...record }
  if (value === undefined) delete next[key]
  else next[key] = value
  return next
}

export const useSync = create<SyncState>((set) => ({
  running: false,
  lanes: {},
  progress: {},
  starts: {},
  waits: {},
  errors: {},
  report: (p) =>
    set((s) => {
      const key = `${p.connectionId}/${p.resource}`
      const begins = p.state === 'running' && s.progress[key]?.state !== 'running'
      return {
        progress: { ...s.progress, [key]: p },
        ...(begins && { starts: { ...s.starts, [key]: { at: Date.now(), pages: p.pagesDone } } })
      }
    }),
  lane: (connectionId, lane) =>
    set((s) => {
      const lanes = without(s.lanes, connectionId, lane)
      return { lanes, running: Object.values(lanes).some((l) => l.state === 'running') }
    }),
  wait: (connectionId, notice) => set((s) => ({ waits: without(s.waits, connectionId, notice) })),
  fail: (connectionId, message) => set((s) => ({ errors: without(s.errors, connectionId, message) }))
}))

/** What the scheduler reports, kept in this store for the screens. */
export const syncStoreReporter: SyncReporter = {
  progress: (p) => useSync.getState().report(p),
  lane: (id, lane) => useSync.getState().lane(id, lane),
  failed: (id, message) => useSync.getState().fail(id, message),
  wait: (id, notice) => useSync.getState().wait(id, notice)
}
