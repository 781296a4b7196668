/**
 * Idempotency-Key handling for the POSTs that accept it, as documented:
 * - same key, same endpoint, byte-identical body → the stored response, with
 *   `Idempotency-Replayed: true`, and nothing applied again;
 * - same key with a different body (a SHA-256 of the raw bytes: re-ordered JSON keys count
 *   as different) or a different endpoint (incl. a different `{id}`) → 422 idempotency_key_reuse;
 * - same key while the first request is still running → 409 conflict_in_progress, Retry-After: 5;
 * - keys over 200 characters → 400 invalid_parameter; successful responses are kept 24 h.
 *
 * ASSUMPTIONS: keys are scoped per org (U18); only 2xx responses are stored, so a request
 * that failed may be retried with the same key and runs again; the in-flight check comes
 * before the body comparison.
 */
import { createHash } from 'node:crypto'
import { DAY } from '../common/time'
import { fbError } from './errors'

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

export class IdempotencyStore {
  private readonly entries = new Map<string, Stored>()

  begin(org: string, key: string, endpoint: string, rawBody: Buffer, nowMs: number): IdempotencyOutcome {
    if (key.length > 200) throw fbError.invalidParameter('Idempotency-Key must be at most 200 characters')
    const id = `${org}\u0000${key}`
    const bodyHash = createHash('sha256').update(rawBody).digest('hex')
    const existing = this.entries.get(id)
    if (existing && existing.state === 'done' && nowMs - existing.at > DAY) this.entries.delete(id)
    const current = this.entries.get(id)
    if (current) {
      if (current.state === 'in-flight') throw fbError.conflictInProgress()
      if (current.endpoint !== endpoint || current.bodyHash !== bodyHash) throw fbError.idempotencyReuse()
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
