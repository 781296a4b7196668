import type { VendorId } from '../model/vendor'

/**
 * How safely each vendor's writes can be repeated — the outbox decides the
 * fate of an unanswered write by this, never by vendor name elsewhere.
 */
export const writePolicy: Record<VendorId, { idempotencyKeys: boolean; stockWrites: boolean }> = {
  frostbyte: { idempotencyKeys: true, stockWrites: true },
  forgemrp: { idempotencyKeys: true, stockWrites: false },
  inventora: { idempotencyKeys: false, stockWrites: true },
  fractionerp: { idempotencyKeys: false, stockWrites: false },
  figgro: { idempotencyKeys: false, stockWrites: false }
}
