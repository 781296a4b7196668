import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie'
import { journaledTables, type JournalChange, type JournaledTable } from '../../../shared/host-api/journal'
import { isFromSite } from './site-origin'

const journaled = new Set<string>(journaledTables)
/** DBCoreRangeType.Any: every key of the table. */
const RANGE_ANY = 3

/** Where committed changes go: main's journal (through the host API). */
export type JournalSink = (changes: JournalChange[]) => void

/**
 * A Dexie middleware that copies every committed change of the count and
 * outbox tables to main's journal. It watches the database itself, so no
 * feature can forget to journal what it records. Changes are handed over only
 * when their transaction commits: an aborted write (a full disk) is never
 * journaled as if it had happened.
 */
export function journalMiddleware(sink: JournalSink): Middleware<DBCore> {
  const buffers = new WeakMap<object, JournalChange[]>()
  const bufferOf = (trans: object): JournalChange[] => {
    let buffer = buffers.get(trans)
    if (!buffer) {
      buffer = []
      buffers.set(trans, buffer)
      const idb = trans as IDBTransaction
      idb.addEventListener?.('complete', () => {
        if (buffer!.length > 0) sink(buffer!)
      })
    }
    return buffer
  }
  return {
    stack: 'dbcore',
    name: 'journal',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name)
          if (!journaled.has(name)) return table
          const keyPath = table.schema.primaryKey.keyPath
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              // A range short of the whole table: learn its keys first, so the journal deletes exactly those.
              const rangeKeys =
                req.type === 'deleteRange' && req.range.type !== RANGE_ANY
                  ? (
                      await table.query({
                        trans: req.trans,
                        values: false,
                        query: { index: table.schema.primaryKey, range: req.range }
                      })
                    ).result
                  : undefined
              const res = await table.mutate(req)
              const changes = rangeKeys
                ? rangeKeys.map((key) => ({
                    op: 'delete' as const,
                    table: name as JournaledTable,
                    key: key as string | number
                  }))
                : toChanges(name as JournaledTable, req, res, keyPath)
              if (changes.length > 0)
                bufferOf(req.trans).push(
                  ...(isFromSite(req.trans)
                    ? changes.map((c) => ({ ...c, fromSite: true as const }))
                    : changes)
                )
              return res
            }
          }
        }
      }
    }
  }
}

function toChanges(
  table: JournaledTable,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  keyPath: string | string[] | null
): JournalChange[] {
  const failed = (i: number) => res.failures?.[i] !== undefined
  const out: JournalChange[] = []
  if (req.type === 'add' || req.type === 'put') {
    req.values.forEach((value: Record<string, unknown>, i: number) => {
      if (failed(i)) return
      const key = (res.results?.[i] ?? req.keys?.[i]) as string | number | undefined
      if (key === undefined) return
      // An auto-incremented key (the outbox's order) is kept with the record so a restore keeps the order.
      const record = typeof keyPath === 'string' ? { ...value, [keyPath]: key } : { ...value }
      out.push({ op: 'put', table, key, value: record })
    })
  } else if (req.type === 'delete') {
    req.keys.forEach((key: unknown, i: number) => {
      if (!failed(i)) out.push({ op: 'delete', table, key: key as string | number })
    })
  } else if (req.type === 'deleteRange') {
    out.push({ op: 'clear', table }) // the whole table (narrower ranges are resolved to keys above)
  }
  return out
}
