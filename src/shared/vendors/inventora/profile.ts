import { countsAtLocation, refuseNothing, type VendorProfile } from '../profile'
import { inventoraBatchWrites, inventoraStockWrites } from './writes'
import { inventoraWorkflow } from './workflow'

/** Inventora: a workshop's products, materials and production tasks; no idempotency keys. */
export const inventoraProfile: VendorProfile = {
  id: 'inventora',
  name: 'Inventora',
  capabilities: ['read', 'stock-write', 'task-write', 'task-status'],
  credentials: 'api-key',
  baseUrlHint: 'e.g. https://api.inventora.com/api',
  table: {
    reads: 'Locations, products, materials and production tasks (full passes: it has no change feed)',
    writes:
      'Count differences as restock/loss updates; production batches on task lines, their undo, and task start/complete',
    duplicates:
      'None at the vendor: a write whose answer was lost goes to review with the vendor’s current value, never a blind resend'
  },
  minimumLevels: true,
  duplicateProtection: 'check-before-write',
  idempotencyKeys: false,
  counts: {
    places: { kind: 'locations', words: 'Its locations, each counted on its own' },
    refuse: refuseNothing,
    target: countsAtLocation
  },
  stockWrites: inventoraStockWrites,
  batchWrites: inventoraBatchWrites,
  workflow: inventoraWorkflow
}
