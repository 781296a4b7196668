import { z } from 'zod'

export const vendorId = z.enum(['frostbyte', 'inventora', 'forgemrp', 'fractionerp', 'figgro'])
export type VendorId = z.infer<typeof vendorId>

export const vendorNames: Record<VendorId, string> = {
  frostbyte: 'Frostbyte Pro',
  inventora: 'Inventora',
  forgemrp: 'ForgeMRP',
  fractionerp: 'FractionERP',
  figgro: 'Figgro'
}

/** What a connection can do; the UI and the outbox decide by these, never by vendor name. */
export const capability = z.enum(['read', 'stock-write', 'task-write', 'receive', 'ship', 'task-status'])
export type Capability = z.infer<typeof capability>
