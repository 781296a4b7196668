import { countsAtLocation, exportBecauseReadOnly, refuseNothing, type VendorProfile } from '../profile'

/**
 * ForgeMRP: a job shop's inventory, jobs and purchase orders. Its notes (U3)
 * find no stock write: counts are exported as CSV.
 */
export const forgemrpProfile: VendorProfile = {
  id: 'forgemrp',
  name: 'ForgeMRP',
  capabilities: ['read'],
  credentials: 'api-key',
  baseUrlHint: 'e.g. https://api.forgemrp.com/v1',
  table: {
    reads: 'Inventory items, jobs with work orders, purchase orders',
    writes: 'None: ForgeMRP documents no stock write (notes U3), so counts are exported as CSV',
    duplicates: 'Idempotency-Key on its POSTs, should a stock write appear'
  },
  duplicateProtection: 'read-only',
  idempotencyKeys: true,
  counts: {
    refuse: refuseNothing,
    target: countsAtLocation,
    exportReason: exportBecauseReadOnly('ForgeMRP')
  },
  batchRefusal: 'ForgeMRP takes no production batches through its API; record this one there.'
}
