import { create } from 'zustand'
import type { SiteStatus } from '../../../shared/host-api/site'

/** The site database's status as main last said it (UI state; the queue itself is in main). */
interface SiteStore {
  status: SiteStatus
  /** Bumped on every word from main, so what shows other PCs' parts reads them again. */
  revision: number
  set(status: SiteStatus): void
}

export const useSite = create<SiteStore>((set) => ({
  status: { configured: false, state: 'off', waiting: 0 },
  revision: 0,
  set: (status) => set((s) => ({ status, revision: s.revision + 1 }))
}))
