import type { ConnectionRow } from '../../../../shared/model/records'
import type { ResourceProgress } from '../../sync/progress'
import type { LaneState } from '../../sync/scheduler'
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
  connections: Pick<ConnectionRow, 'id' | 'status'>[],
  syncErrors: Record<string, string>,
  progress: Record<string, Progressed> = {}
): { paused: number; failing: number } {
  const failed = failingIds(connections, syncErrors, progress)
  return { paused: connections.filter((c) => c.status === 'paused').length, failing: failed.size }
}

/** The connections (not paused) whose last sync stopped, or had a resource fail or come mostly unreadable. */
export function failingIds(
  connections: Pick<ConnectionRow, 'id' | 'status'>[],
  syncErrors: Record<string, string>,
  progress: Record<string, Progressed> = {}
): Set<string> {
  return new Set(
    connections
      .filter(
        (c) =>
          c.status !== 'paused' &&
          (c.status === 'error' || syncErrors[c.id] !== undefined || failedOf(progress, c.id).length > 0)
      )
      .map((c) => c.id)
  )
}

/**
 * The status bar's words for connections to look at, the reason beside the
 * first failing one ("1 connection failing — Plant: Purchase orders unreadable (no id)").
 */
export function attentionWords(
  connections: Pick<ConnectionRow, 'id' | 'status' | 'label' | 'statusMessage'>[],
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

/** A clock time in the PC's own format ("06:08"). */
export const clockOf = (epochMs: number): string =>
  new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

const names = (labels: string[]): string =>
  labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`

/**
 * The status bar's sync words when a connection waits for its vendor's request
 * budget: who waits and until when, and what the others are doing, e.g.
 * "Figgro waits for its request budget until 06:08 · Frostbyte and Inventora up to date".
 * Undefined when no connection waits (the bar then says "Syncing…" or "Last sync …").
 */
export function parkedLine(
  connections: Pick<ConnectionRow, 'id' | 'label' | 'status'>[],
  lanes: Record<string, LaneState>,
  failing: Set<string>
): string | undefined {
  const parked = connections.filter((c) => lanes[c.id]?.state === 'parked')
  if (parked.length === 0) return undefined
  const parts = parked.map((c) => {
    const lane = lanes[c.id] as Extract<LaneState, { state: 'parked' }>
    return `${c.label} waits for its request budget until ${clockOf(lane.until)}`
  })
  const others = connections.filter((c) => lanes[c.id]?.state !== 'parked')
  const syncing = others.filter((c) => lanes[c.id]?.state === 'running')
  const upToDate = others.filter(
    (c) => lanes[c.id]?.state !== 'running' && c.status !== 'paused' && !failing.has(c.id)
  )
  if (syncing.length > 0) parts.push(`${names(syncing.map((c) => c.label))} syncing`)
  if (upToDate.length > 0) parts.push(`${names(upToDate.map((c) => c.label))} up to date`)
  return parts.join(' · ')
}
