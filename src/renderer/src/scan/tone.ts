/** ok: counted. unknown: read fine but not counted (unknown code, other connection, pick one). error: refused. */
export type Tone = 'ok' | 'unknown' | 'error'

/** Banner colours of each tone (Mantine colour names). */
export const toneColour: Record<Tone, string> = { ok: 'green', unknown: 'orange', error: 'red' }
