import type { ConnectionInfo } from '../../../../shared/host-api/connections'
import type { ResourceProgress } from '../../sync/driver'
import { mostlyUnreadable } from '../../sync/pass-verdict'

type Progressed = Pick<ResourceProgress, 'connectionId' | 'state'> &
  Partial<Pick<ResourceProgress, 'label' | 'rejected' | 'recordsDone' | 'rejectedReason'>>

/** Resources of a connection's last pass that failed: refused, kept failing, or mostly unreadable. */
const failedOf = (progress: Record<string, Progressed>, connectionId: string) =>
  Object.values(progress).filter(
    (p) =>
      p.connectionId === connectionId &&
      (p.state === 'error' ||
        (p.state === 'done' &&
          mostlyUnreadable({ rejected: p.rejected ?? 0, recordsDone: p.recordsDone ?? 0 })))
  )

/**
 * Connections a person must look at: paused (a new key is needed) or failing
 * (their last sync stopped, or one of its resources failed or came mostly
 * unreadable).
 */
export function connectionsNeedingAttention(
  connections: Pick<ConnectionInfo, 'id' | 'status'>[],
  syncErrors: Record<string, string>,
  progress: Record<string, Progressed> = {}
): { paused: number; failing: number } {
  let paused = 0
  let failing = 0
  for (const c of connections) {
    if (c.status === 'paused') paused++
    else if (c.status === 'error' || syncErrors[c.id] !== undefined || failedOf(progress, c.id).length > 0)
      failing++
  }
  return { paused, failing }
}

/**
 * The status bar's words for connections to look at, the reason beside the
 * first failing one ("1 connection failing — Plant: Purchase orders unreadable (no id)").
 */
export function attentionWords(
  connections: Pick<ConnectionInfo, 'id' | 'status' | 'label' | 'statusMessage'>[],
  syncErrors: Record<string, string>,
  progress: Record<string, Progressed> = {}
): string[] {
  const { paused, failing } = connectionsNeedingAttention(connections, syncErrors, progress)
  const words: string[] = []
  if (paused > 0) words.push(`${count(paused, 'connection')} paused`)
  if (failing === 0) return words
  let reason = ''
  for (const c of connections) {
    if (c.status === 'paused') continue
    const resource = failedOf(progress, c.id)[0]
    const why =
      resource?.state === 'done'
        ? `${resource.label ?? 'Data'} unreadable${resource.rejectedReason?.startsWith('no id') ? ' (no id)' : ''}`
        : resource
          ? `${resource.label ?? 'Data'} failed`
          : (syncErrors[c.id] ?? (c.status === 'error' ? c.statusMessage : undefined))
    if (why) {
      reason = ` — ${c.label}: ${why.length > 90 ? `${why.slice(0, 89)}…` : why}`
      break
    }
  }
  words.push(`${count(failing, 'connection')} failing${reason}`)
  return words
}

/** Share of the records read so far by the resources syncing now, over those whose total is known. */
export function syncPercent(progress: Record<string, ResourceProgress>): number | undefined {
  let done = 0
  let total = 0
  for (const p of Object.values(progress)) {
    if (p.state !== 'running' || p.total === undefined) continue
    total += p.total
    done += Math.min(p.recordsDone, p.total)
  }
  return total > 0 ? Math.floor((done / total) * 100) : undefined
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`

/**
 * The status bar's words for the writes waiting to send. Writes in review are
 * counted apart (beside this line), so "All writes sent" is said only when none is.
 */
export function writesLine(o: { waiting: number; review: number; online: boolean }): string {
  if (o.waiting > 0)
    return `${count(o.waiting, 'write')} ${o.online ? 'waiting to send' : 'waiting for the network'}`
  return o.review === 0 ? 'All writes sent' : 'No writes waiting'
}

export { count as countOf }
