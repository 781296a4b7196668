import { z } from 'zod'

/**
 * The site database as main's site service sees it: a port, so the service
 * does not know PostgreSQL (src/main/site/pg-site-db.ts is the one adapter).
 *
 * A "system" is one vendor account's address as every PC can name it without
 * sharing connection ids: `vendor|address` (address lower-cased, no trailing
 * slash), the same rule a handed-over count file uses to find its connection.
 * Item and location keys are relative to the connection (`item:…`, `location:…`).
 */

/** A change this PC shares, made once with its own id: a catch-up that sends it again stores nothing. */
export const outgoingChange = z.object({
  changeId: z.uuid(),
  kind: z.enum(['link', 'unlink', 'part', 'unpart']),
  system: z.string(),
  madeAt: z.string(),
  body: z.record(z.string(), z.unknown())
})
export type OutgoingChange = z.infer<typeof outgoingChange>

/** A change as the site database holds it, in the order it was stored. */
export interface StoredChange {
  seq: number
  changeId: string
  kind: string
  system: string | null
  pcId: string
  pc: string
  body: Record<string, unknown>
}

/** One scan of a count part, as stored. */
export interface StoredPart {
  partId: string
  session: string
  pcId: string
  pc: string
  body: Record<string, unknown>
}

export interface PcIdentity {
  /** Made once per install, kept in main's data directory. */
  id: string
  /** What people see ("PC-2", the host name). */
  name: string
}

export interface SiteDb {
  /** Stores changes in order, each once (by its id), and tells the other PCs. */
  push(pc: PcIdentity, changes: readonly OutgoingChange[]): Promise<void>
  /** Changes stored after `seq`, oldest first. */
  changesAfter(seq: number, limit: number): Promise<StoredChange[]>
  /** Scans of counts at a place not yet sent by any PC, other than `exceptSession`'s. */
  parts(system: string, location: string, exceptSession: string): Promise<StoredPart[]>
  /** Marks the sessions' unsent scans as sent by `bySession`; returns those it took (none another took first). */
  claim(
    pc: PcIdentity,
    system: string,
    location: string,
    bySession: string,
    sessions: readonly string[]
  ): Promise<StoredPart[]>
  /**
   * Takes one token from the account's bucket (made with `capacity` and `perSecond`
   * if new). Returns 0 when taken, else how long to wait before asking again.
   */
  takeToken(account: string, capacity: number, perSecond: number): Promise<number>
  /** Sets the bucket from what the vendor's live headers said is left. */
  refill(account: string, remaining: number, capacity: number, perSecond: number): Promise<void>
  /** Another PC (or this one) stored changes. */
  onNotify(listener: () => void): void
  /** The connection was lost: the adapter is unusable after this. */
  onLost(listener: (err: Error) => void): void
  close(): Promise<void>
}

/** Connects, migrates the schema and starts listening; throws (in words) when it cannot. */
export type SiteDbFactory = (connectionString: string) => Promise<SiteDb>

/** The system a connection belongs to, as every PC names it. */
export const systemOf = (vendor: string, baseUrl: string): string =>
  `${vendor}|${baseUrl.trim().replace(/\/+$/, '').toLowerCase()}`
