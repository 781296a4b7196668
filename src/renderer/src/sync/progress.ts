import type { LowCrossing } from '../alerts/low-crossing'
import type { SyncPlan } from '../../../shared/host-api/sync'

/** How one resource of one connection is syncing, as the screens show it. */
export interface ResourceProgress {
  connectionId: string
  resource: string
  label: string
  phase: 'full' | 'incremental'
  /** 'skipped': the key may not read this resource, and it has not changed since the vendor said so. */
  state: 'running' | 'done' | 'error' | 'cancelled' | 'skipped'
  pagesDone: number
  recordsDone: number
  total?: number
  totalPages?: number
  rejected: number
  /** Why the first unreadable record of this pass could not be read (its field names, no values). */
  rejectedReason?: string
  deleted: number
  /** Items that dropped to or below their minimum in this pass. */
  lowCrossed: LowCrossing[]
  message?: string
  /** The plan under the vendor's request budget, as of `plannedAt` (epoch ms, this clock). */
  plan?: SyncPlan
  plannedAt?: number
  /** Waiting for the budget until this instant (epoch ms); no request is out meanwhile. */
  waitingUntil?: number
}

export type { LowCrossing }

export class SyncError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly origin?: { kind: string; status?: number; endpoint?: string }
  ) {
    super(message)
  }

  /**
   * The whole connection is affected (its key was refused, the vendor cannot
   * be reached, the connection is gone), not just the resource being read:
   * trying the other resources would only fail the same way.
   */
  get connectionWide(): boolean {
    if (this.code === 'unauthorized' || this.code === 'not-found' || this.code === 'internal') return true
    return this.origin?.kind === 'network' || this.origin?.kind === 'timeout'
  }
}

/** A sync whose connection could read some resources but not others. */
export const failedResources = (results: ResourceProgress[]) => results.filter((r) => r.state === 'error')
