import {
  countsAtLocation,
  exportBecauseReadOnly,
  refuseNothing,
  type VendorProfile,
  wholeStockPlaces
} from '../profile'

/** Figgro: a read-only ERP with 25-record pages and 1,000 requests an hour. */
export const figgroProfile: VendorProfile = {
  id: 'figgro',
  name: 'Figgro',
  capabilities: ['read'],
  credentials: 'api-key',
  baseUrlHint: 'e.g. https://developer.figgro.com/api/v1 (key starts with fgr_)',
  table: {
    reads:
      'Products, raw materials with lots and expiry, job runs and tickets (read-only tasks); passes planned inside 1,000 requests an hour, 10% kept in reserve',
    writes: 'None: Figgro’s API is read-only, so counts are exported as CSV',
    duplicates: 'Not applicable: Stockroom sends Figgro no writes'
  },
  // U13: no minimum levels.
  minimumLevels: false,
  duplicateProtection: 'read-only',
  idempotencyKeys: false,
  counts: {
    // ASSUMPTION (U11): one quantity per record, no locations.
    places: wholeStockPlaces('Figgro'),
    refuse: refuseNothing,
    target: countsAtLocation,
    exportReason: exportBecauseReadOnly('Figgro')
  },
  batchRefusal: 'Figgro takes no production batches through its API; record this one there.'
}
