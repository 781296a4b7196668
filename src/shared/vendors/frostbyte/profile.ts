import { zeroAllOnHand, type VendorProfile } from '../profile'
import { frostbyteStockWrites } from './writes'
import { frostbyteWorkflow } from './workflow'

/** Frostbyte Pro: a warehouse system with stock per warehouse, signed adjustments and idempotency keys. */
export const frostbyteProfile: VendorProfile = {
  id: 'frostbyte',
  name: 'Frostbyte Pro',
  capabilities: ['read', 'stock-write', 'receive', 'ship'],
  credentials: 'api-key',
  baseUrlHint: 'e.g. https://frostbytesoftware.co.nz/api/v1',
  table: {
    reads:
      'Warehouses, zones and bins; products; batches; stock on hand (changes only, after the first sync); purchase orders to receive; shipments to pack',
    writes:
      'Count differences as stock adjustments (up to 50 lines each); goods receipts on purchase orders; shipment pack and dispatch',
    duplicates:
      'Safe: a write sent again after a lost answer is recognised by Frostbyte and never applied twice'
  },
  minimumLevels: true,
  duplicateProtection: 'idempotency-key',
  idempotencyKeys: true,
  counts: {
    places: {
      kind: 'locations',
      words: 'Warehouses: a zone or bin label counts its warehouse, since stock is kept per warehouse'
    },
    // ASSUMPTION (vendor notes U6): its stock-on-hand has no bin quantities: a bin count compared with nothing would add the whole bin again.
    refuse: (location) =>
      location.kind === 'warehouse'
        ? undefined
        : `Frostbyte Pro keeps stock per warehouse, not per zone or bin, so a ${location.kind} count cannot be compared with its stock: count the whole warehouse instead.`,
    target: (location, ancestors) =>
      location.kind === 'warehouse' ? location : (ancestors.find((a) => a.kind === 'warehouse') ?? location),
    // Its adjustments take batch-tracked stock off batch by batch and refuse to take it negative (422),
    // and serials are sold or scrapped one by one in the app: only whole-item stock and batches are zeroed.
    zero: (stock) =>
      stock.tracking === 'serial'
        ? {
            refuse:
              'Frostbyte Pro writes off serial-numbered stock serial by serial: scan the serials that are there, or scrap the rest in Frostbyte Pro.'
          }
        : stock.tracking === 'lot' && !stock.lot
          ? { refuse: 'Frostbyte Pro writes off batch-tracked stock batch by batch: set each batch to zero.' }
          : zeroAllOnHand(stock)
  },
  stockWrites: frostbyteStockWrites,
  workflow: frostbyteWorkflow
}
