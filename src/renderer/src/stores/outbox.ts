import { create } from 'zustand'

/** Connections whose vendor the outbox could not reach, with why (UI state; the queue itself is in Dexie). */
interface OutboxStatus {
  unreachable: Record<string, string>
  setUnreachable(connectionId: string, message: string | undefined): void
}

export const useOutboxStatus = create<OutboxStatus>((set) => ({
  unreachable: {},
  setUnreachable: (connectionId, message) =>
    set((s) => {
      const unreachable = { ...s.unreachable }
      if (message) unreachable[connectionId] = message
      else delete unreachable[connectionId]
      return { unreachable }
    })
}))
