import { roundQty } from './lines'

/** Stock standing in one bin of a location, by the bin's code. */
export interface StockBin {
  code: string
  onHand: number
}

/**
 * The zone a bin is in, read from its code. ASSUMPTION: a zone is the leading part of a
 * bin code, everything before its last two parts (aisle and bay). Frostbyte names its
 * bins WAREHOUSE-ZONE-AISLE-BAY (AKL-A-01-02 is in zone AKL-A, "Zone A aisle 01 bay 02"),
 * so the zone carries its warehouse's code too. A code of fewer than three parts is a
 * zone of its own.
 */
export function zoneOf(binCode: string): string {
  const parts = binCode.split('-')
  return parts.length < 3 ? binCode : parts.slice(0, -2).join('-')
}

/** Adds a stock record's bins to what a line already holds (summed per bin code). */
export function addBins(
  into: StockBin[] | undefined,
  bins: readonly StockBin[] | undefined
): StockBin[] | undefined {
  if (!bins || bins.length === 0) return into
  const out = into ?? []
  for (const b of bins) {
    const at = out.find((x) => x.code === b.code)
    if (at) at.onHand = roundQty(at.onHand + b.onHand)
    else out.push({ code: b.code, onHand: b.onHand })
  }
  return out
}

/** The zones a line's stock stands in, from its bins (none where the vendor gives no bins). */
export function zonesOf(line: { bins?: readonly StockBin[] }): string[] {
  return [...new Set((line.bins ?? []).filter((b) => b.onHand !== 0).map((b) => zoneOf(b.code)))]
}

/** Lines with stock in the zone. */
export function inZone<T extends { bins?: readonly StockBin[] }>(lines: readonly T[], zone: string): T[] {
  return lines.filter((l) => zonesOf(l).includes(zone))
}

/**
 * Why a line cannot be set to zero for one zone: part of its stock stands in another
 * zone, and a zero takes off all of it. Undefined when all of it is in the zone.
 */
export function outsideZone(line: { bins?: readonly StockBin[] }, zone: string): string | undefined {
  const others = zonesOf(line).filter((z) => z !== zone)
  if (others.length === 0) return undefined
  return `part of its stock is in ${others.length === 1 ? 'zone' : 'zones'} ${others.join(', ')}: recount it instead.`
}
