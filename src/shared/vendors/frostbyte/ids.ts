/**
 * Frostbyte's warehouses, zones and bins share the replica's locations table;
 * their vendor ids carry the level (`wh/W1`, `zone/Z1`, `bin/B1`). This is the
 * one place that adds and strips that prefix.
 */
export type FbLevel = 'wh' | 'zone' | 'bin'

export const fbLocationId = (level: FbLevel, id: string) => `${level}/${id}`

/** The Frostbyte id of a location's vendorId, and its level (a bare id is taken as a warehouse). */
export function fbParseLocationId(vendorId: string): { level: FbLevel; id: string } {
  const m = /^(wh|zone|bin)\/(.+)$/.exec(vendorId)
  return m ? { level: m[1] as FbLevel, id: m[2]! } : { level: 'wh', id: vendorId }
}
