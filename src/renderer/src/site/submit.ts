import type { HostClient } from '../../../shared/host-api/client'
import type { StockroomDb } from '../db/db'
import { submitCount, type SubmitOptions, type SubmitResult } from '../outbox/submit-count'
import { includeSiteParts } from './parts'

export interface SiteSubmitResult extends SubmitResult {
  /** The other PCs whose parts this count took in and sent; `unreachable`: sent with this PC's part only. */
  site: { state: 'off' } | { state: 'unreachable' } | { state: 'included'; pcs: string[]; scans: number }
}

/**
 * Submits a count with the other PCs' parts at its location summed in (where a
 * site database is set and reachable): one write per item for the whole
 * location, sent from this PC's outbox. The PCs whose parts were taken see
 * their counts as included and send nothing. Without a site database this is
 * the submit of today.
 */
export async function submitWithSite(
  db: StockroomDb,
  host: HostClient,
  countId: string,
  o: SubmitOptions = {}
): Promise<SiteSubmitResult> {
  const site = await includeSiteParts(db, host, countId)
  return { ...(await submitCount(db, countId, o)), site }
}
