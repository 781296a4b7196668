/**
 * Idempotency-Key handling for the writes that accept it (the behaviour Frostbyte
 * documents, and the one a vendor with `Idempotency-Key` support is expected to have):
 * - same key, same endpoint, byte-identical body → the stored response, and nothing
 *   applied again;
 * - same key with a different body (a SHA-256 of the raw bytes: re-ordered JSON keys count
 *   as different) or a different endpoint (incl. a different `{id}`) → the vendor's `reused` error;
 * - same key while the first request is still running → the vendor's `inProgress` error;
 * - keys over `maxKeyLength` characters → `keyTooLong`; successful responses are kept `keepMs`.
 *
 * Only 2xx responses are stored, so a request that failed may be retried with the same key
 * and runs again; the in-flight check comes before the body comparison.
 */
import { createHash } from 'node:crypto'

/** A vendor's rules for its keys, with its own errors. */
export interface IdempotencyRules<E> {
  maxKeyLength: number
  /** How long a completed response is replayed, ms. */
  keepMs: number
  keyTooLong(): E
  inProgress(): E
  reused(): E
}

interface Stored {
  state: 'in-flight' | 'done'
  endpoint: string
  bodyHash: string
  status: number
  bodyText: string
  at: number
}

export type IdempotencyOutcome =
  | { kind: 'replay'; status: number; bodyText: string }
  | {
      kind: 'proceed'
      /** Stores a 2xx response for replay (other statuses free the key). */
      complete(status: number, bodyText: string): void
      /** Frees the key if it was never completed (the handler threw). */
      release(): void
    }

export class IdempotencyStore<E> {
  private readonly entries = new Map<string, Stored>()

  constructor(private readonly rules: IdempotencyRules<E>) {}

  /** `scope` separates key spaces (e.g. one per organisation). Throws the vendor's error on a refused key. */
  begin(scope: string, key: string, endpoint: string, rawBody: Buffer, nowMs: number): IdempotencyOutcome {
    if (key.length > this.rules.maxKeyLength) throw this.rules.keyTooLong()
    const id = `${scope}\u0000${key}`
    const bodyHash = createHash('sha256').update(rawBody).digest('hex')
    const existing = this.entries.get(id)
    if (existing && existing.state === 'done' && nowMs - existing.at > this.rules.keepMs)
      this.entries.delete(id)
    const current = this.entries.get(id)
    if (current) {
      if (current.state === 'in-flight') throw this.rules.inProgress()
      if (current.endpoint !== endpoint || current.bodyHash !== bodyHash) throw this.rules.reused()
      return { kind: 'replay', status: current.status, bodyText: current.bodyText }
    }
    const entry: Stored = { state: 'in-flight', endpoint, bodyHash, status: 0, bodyText: '', at: nowMs }
    this.entries.set(id, entry)
    return {
      kind: 'proceed',
      complete: (status, bodyText) => {
        if (status >= 200 && status < 300)
          Object.assign(entry, { state: 'done', status, bodyText, at: nowMs })
        else this.entries.delete(id)
      },
      release: () => {
        if (entry.state === 'in-flight' && this.entries.get(id) === entry) this.entries.delete(id)
      }
    }
  }

  /** Keys currently stored or in flight. */
  get size(): number {
    return this.entries.size
  }
}
