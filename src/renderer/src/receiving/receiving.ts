import type { DockLine, DockSession, Order, OutboxEntry } from '../../../shared/model/records'
import { fail, ok, type Result } from '../../../shared/result'
import type { ReceiptLineIntent } from '../../../shared/vendors/workflow'
import type { StockroomDb } from '../db/db'
import { enqueueFlow, flowConnection } from '../outbox/flows'

export interface Clock {
  now?: () => Date
  newId?: () => string
}

const stamp = (c: Clock) => (c.now ?? (() => new Date()))().toISOString()

/** The statuses of an order that can be received against (the sync brings only those). */
export const RECEIVABLE = ['APPROVED', 'PARTIALLY_RECEIVED']

/** The purchase order whose number (as printed on its paperwork, case aside) is `code`. */
export async function findOrder(
  db: StockroomDb,
  code: string,
  direction: 'in' | 'out'
): Promise<Order | undefined> {
  const wanted = code.trim()
  if (wanted === '') return undefined
  const exact = await db.orders.where('number').equals(wanted).toArray()
  const found =
    exact.length > 0
      ? exact
      : (await db.orders.toArray()).filter((o) => o.number.toUpperCase() === wanted.toUpperCase())
  return found.find((o) => (o.direction ?? 'in') === direction)
}

/** Orders waiting to be received, oldest expected first. */
export async function receivableOrders(db: StockroomDb): Promise<Order[]> {
  const all = await db.orders.where('status').anyOf(RECEIVABLE).toArray()
  return all
    .filter((o) => (o.direction ?? 'in') === 'in')
    .sort(
      (a, b) => (a.expectedAt ?? '').localeCompare(b.expectedAt ?? '') || a.number.localeCompare(b.number)
    )
}

/** The open receiving of an order, or a new one (one per order: a reload resumes it). */
export async function openReceiving(
  db: StockroomDb,
  orderKey: string,
  c: Clock = {}
): Promise<Result<DockSession>> {
  return db.transaction('rw', [db.orders, db.connections, db.dockSessions], async () => {
    const order = await db.orders.get(orderKey)
    if (!order) return fail('not-found', 'This order is no longer in the replica. Sync and look again.')
    const conn = await flowConnection(db, order.connectionId, 'receipt')
    if (!conn.ok) return conn
    if (!RECEIVABLE.includes(order.status))
      return fail(
        'invalid-request',
        `${order.number} is ${order.status.toLowerCase().replace(/_/g, ' ')}: it cannot be received.`
      )
    const open = (await db.dockSessions.where('orderKey').equals(orderKey).toArray()).find(
      (s) => s.state === 'open' && s.kind === 'receive'
    )
    if (open) return ok(open)
    const session: DockSession = {
      id: (c.newId ?? (() => crypto.randomUUID()))(),
      kind: 'receive',
      connectionId: order.connectionId,
      orderKey,
      state: 'open',
      createdAt: stamp(c),
      lines: [],
      entryIds: []
    }
    await db.dockSessions.add(session)
    return ok(session)
  })
}

/** What is received of a line in a session (all bins and lots together). */
export const scannedOf = (session: DockSession, lineId: string) =>
  session.lines.filter((l) => l.lineId === lineId).reduce((n, l) => n + l.quantity, 0)

/** Goods received but not yet confirmed by the vendor, by order line: the receipts still in the outbox. */
export async function pendingReceipts(db: StockroomDb, orderKey: string): Promise<Map<string, number>> {
  const pending = new Map<string, number>()
  const entries = await db.outbox.where('state').anyOf('pending', 'sending', 'needs-review').toArray()
  for (const e of entries)
    if (e.flow?.kind === 'receipt' && e.flow.targetKey === orderKey && e.state !== 'needs-review')
      for (const l of e.flow.receipt ?? []) pending.set(l.lineId, (pending.get(l.lineId) ?? 0) + l.quantity)
  return pending
}

/** Why a session's lines cannot be sent yet (a serial-tracked line short of serials), or undefined. */
export function receiptProblem(lines: DockLine[], serialTracked: Set<string>): string | undefined {
  for (const l of lines) {
    if (!serialTracked.has(l.itemKey) || l.generateSerials) continue
    const have = l.serials?.length ?? 0
    if (have !== l.quantity)
      return `${l.label}: ${l.quantity} received but ${have} serial${have === 1 ? '' : 's'} scanned — scan one serial per unit, or choose “Generate serials”.`
  }
  return undefined
}

/**
 * Sends what a receiving scanned as ONE receipt through the outbox: the request
 * frozen and its idempotency key minted now, in the same transaction that closes
 * the session. The order shows the goods as pending until the vendor answers.
 */
export async function submitReceiving(
  db: StockroomDb,
  sessionId: string,
  note: string,
  c: Clock = {}
): Promise<Result<OutboxEntry>> {
  return db.transaction(
    'rw',
    [db.dockSessions, db.orders, db.items, db.locations, db.connections, db.outbox, db.activity],
    async () => {
      const session = await db.dockSessions.get(sessionId)
      if (!session || session.state !== 'open') return fail('invalid-request', 'This receiving is not open.')
      const order = await db.orders.get(session.orderKey)
      if (!order) return fail('not-found', 'The order is no longer in the replica. Sync and look again.')
      const conn = await flowConnection(db, order.connectionId, 'receipt')
      if (!conn.ok) return conn
      const lines = session.lines.filter((l) => l.quantity > 0)
      if (lines.length === 0)
        return fail('invalid-request', 'Nothing has been received on this order yet: scan the items.')
      const items = await db.items.bulkGet([...new Set(lines.map((l) => l.itemKey))])
      const serialTracked = new Set(items.filter((i) => i?.tracking === 'serial').map((i) => i!.key))
      const problem = receiptProblem(lines, serialTracked)
      if (problem) return fail('invalid-request', problem)
      const location = order.locationKey ? await db.locations.get(order.locationKey) : undefined
      if (!location)
        return fail(
          'invalid-request',
          `${order.number} names no warehouse to receive into. Sync and look again.`
        )
      const byKey = new Map(items.filter((i) => i !== undefined).map((i) => [i.key, i]))
      const intents: ReceiptLineIntent[] = []
      for (const l of lines) {
        const bin = l.binKey ? await db.locations.get(l.binKey) : undefined
        intents.push({
          lineId: l.lineId,
          itemVendorId: byKey.get(l.itemKey)?.vendorId ?? l.itemKey.split(':').slice(2).join(':'),
          label: l.label,
          quantity: l.quantity,
          ...(bin && { binVendorId: bin.vendorId }),
          ...(l.lot && { lot: l.lot }),
          ...(l.expiry && { expiry: l.expiry }),
          ...(l.serials && l.serials.length > 0 && { serials: l.serials }),
          ...(l.generateSerials && { generateSerials: true })
        })
      }
      const planned = conn.value.workflow.receipt!.build({
        orderVendorId: order.vendorId,
        orderNumber: order.number,
        locationVendorId: location.vendorId,
        lines: intents,
        note
      })
      if (!planned.ok) return planned
      const entry = await enqueueFlow(db, {
        connectionId: order.connectionId,
        planned: planned.value,
        flow: { kind: 'receipt', targetKey: order.key, receipt: intents },
        affects: [order.key],
        ...c
      })
      await db.dockSessions.update(session.id, {
        state: 'submitted',
        entryIds: [...session.entryIds, entry.id]
      })
      return ok(entry)
    }
  )
}
