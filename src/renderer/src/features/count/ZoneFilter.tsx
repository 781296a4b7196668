import { Select } from '@mantine/core'
import { IconMapPin } from '@tabler/icons-react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useServices } from '../../app/services-context'
import { zonesOf, type StockBin } from '../../count/zones'

/**
 * The vendor's names of the zones inside a counted place, by the zone part of their
 * bins' codes (Frostbyte: zone "A" of warehouse AKL, "Ambient racking", is AKL-A).
 */
function useZoneNames(locationKey: string): Map<string, string> | undefined {
  const { db } = useServices()
  return useLiveQuery(async () => {
    const [place, zones] = await Promise.all([
      db.locations.get(locationKey),
      db.locations.where('parentKey').equals(locationKey).toArray()
    ])
    const names = new Map<string, string>()
    for (const z of zones)
      if (z.kind === 'zone' && z.code) names.set(place?.code ? `${place.code}-${z.code}` : z.code, z.name)
    return names
  }, [locationKey])
}

/**
 * Narrows the not-counted lines to one zone of the counted place, where the vendor
 * says which bins the stock stands in (each zone with how many lines it holds). Not
 * drawn when no line has a bin.
 */
export function ZoneFilter({
  locationKey,
  lines,
  value,
  onChange
}: {
  locationKey: string
  lines: readonly { bins?: readonly StockBin[] }[]
  value: string | null
  onChange: (zone: string | null) => void
}) {
  const names = useZoneNames(locationKey)
  const counts = new Map<string, number>()
  for (const l of lines) for (const z of zonesOf(l)) counts.set(z, (counts.get(z) ?? 0) + 1)
  if (counts.size === 0) return null
  const data = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, n]) => {
      const name = names?.get(zone)
      return { value: zone, label: `${zone}${name ? ` · ${name}` : ''} (${n.toLocaleString()})` }
    })
  return (
    <Select
      w={340}
      leftSection={<IconMapPin size={16} />}
      aria-label="Show only one zone"
      placeholder="All zones"
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage="No zone by that name"
      data-testid="not-counted-zone"
    />
  )
}
