import type { ConnectionRow, OutboxEntry, OutboxFlow } from '../../../shared/model/records'
import { fail, ok, type Result } from '../../../shared/result'
import { vendorProfiles } from '../../../shared/vendors/profiles'
import type { VendorProfile } from '../../../shared/vendors/profile'
import type { FlowKind, PlannedFlow, WorkflowWrites } from '../../../shared/vendors/workflow'
import type { StockroomDb } from '../db/db'

/** What a screen needs from a kind of write, in words for people when the vendor lacks it. */
const kindWords: Record<FlowKind, string> = {
  receipt: 'goods receipts on purchase orders',
  pack: 'packing shipments',
  dispatch: 'dispatching shipments',
  'task-status': 'starting and completing tasks',
  'batch-undo': 'undoing a recorded batch'
}

const writerKey: Record<FlowKind, keyof Omit<WorkflowWrites, 'alreadyApplied'>> = {
  receipt: 'receipt',
  pack: 'pack',
  dispatch: 'dispatch',
  'task-status': 'taskStatus',
  'batch-undo': 'batchUndo'
}

/** Whether the vendor takes this kind of write through its API. */
export const takesFlow = (profile: VendorProfile, kind: FlowKind): boolean =>
  profile.workflow?.[writerKey[kind]] !== undefined

/** Why a kind of write cannot be made with this vendor, in plain words. */
export const flowRefusal = (profile: VendorProfile, kind: FlowKind): string =>
  `${profile.name}’s API does not take ${kindWords[kind]}, so Stockroom cannot do this for ${profile.name}; do it in ${profile.name} itself.`

/** The connection's profile, or why this kind of write cannot be queued for it. */
export async function flowConnection(
  db: StockroomDb,
  connectionId: string,
  kind: FlowKind
): Promise<Result<{ connection: ConnectionRow; profile: VendorProfile; workflow: WorkflowWrites }>> {
  const connection = await db.connections.get(connectionId)
  if (!connection) return fail('not-found', 'That connection was removed.')
  const profile = vendorProfiles[connection.vendor]
  if (!profile.workflow || !takesFlow(profile, kind))
    return fail('invalid-request', flowRefusal(profile, kind))
  return ok({ connection, profile, workflow: profile.workflow })
}

export interface EnqueueFlow {
  connectionId: string
  planned: PlannedFlow | undefined
  flow: Omit<OutboxFlow, 'repeatable'>
  /** Replica records it changes: a later write to one of them waits for this one. */
  affects: string[]
  description?: string
  now?: () => Date
  newId?: () => string
}

/**
 * Adds one workflow write to the outbox with its key minted now and its request
 * frozen (or, for an undo of a batch still queued, frozen later from that batch's
 * answer), plus its activity line. Call inside a transaction over outbox and activity.
 */
export async function enqueueFlow(db: StockroomDb, e: EnqueueFlow): Promise<OutboxEntry> {
  const now = (e.now ?? (() => new Date()))().toISOString()
  const newId = e.newId ?? (() => crypto.randomUUID())
  const entry: OutboxEntry = {
    id: newId(),
    connectionId: e.connectionId,
    idempotencyKey: newId(),
    state: 'pending',
    createdAt: now,
    description: e.planned?.description ?? e.description ?? '',
    ...(e.planned && { request: e.planned.request }),
    attempts: 0,
    affects: e.affects,
    flow: { ...e.flow, ...(e.planned?.repeatable && { repeatable: true as const }) }
  }
  await addQueued(db, entry)
  return entry
}

/** Adds a new outbox entry and its "Queued" activity line (inside the caller's transaction). */
export async function addQueued(db: StockroomDb, entry: OutboxEntry): Promise<void> {
  await db.outbox.add(entry)
  await db.activity.add({
    at: entry.createdAt,
    connectionId: entry.connectionId,
    kind: 'write',
    link: { kind: 'write', entryId: entry.id },
    level: 'info',
    message: `Queued: ${entry.description}`
  })
}
