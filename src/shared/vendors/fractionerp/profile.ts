import {
  countsAtLocation,
  exportBecauseReadOnly,
  refuseNothing,
  type VendorProfile,
  wholeStockPlaces
} from '../profile'

/** FractionERP: parts, BOMs, work orders and purchase orders behind an email/password login; no stock writes. */
export const fractionerpProfile: VendorProfile = {
  id: 'fractionerp',
  name: 'FractionERP',
  capabilities: ['read'],
  credentials: 'login',
  baseUrlHint: 'e.g. https://fraction.app/api/v1',
  table: {
    reads: 'Parts, BOMs, work orders, purchase orders, shipments',
    writes: 'None: FractionERP has no stock write, so counts are exported as CSV',
    duplicates:
      'Not applicable today (Stockroom sends FractionERP no stock writes); FractionERP refuses a second record with the same part number'
  },
  // Parts may carry min_stock / reorder_level (U2).
  minimumLevels: true,
  duplicateProtection: 'read-only',
  idempotencyKeys: false,
  counts: {
    // Its API lists no locations (notes §1.3): parts with a stock figure are counted as one whole.
    places: wholeStockPlaces('FractionERP'),
    refuse: refuseNothing,
    target: countsAtLocation,
    exportReason: exportBecauseReadOnly('FractionERP')
  },
  batchRefusal: 'FractionERP takes no production batches through its API; record this one there.',
  taskNote:
    'Read-only: FractionERP’s API lists works orders but takes no progress or batches from Stockroom. Record the work in FractionERP; the next sync shows it here.'
}
