import { z } from 'zod'

/**
 * A counter's scans of one location, carried from the PC that scanned them to the PC
 * that submits the count ("hand over as file"). Keys are relative to the connection
 * (`item:42`, not `frostbyte-1a2b:item:42`): each PC names its own connections, so the
 * file names the system by vendor and address instead.
 */
export const SESSION_FILE_FORMAT = 'stockroom.count-session'
export const SESSION_FILE_VERSION = 1

const text = (max: number) => z.string().min(1).max(max)

export const sessionFileEvent = z
  .object({
    /** Relative item key, e.g. `item:42`. */
    item: text(500),
    lot: text(500).optional(),
    /** `add`: this many more; `set`: a recount said the whole line is this many. */
    kind: z.enum(['add', 'set']),
    quantity: z.number().finite().min(0).max(1e12),
    code: z.string().max(500).optional(),
    counter: text(120),
    at: z.string().datetime()
  })
  .strict()
export type SessionFileEvent = z.infer<typeof sessionFileEvent>

export const sessionFile = z
  .object({
    format: z.literal(SESSION_FILE_FORMAT),
    version: z.literal(SESSION_FILE_VERSION),
    /** The count on the PC that made the file: bringing the same one in twice is refused. */
    session: text(200),
    connection: z.object({ vendor: text(60), baseUrl: text(2000), label: z.string().max(200) }).strict(),
    /** Relative location key, with its name for people. */
    location: z.object({ key: text(500), name: z.string().max(500) }).strict(),
    counter: text(120),
    pc: text(120),
    exportedAt: z.string().datetime(),
    events: z.array(sessionFileEvent).max(200_000)
  })
  .strict()
export type SessionFile = z.infer<typeof sessionFile>

/** `frostbyte-1a2b:item:42` → `item:42`: a key as every PC of the site can read it. */
export const relativeKey = (connectionId: string, key: string): string =>
  key.startsWith(`${connectionId}:`) ? key.slice(connectionId.length + 1) : key

export const absoluteKey = (connectionId: string, relative: string): string => `${connectionId}:${relative}`

/** Two addresses of one system: case and a trailing slash do not make another system. */
export const sameAddress = (a: string, b: string): boolean =>
  a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase()

/** Reads a file's text: the file, or what is wrong with it in plain words. */
export function readSessionFile(
  textIn: string
): { ok: true; file: SessionFile } | { ok: false; error: string } {
  let json: unknown
  try {
    json = JSON.parse(textIn)
  } catch {
    return { ok: false, error: 'This is not a count file from Stockroom (it is not JSON).' }
  }
  const format = (json as { format?: unknown } | null)?.format
  if (format !== SESSION_FILE_FORMAT) {
    return { ok: false, error: 'This is not a count file from Stockroom ("Hand over as file" makes one).' }
  }
  const version = (json as { version?: unknown }).version
  if (version !== SESSION_FILE_VERSION) {
    return {
      ok: false,
      error: `This count file is of version ${String(version)}; this PC reads version ${SESSION_FILE_VERSION}. Update Stockroom on both PCs.`
    }
  }
  const parsed = sessionFile.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      error: `This count file is damaged (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unreadable'}). Make it again on the PC that counted.`
    }
  }
  return { ok: true, file: parsed.data }
}
