import type { VendorProfile } from '../profile'
import { frostbyteStockWrites } from './writes'

/** Frostbyte Pro: a warehouse system with stock per warehouse, signed adjustments and idempotency keys. */
export const frostbyteProfile: VendorProfile = {
  id: 'frostbyte',
  name: 'Frostbyte Pro',
  capabilities: ['read', 'stock-write'],
  credentials: 'api-key',
  baseUrlHint: 'e.g. https://frostbytesoftware.co.nz/api/v1',
  table: {
    reads:
      'Warehouses, zones and bins; products; batches; stock on hand (changes only, after the first sync)',
    writes: 'Count differences as stock adjustments (up to 50 lines each)',
    duplicates: 'Idempotency-Key with a byte-identical body: a repeated send is replayed, never applied twice'
  },
  duplicateProtection: 'idempotency-key',
  idempotencyKeys: true,
  counts: {
    // ASSUMPTION (vendor notes U6): its stock-on-hand has no bin quantities: a bin count compared with nothing would add the whole bin again.
    refuse: (location) =>
      location.kind === 'warehouse'
        ? undefined
        : `Frostbyte Pro keeps stock per warehouse, not per zone or bin, so a ${location.kind} count cannot be compared with its stock: count the whole warehouse instead.`,
    target: (location, ancestors) =>
      location.kind === 'warehouse' ? location : (ancestors.find((a) => a.kind === 'warehouse') ?? location)
  },
  stockWrites: frostbyteStockWrites
}
