import type { DockLine, DockSession, Order, OutboxEntry } from '../../../shared/model/records'
import { fail, ok, type Result } from '../../../shared/result'
import { parseScan } from '../../../shared/scan/parse-scan'
import type { StockroomDb } from '../db/db'
import { resolveCode } from '../count/resolve'
import { enqueueFlow, flowConnection } from '../outbox/flows'

const newId = () => crypto.randomUUID()

/** The open check of a shipment, or a new one: its lines start at nothing checked. */
export async function openCheck(db: StockroomDb, shipmentKey: string): Promise<Result<DockSession>> {
  return db.transaction('rw', [db.orders, db.connections, db.dockSessions], async () => {
    const shipment = await db.orders.get(shipmentKey)
    if (!shipment) return fail('not-found', 'This shipment is no longer in the replica. Sync and look again.')
    const conn = await flowConnection(db, shipment.connectionId, 'pack')
    if (!conn.ok) return conn
    const open = (await db.dockSessions.where('orderKey').equals(shipmentKey).toArray()).find(
      (s) => s.kind === 'check' && s.state !== 'closed'
    )
    if (open) return ok(open)
    const session: DockSession = {
      id: newId(),
      kind: 'check',
      connectionId: shipment.connectionId,
      orderKey: shipmentKey,
      state: 'open',
      createdAt: new Date().toISOString(),
      lines: [],
      entryIds: []
    }
    await db.dockSessions.add(session)
    return ok(session)
  })
}

export const checkedOf = (session: DockSession, lineId: string) =>
  session.lines.find((l) => l.lineId === lineId)?.quantity ?? 0

/** The lines still short, each named with how many are missing. */
export function shortLines(shipment: Order, session: DockSession): string[] {
  return shipment.lines
    .filter((l) => l.lineId && checkedOf(session, l.lineId) < l.ordered)
    .map((l) => `${l.label ?? l.itemKey}: ${checkedOf(session, l.lineId!)} of ${l.ordered} checked`)
}

export type CheckOutcome =
  | { status: 'checked'; words: string; done: boolean }
  /** Nothing recorded; the error tone sounds. */
  | { status: 'refused'; words: string }

/** One item scanned against a shipment: on a line with room it counts; a wrong item or a surplus is refused. */
export async function checkScan(db: StockroomDb, sessionId: string, raw: string): Promise<CheckOutcome> {
  const scan = parseScan(raw)
  if (!scan.ok)
    return { status: 'refused', words: `Not a readable code (${scan.error.message}). Scan it again.` }
  return db.transaction('rw', [db.dockSessions, db.orders, db.items, db.barcodeLinks], async () => {
    const session = await db.dockSessions.get(sessionId)
    const shipment = session && (await db.orders.get(session.orderKey))
    if (!session || !shipment || session.state !== 'open')
      return { status: 'refused', words: 'This shipment check is not open.' }
    const found = await resolveCode(db, scan.keys, session.connectionId)
    if (found.status !== 'found')
      return {
        status: 'refused',
        words: `Wrong item: ${scan.code} is not in ${shipment.number}. Take it out.`
      }
    const label = `${found.item.sku} ${found.item.name}`.trim()
    const lines = shipment.lines.filter((l) => l.itemKey === found.item.key && l.lineId)
    if (lines.length === 0)
      return { status: 'refused', words: `Wrong item: ${label} is not in ${shipment.number}. Take it out.` }
    const quantity = scan.kind === 'gs1' ? (scan.gs1.quantity ?? 1) : 1
    const line = lines.find((l) => checkedOf(session, l.lineId!) + quantity <= l.ordered)
    if (!line) {
      const ordered = lines.reduce((n, l) => n + l.ordered, 0)
      return {
        status: 'refused',
        words: `Surplus: ${label} — ${ordered} in ${shipment.number}, all checked. Take it out.`
      }
    }
    const rows: DockLine[] = session.lines.filter((l) => l.lineId !== line.lineId)
    const total = checkedOf(session, line.lineId!) + quantity
    rows.push({ lineId: line.lineId!, itemKey: line.itemKey, label, quantity: total })
    await db.dockSessions.update(session.id, { lines: rows })
    const done = shortLines(shipment, { ...session, lines: rows }).length === 0
    return { status: 'checked', words: `${label}: ${total} of ${line.ordered}`, done }
  })
}

/** Packs a fully checked shipment (one write through the outbox); a short line is named instead. */
export async function packShipment(db: StockroomDb, sessionId: string): Promise<Result<OutboxEntry>> {
  return db.transaction(
    'rw',
    [db.dockSessions, db.orders, db.connections, db.outbox, db.activity],
    async () => {
      const session = await db.dockSessions.get(sessionId)
      const shipment = session && (await db.orders.get(session.orderKey))
      if (!session || !shipment) return fail('not-found', 'This shipment check is not open.')
      const conn = await flowConnection(db, shipment.connectionId, 'pack')
      if (!conn.ok) return conn
      const dispatch = conn.value.workflow.dispatch
      if (dispatch && !dispatch.packableFrom.includes(shipment.status))
        return fail(
          'invalid-request',
          `${shipment.number} is ${shipment.status.toLowerCase()}: it cannot be packed now.`
        )
      const short = shortLines(shipment, session)
      if (short.length > 0)
        return fail('invalid-request', `Short: ${short.join('; ')}. Check them before packing.`)
      const planned = conn.value.workflow.pack!.build({
        shipmentVendorId: shipment.vendorId,
        number: shipment.number
      })
      if (!planned.ok) return planned
      const entry = await enqueueFlow(db, {
        connectionId: shipment.connectionId,
        planned: planned.value,
        flow: { kind: 'pack', targetKey: shipment.key },
        affects: [shipment.key]
      })
      // Packed here at once (waiting to send); the vendor's answer confirms it.
      await db.orders.update(shipment.key, { status: 'PACKED' })
      await db.dockSessions.update(session.id, {
        state: 'submitted',
        entryIds: [...session.entryIds, entry.id]
      })
      return ok(entry)
    }
  )
}

/**
 * Dispatches a packed shipment with its carrier and scanned tracking number, once,
 * with its own key. A second call is a tracking correction: a NEW write with a new
 * key, taken only while the vendor still has the shipment packed; an earlier
 * dispatch never sent is withdrawn so only the corrected one goes.
 */
export async function dispatchShipment(
  db: StockroomDb,
  shipmentKey: string,
  carrier: string,
  tracking: string
): Promise<Result<OutboxEntry>> {
  return db.transaction(
    'rw',
    [db.dockSessions, db.orders, db.connections, db.outbox, db.activity],
    async () => {
      const shipment = await db.orders.get(shipmentKey)
      if (!shipment) return fail('not-found', 'This shipment is no longer in the replica.')
      const conn = await flowConnection(db, shipment.connectionId, 'dispatch')
      if (!conn.ok) return conn
      const writer = conn.value.workflow.dispatch!
      const problem = writer.trackingProblem(tracking)
      if (problem) return fail('invalid-request', problem)
      if (!writer.dispatchableFrom.includes(shipment.status))
        return fail(
          'invalid-request',
          `${shipment.number} is ${shipment.status.toLowerCase()}: ${conn.value.profile.name} takes a dispatch or a tracking correction only while a shipment is ${writer.dispatchableFrom.join(' or ').toLowerCase()}.`
        )
      const earlier = (await db.outbox.where('connectionId').equals(shipment.connectionId).toArray()).filter(
        (e) => e.flow?.kind === 'dispatch' && e.flow.targetKey === shipmentKey && e.state !== 'discarded'
      )
      if (earlier.some((e) => e.state === 'done'))
        return fail(
          'invalid-request',
          `${shipment.number} was dispatched already; its tracking can no longer be corrected.`
        )
      for (const e of earlier)
        if (e.state === 'pending' && e.attempts === 0)
          await db.outbox.update(e.seq!, {
            state: 'discarded',
            supersededBy: 'tracking corrected before sending'
          })
      const planned = writer.build({
        shipmentVendorId: shipment.vendorId,
        number: shipment.number,
        carrier,
        tracking
      })
      if (!planned.ok) return planned
      const entry = await enqueueFlow(db, {
        connectionId: shipment.connectionId,
        planned: planned.value,
        flow: {
          kind: 'dispatch',
          targetKey: shipment.key,
          tracking: { carrier: carrier.trim(), number: tracking }
        },
        affects: [shipment.key]
      })
      const session = (await db.dockSessions.where('orderKey').equals(shipmentKey).toArray()).find(
        (s) => s.kind === 'check' && s.state !== 'closed'
      )
      if (session) await db.dockSessions.update(session.id, { entryIds: [...session.entryIds, entry.id] })
      return ok(entry)
    }
  )
}
