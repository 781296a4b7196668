/**
 * ok: counted. unknown: read fine but not counted (unknown code, other connection, pick one). error: refused.
 * location: a location label: scans now go to another place.
 */
export type Tone = 'ok' | 'unknown' | 'error' | 'location'

/** Banner colours of each tone (Mantine colour names). */
export const toneColour: Record<Tone, string> = {
  ok: 'green',
  unknown: 'orange',
  error: 'red',
  location: 'blue'
}
