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
  baseUrlHint: 'e.g. https://app.forgemrp.com/api/v1',
  table: {
    reads:
      'Inventory items (stock at their locations), jobs with work orders (read-only tasks), purchase orders; full passes with a deletion sweep (no change filter is documented)',
    writes: 'None: ForgeMRP’s API has no stock write, so counts are exported as CSV',
    duplicates:
      'Not applicable today (Stockroom sends ForgeMRP no stock writes); ForgeMRP can recognise a write sent twice'
  },
  // U14: no minimum or re-order levels.
  minimumLevels: false,
  duplicateProtection: 'read-only',
  idempotencyKeys: true,
  counts: {
    // No location resource: the places are the location names its items stand at (U2).
    places: {
      kind: 'locations',
      words: 'The location names its items stand at (it lists no locations of its own)'
    },
    refuse: refuseNothing,
    target: countsAtLocation,
    exportReason: exportBecauseReadOnly('ForgeMRP')
  },
  batchRefusal: 'ForgeMRP takes no production batches through its API; record this one there.',
  taskNote:
    'Read-only: ForgeMRP’s API lists jobs and their work orders but takes no progress or batches from Stockroom. Record the work in ForgeMRP; the next sync shows it here.'
}
