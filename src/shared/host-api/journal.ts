import { z } from 'zod'

/** The local tables that hold what people recorded: kept twice, in IndexedDB and in main's journal. */
export const journaledTables = ['counts', 'countLines', 'countEvents', 'outbox', 'barcodeLinks'] as const
export type JournaledTable = (typeof journaledTables)[number]

const key = z.union([z.string().max(500), z.number()])
/** The change applies what another PC shared through the site database: it is not shared again. */
const fromSite = z.literal(true).optional()

/** One committed change of a journaled table, in commit order. */
export const journalChange = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('put'),
    table: z.enum(journaledTables),
    key,
    value: z.record(z.string(), z.unknown()),
    fromSite
  }),
  z.object({ op: z.literal('delete'), table: z.enum(journaledTables), key, fromSite }),
  z.object({ op: z.literal('clear'), table: z.enum(journaledTables) })
])
export type JournalChange = z.infer<typeof journalChange>

export const journalSnapshot = z.object({
  /** What the journal holds now, per table: the latest value of every record not deleted. */
  tables: z.object({
    counts: z.array(z.record(z.string(), z.unknown())),
    countLines: z.array(z.record(z.string(), z.unknown())),
    countEvents: z.array(z.record(z.string(), z.unknown())),
    outbox: z.array(z.record(z.string(), z.unknown())),
    barcodeLinks: z.array(z.record(z.string(), z.unknown()))
  })
})
export type JournalSnapshot = z.infer<typeof journalSnapshot>

export const journalCalls = {
  /** Committed changes, appended (and flushed to disk) before the reply. */
  'journal:append': {
    request: z.object({ changes: z.array(journalChange).min(1).max(500) }).strict(),
    response: z.object({ appended: z.number() })
  },
  /** Everything the journal holds, for a replica that lost its local database. */
  'journal:snapshot': { request: z.object({}).strict(), response: journalSnapshot }
} as const
