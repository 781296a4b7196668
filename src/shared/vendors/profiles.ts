import type { VendorId } from '../model/vendor'
import { figgroProfile } from './figgro/profile'
import { forgemrpProfile } from './forgemrp/profile'
import { fractionerpProfile } from './fractionerp/profile'
import { frostbyteProfile } from './frostbyte/profile'
import { inventoraProfile } from './inventora/profile'
import type { VendorProfile } from './profile'

/** Every vendor's profile: a VendorId without one fails the type-check. */
export const vendorProfiles: Record<VendorId, VendorProfile> = {
  frostbyte: frostbyteProfile,
  inventora: inventoraProfile,
  forgemrp: forgemrpProfile,
  fractionerp: fractionerpProfile,
  figgro: figgroProfile
}

export type { VendorProfile } from './profile'
