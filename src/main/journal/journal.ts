import { plural } from '../../shared/plural'
import { open, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  journalChange,
  journaledTables,
  type JournalChange,
  type JournalSnapshot,
  type JournaledTable
} from '../../shared/host-api/journal'

type Rec = Record<string, unknown>

/** Compact once this many bytes were appended since the last rewrite. */
const COMPACT_AFTER_BYTES = 2 * 1024 * 1024

/**
 * What people recorded, kept a second time by main: every committed change of
 * the count and outbox tables, appended as one JSON line each and flushed to
 * disk before the renderer hears back. Vendor data is a cache a sync rebuilds;
 * this is not. A replica that lost its IndexedDB (a full disk, a cleared
 * profile, a new origin) is restored from here, idempotency keys and frozen
 * bodies included, so every queued write is still sent exactly once.
 *
 * Bounded: a rewrite keeps only what is still open — outbox entries not yet
 * confirmed by the vendor (or discarded), counts not yet submitted with their
 * lines and events — and the barcode links (one small record per linked code,
 * removed when the link is).
 */
export class Journal {
  private readonly file: string
  private state = new Map<JournaledTable, Map<string, Rec>>()
  private appendedBytes = 0
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(dir: string) {
    this.file = join(dir, 'journal.jsonl')
    for (const t of journaledTables) this.state.set(t, new Map())
  }

  /** Opens (or creates) the journal in the data directory and compacts it. */
  static async open(dir: string, log: (line: string) => void = () => {}): Promise<Journal> {
    await mkdir(dir, { recursive: true })
    const j = new Journal(dir)
    let text = ''
    try {
      text = await readFile(j.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    let unreadable = 0
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        const parsed = journalChange.safeParse(JSON.parse(line))
        if (parsed.success) j.apply(parsed.data)
        else unreadable++
      } catch {
        unreadable++ // a line cut short by a crash mid-append: everything before it stands
      }
    }
    if (unreadable > 0) log(`journal: ${plural(unreadable, 'unreadable line')} skipped`)
    await j.compact()
    return j
  }

  /** Appends committed changes and flushes them to disk; resolves once they are durable. */
  append(changes: JournalChange[]): Promise<number> {
    const run = this.queue.then(async () => {
      for (const c of changes) this.apply(c)
      const text = changes.map((c) => JSON.stringify(c)).join('\n') + '\n'
      const fd = await open(this.file, 'a')
      try {
        await fd.writeFile(text, 'utf8')
        await fd.datasync()
      } finally {
        await fd.close()
      }
      this.appendedBytes += Buffer.byteLength(text)
      if (this.appendedBytes > COMPACT_AFTER_BYTES) await this.rewrite()
      return changes.length
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  snapshot(): JournalSnapshot {
    const all = (t: JournaledTable) => [...this.state.get(t)!.values()]
    return {
      tables: {
        counts: all('counts'),
        countLines: all('countLines'),
        countEvents: all('countEvents'),
        outbox: all('outbox'),
        barcodeLinks: all('barcodeLinks')
      }
    }
  }

  /** Drops what is finished, then rewrites the file with what is left. */
  compact(): Promise<void> {
    const run = this.queue.then(() => this.rewrite())
    this.queue = run.catch(() => undefined)
    return run
  }

  /** The latest value of one record the journal holds (undefined: none, or compacted away). */
  record(table: JournaledTable, key: string | number): Rec | undefined {
    return this.state.get(table)!.get(String(key))
  }

  private apply(c: JournalChange): void {
    const table = this.state.get(c.table)!
    if (c.op === 'clear') table.clear()
    else if (c.op === 'delete') table.delete(String(c.key))
    else table.set(String(c.key), c.value)
  }

  private async rewrite(): Promise<void> {
    const outbox = this.state.get('outbox')!
    for (const [k, e] of outbox) if (e.state === 'done' || e.state === 'discarded') outbox.delete(k)
    const counts = this.state.get('counts')!
    const closed = new Set<unknown>()
    for (const [k, c] of counts)
      if (c.state === 'submitted') {
        closed.add(c.id)
        counts.delete(k)
      }
    for (const t of ['countLines', 'countEvents'] as const) {
      const rows = this.state.get(t)!
      for (const [k, r] of rows) if (closed.has(r.countId)) rows.delete(k)
    }
    const lines: string[] = []
    for (const [table, rows] of this.state)
      for (const [key, value] of rows) lines.push(JSON.stringify({ op: 'put', table, key, value }))
    const tmp = `${this.file}.${process.pid}.tmp`
    await writeFile(tmp, lines.length ? lines.join('\n') + '\n' : '')
    const fd = await open(tmp, 'r+')
    try {
      await fd.datasync()
    } finally {
      await fd.close()
    }
    await rename(tmp, this.file)
    this.appendedBytes = 0
  }
}
