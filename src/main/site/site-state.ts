import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { JsonFile } from '../settings/json-file'
import { outgoingChange, type OutgoingChange } from './port'

const stateSchema = z.object({
  /** This install's id at the site (made once). */
  pcId: z.string(),
  /** The last change of the site's log this PC's replica applied. */
  ack: z.number().int().nonnegative(),
  /** What this PC shared that the site database has not stored yet, oldest first. */
  pending: z.array(outgoingChange)
})

type State = z.output<typeof stateSchema>

/**
 * What main keeps about the site between starts, in its data directory (never
 * in the replica, never the connection string: that is a secret): the queue of
 * shared changes that wait while the site database is unreachable, and how far
 * this PC has read the site's change log.
 */
export class SiteState {
  private readonly file: JsonFile<typeof stateSchema>
  private last: Promise<unknown> = Promise.resolve()
  private closed = false

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, 'site-state.json'), stateSchema, () => ({
      pcId: randomUUID(),
      ack: 0,
      pending: []
    }))
  }

  async pcId(): Promise<string> {
    // Written when first read, so the id stays this PC's.
    return (await this.write((s) => s)).pcId
  }

  async ack(): Promise<number> {
    return (await this.file.read()).ack
  }

  async setAck(seq: number): Promise<void> {
    await this.write((s) => ({ ...s, ack: Math.max(s.ack, seq) }))
  }

  /** Forgets how far it read (another site database was set). */
  async resetAck(): Promise<void> {
    await this.write((s) => ({ ...s, ack: 0 }))
  }

  async pending(): Promise<OutgoingChange[]> {
    return (await this.file.read()).pending
  }

  async enqueue(changes: readonly OutgoingChange[]): Promise<void> {
    if (changes.length === 0) return
    await this.write((s) => ({ ...s, pending: [...s.pending, ...changes] }))
  }

  /** Drops the first `n` queued changes: the site database stored them. */
  async drop(n: number): Promise<void> {
    await this.write((s) => ({ ...s, pending: s.pending.slice(n) }))
  }

  /** Waits for the writes under way; nothing is written after (main is stopping). */
  async close(): Promise<void> {
    this.closed = true
    await this.last
  }

  private write(change: (s: State) => State): Promise<State> {
    if (this.closed) return this.file.read()
    const next = this.file.update(change)
    this.last = next.catch(() => undefined)
    return next
  }
}
