import type { ResourcePlan } from '../../../shared/host-api/sync'
import type { ResourceFailure } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import type { ResourceProgress, SyncError } from './progress'

/**
 * A resource the vendor refused with 403 under the key the connection still
 * has is not asked again: the words stay on the connection until the key changes.
 */
export async function refusedForThisKey(
  db: StockroomDb,
  connectionId: string,
  plan: ResourcePlan
): Promise<ResourceProgress | undefined> {
  const [cp, connection] = await Promise.all([
    db.checkpoints.get([connectionId, plan.resource]),
    db.connections.get(connectionId)
  ])
  const failure = cp?.failure
  if (failure?.kind !== 'forbidden' || failure.secretSetAt !== connection?.secretSetAt) return undefined
  return {
    connectionId,
    resource: plan.resource,
    label: plan.label,
    phase: cp!.phase,
    state: 'skipped',
    pagesDone: 0,
    recordsDone: 0,
    rejected: 0,
    deleted: 0,
    lowCrossed: [],
    message: failure.message
  }
}

/** Keeps a resource's failure on its checkpoint (the pass resumes from there next time) for the Connections screen. */
export async function recordFailure(
  db: StockroomDb,
  connectionId: string,
  plan: ResourcePlan,
  err: SyncError,
  now: () => Date
): Promise<ResourceProgress> {
  const at = now().toISOString()
  const connection = await db.connections.get(connectionId)
  const failure: ResourceFailure = {
    message: err.message,
    kind: err.origin?.kind ?? err.code,
    at,
    ...(err.origin?.status !== undefined && { status: err.origin.status }),
    ...(err.origin?.endpoint && { endpoint: err.origin.endpoint }),
    ...(connection?.secretSetAt && { secretSetAt: connection.secretSetAt })
  }
  await db.transaction('rw', [db.checkpoints, db.activity], async () => {
    const cp = await db.checkpoints.get([connectionId, plan.resource])
    await db.checkpoints.put({
      ...(cp ?? {
        connectionId,
        resource: plan.resource,
        phase: 'full',
        running: false,
        cursor: null,
        syncId: crypto.randomUUID(),
        pagesDone: 0,
        recordsDone: 0
      }),
      failure
    })
    await db.activity.add({
      at,
      connectionId,
      kind: 'sync',
      level: 'error',
      message: `${plan.label}: ${err.message}`
    })
  })
  return {
    connectionId,
    resource: plan.resource,
    label: plan.label,
    phase: 'full',
    state: 'error',
    pagesDone: 0,
    recordsDone: 0,
    rejected: 0,
    deleted: 0,
    lowCrossed: [],
    message: err.message
  }
}
