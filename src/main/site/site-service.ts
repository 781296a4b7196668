import type { JournalChange } from '../../shared/host-api/journal'
import type { SiteStatus } from '../../shared/host-api/site'
import type { ConnectionRegistry } from '../connections/registry'
import type { Journal } from '../journal/journal'
import type { SecretStore } from '../platform/ports'
import { siteChangesOf } from './journal-to-site'
import type { PcIdentity, SiteDb, SiteDbFactory } from './port'
import { SiteState } from './site-state'
import { describeSiteError } from './site-errors'

/** Where the connection string is kept: beside the vendor keys, in the same secret store. */
export const SITE_SECRET = 'site:connectionString'
/** Changes per transaction when catching up. */
const BATCH = 200

export interface SiteServiceDeps {
  dataDir: string
  secrets: SecretStore
  connections: ConnectionRegistry
  journal: Journal
  pcName: string
  factory: SiteDbFactory
  /** Status changed or the site's log grew: the renderer pulls. */
  emit(status: SiteStatus): void
  log(line: string): void
  /** How long to wait between attempts to reach an unreachable site database (default 500 ms, up to 4 s). */
  retryMs?: number
}

/**
 * Main's side of the site database: keeps the connection (and tries again
 * while it is unreachable), shares what the journal says was recorded here
 * (queued on disk first, so nothing is lost while the database is away and
 * each change is stored once when it returns), and tells the renderer when
 * other PCs shared something. It never talks to a vendor.
 */
export class SiteService {
  private readonly state: SiteState
  private db?: SiteDb
  private configured = false
  private error?: string
  private waiting = 0
  private pc?: PcIdentity
  private flushing?: Promise<void>
  private retry?: ReturnType<typeof setTimeout>
  private attempts = 0
  private generation = 0
  private disposed = false

  constructor(private readonly d: SiteServiceDeps) {
    this.state = new SiteState(d.dataDir)
  }

  async start(): Promise<void> {
    this.pc = { id: await this.state.pcId(), name: this.d.pcName }
    this.waiting = (await this.state.pending()).length
    this.configured = await this.d.secrets.has(SITE_SECRET)
    // Start-up never waits for the site database: the PC works without it and connects when it can.
    if (this.configured) void this.connect()
  }

  status(): SiteStatus {
    return {
      configured: this.configured,
      state: !this.configured ? 'off' : this.db ? 'connected' : 'unreachable',
      waiting: this.waiting,
      ...(this.configured && !this.db && this.error !== undefined && { error: this.error })
    }
  }

  /** The live connection, when there is one (the budget bucket and the review use it). */
  connected(): SiteDb | undefined {
    return this.db
  }

  identity(): PcIdentity {
    return this.pc!
  }

  async configure(connectionString: string | null): Promise<SiteStatus> {
    await this.drop()
    if (connectionString === null || connectionString.trim() === '') {
      await this.d.secrets.delete(SITE_SECRET)
      this.configured = false
    } else {
      await this.d.secrets.set(SITE_SECRET, connectionString.trim())
      // Another database: read its log from its start.
      await this.state.resetAck()
      this.configured = true
      await this.connect()
    }
    this.changed()
    return this.status()
  }

  /** Tries a connection string (the stored one when none is given) without keeping it. */
  async test(connectionString?: string): Promise<{ ok: boolean; message: string }> {
    const url = connectionString ?? (await this.d.secrets.get(SITE_SECRET))
    if (!url) return { ok: false, message: 'No site database is set.' }
    try {
      const db = await this.d.factory(url)
      await db.close()
      return { ok: true, message: 'Connected: the site database answers and its schema is up to date.' }
    } catch (err) {
      return { ok: false, message: describeSiteError(err, url) }
    }
  }

  /**
   * Shares what a journal batch recorded here (links, count scans). Queued on disk
   * first; sent at once when the site database is reachable. `before` holds
   * deleted records as they were before the batch.
   */
  async shareJournal(
    changes: readonly JournalChange[],
    before: ReadonlyMap<string, Record<string, unknown>>
  ) {
    if (!this.configured) return
    const byId = new Map((await this.d.connections.list()).map((c) => [c.id, c]))
    const shared = siteChangesOf(changes, before, {
      record: (t, k) => this.d.journal.record(t, k),
      connection: (id) => byId.get(id)
    })
    if (shared.length === 0) return
    await this.state.enqueue(shared)
    this.waiting += shared.length
    this.changed()
    void this.flush()
  }

  /** The last change of the site log this replica applied, saved; then what follows it. */
  async pull(ack?: number) {
    if (ack !== undefined) await this.state.setAck(ack)
    const after = await this.state.ack()
    const db = this.db
    if (!db) return { stored: [], cursor: after }
    try {
      const stored = await db.changesAfter(after, BATCH)
      return { stored, cursor: stored.length > 0 ? stored[stored.length - 1]!.seq : after }
    } catch (err) {
      this.lost(db, err)
      return { stored: [], cursor: after }
    }
  }

  /** Runs a query on the live connection; undefined when there is none (or it was just lost). */
  async use<T>(work: (db: SiteDb) => Promise<T>): Promise<T | undefined> {
    const db = this.db
    if (!db) return undefined
    try {
      return await work(db)
    } catch (err) {
      this.lost(db, err)
      return undefined
    }
  }

  /** Resolves once every queued change was stored (or the database is unreachable). */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  async dispose(): Promise<void> {
    this.disposed = true
    await this.drop()
    await this.settled()
    await this.state.close()
  }

  private async connect(): Promise<void> {
    const gen = ++this.generation
    const url = await this.d.secrets.get(SITE_SECRET)
    if (!url || this.disposed) return
    try {
      const db = await this.d.factory(url)
      if (gen !== this.generation || this.disposed) return void (await db.close())
      this.db = db
      this.error = undefined
      this.attempts = 0
      db.onNotify(() => this.changed())
      db.onLost((err) => this.lost(db, err))
      this.d.log('site: connected to the site database')
      this.changed()
      void this.flush()
    } catch (err) {
      if (gen !== this.generation) return
      this.error = describeSiteError(err, url)
      this.d.log(`site: unreachable: ${this.error}`)
      this.changed()
      this.scheduleRetry()
    }
  }

  private lost(db: SiteDb, err: unknown): void {
    if (this.db !== db) return
    this.db = undefined
    this.error = describeSiteError(err)
    this.d.log(`site: lost the site database: ${this.error}`)
    void db.close()
    this.changed()
    this.scheduleRetry()
  }

  private scheduleRetry(): void {
    if (this.retry || this.disposed || !this.configured) return
    const base = this.d.retryMs ?? 500
    const wait = Math.min(base * 2 ** Math.min(this.attempts++, 3), 4_000)
    this.retry = setTimeout(() => {
      this.retry = undefined
      if (!this.db) void this.connect()
    }, wait)
  }

  private async drop(): Promise<void> {
    this.generation++
    if (this.retry) clearTimeout(this.retry)
    this.retry = undefined
    const db = this.db
    this.db = undefined
    await db?.close()
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing
    this.flushing = (async () => {
      for (;;) {
        const db = this.db
        const pending = await this.state.pending()
        if (!db || pending.length === 0) return
        const batch = pending.slice(0, BATCH)
        try {
          await db.push(this.pc!, batch)
        } catch (err) {
          // Not stored, or stored but unanswered: sent again later, stored once by its change id.
          this.lost(db, err)
          return
        }
        await this.state.drop(batch.length)
        this.waiting = (await this.state.pending()).length
        this.changed()
      }
    })().finally(() => {
      this.flushing = undefined
    })
    return this.flushing
  }

  private changed(): void {
    if (!this.disposed) this.d.emit(this.status())
  }
}
