import { countsAtLocation, exportBecauseReadOnly, refuseNothing, type VendorProfile } from '../profile'

/** Figgro: a read-only ERP with 25-record pages and 1,000 requests an hour. */
export const figgroProfile: VendorProfile = {
  id: 'figgro',
  name: 'Figgro',
  capabilities: ['read'],
  credentials: 'api-key',
  baseUrlHint: 'e.g. https://api.figgro.com/v1',
  table: {
    reads: 'Products, raw materials with lots, job runs and tickets',
    writes: 'None: Figgro’s API is read-only, so counts are exported as CSV',
    duplicates: 'Not applicable: Stockroom sends Figgro no writes'
  },
  duplicateProtection: 'read-only',
  idempotencyKeys: false,
  counts: { refuse: refuseNothing, target: countsAtLocation, exportReason: exportBecauseReadOnly('Figgro') },
  batchRefusal: 'Figgro takes no production batches through its API; record this one there.'
}
