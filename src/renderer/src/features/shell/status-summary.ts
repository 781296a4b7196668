import type { ConnectionInfo } from '../../../../shared/host-api/connections'
import type { ResourceProgress } from '../../sync/driver'

/**
 * Connections a person must look at: paused (a new key is needed) or failing
 * (their last sync stopped, or one of its resources failed).
 */
export function connectionsNeedingAttention(
  connections: Pick<ConnectionInfo, 'id' | 'status'>[],
  syncErrors: Record<string, string>,
  progress: Record<string, Pick<ResourceProgress, 'connectionId' | 'state'>> = {}
): { paused: number; failing: number } {
  const failedResource = new Set(
    Object.values(progress)
      .filter((p) => p.state === 'error')
      .map((p) => p.connectionId)
  )
  let paused = 0
  let failing = 0
  for (const c of connections) {
    if (c.status === 'paused') paused++
    else if (c.status === 'error' || syncErrors[c.id] !== undefined || failedResource.has(c.id)) failing++
  }
  return { paused, failing }
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
