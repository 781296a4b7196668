import type { Location } from '../../../shared/model/records'
import { itemCodes } from '../../../shared/vendors/common'

/** A location as the replica stores it: with what a printed label of it can say, for scanning. */
export type IndexedLocation = Location & { labels?: string[] }

/**
 * What a location label may carry, normalised as scans are (`codeKeys`): the
 * vendor's printable code where it has one (Frostbyte warehouses, zones and bins;
 * Inventora's location id), else its name or the vendor's id for it (ForgeMRP names
 * its locations only). A scan matches any of them exactly, case aside.
 */
export function locationLabels(location: Pick<Location, 'code' | 'name' | 'vendorId'>): string[] {
  return itemCodes(location.code, location.name, location.vendorId)
}

/** Adds the label keys to a location on its way into the replica (every write of a whole location goes through this). */
export function indexLocation<T extends Location>(location: T): T & { labels: string[] } {
  return { ...location, labels: locationLabels(location) }
}
