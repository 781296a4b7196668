/**
 * ok: counted. unknown: read fine but not counted (unknown code, other connection, pick one). error: refused.
 * location: a location label: scans now go to another place.
 * repeat: the same code again too soon, ignored (not counted twice).
 */
export type Tone = 'ok' | 'unknown' | 'error' | 'location' | 'repeat'

/** Banner colours of each tone (Mantine colour names). */
export const toneColour: Record<Tone, string> = {
  ok: 'green',
  unknown: 'orange',
  error: 'red',
  location: 'blue',
  repeat: 'violet'
}
