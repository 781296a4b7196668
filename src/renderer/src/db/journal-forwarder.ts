import type { HostClient } from '../../../shared/host-api/client'
import type { JournalChange } from '../../../shared/host-api/journal'
import { backoffMs } from '../../../shared/backoff'

/** Changes per call: small enough for any host message limit, large enough for a whole submitted count. */
const CHUNK = 100
const RETRY = { baseMs: 1_000, capMs: 30_000, jitter: 0 }

/**
 * Hands committed changes to main's journal in commit order. Until the host
 * is attached (start-up) or while it cannot be reached, changes wait here
 * and go as soon as it answers; IndexedDB already holds them meanwhile.
 */
export class JournalForwarder {
  private pending: JournalChange[] = []
  private host?: HostClient
  private sending?: Promise<void>
  private failures = 0
  private timer?: ReturnType<typeof setTimeout>

  readonly push = (changes: JournalChange[]): void => {
    this.pending.push(...changes)
    void this.flush()
  }

  attach(host: HostClient): void {
    this.host = host
    void this.flush()
  }

  /** Resolves once everything pushed so far is in main's journal (or the host is unreachable). */
  async drained(): Promise<void> {
    while (this.sending) await this.sending
  }

  private flush(): Promise<void> {
    if (!this.host || this.sending) return this.sending ?? Promise.resolve()
    const host = this.host
    this.sending = (async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.slice(0, CHUNK)
        const reply = await host.call('journal:append', { changes: batch }).catch(() => undefined)
        if (!reply?.ok) {
          if (this.timer) clearTimeout(this.timer)
          this.timer = setTimeout(() => void this.flush(), backoffMs(this.failures++, RETRY))
          return
        }
        this.failures = 0
        this.pending.splice(0, batch.length)
      }
    })().finally(() => {
      this.sending = undefined
    })
    return this.sending
  }
}
