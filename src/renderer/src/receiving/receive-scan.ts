import type { DockLine, DockSession, Location } from '../../../shared/model/records'
import { parseScan } from '../../../shared/scan/parse-scan'
import type { StockroomDb } from '../db/db'
import { findLocationLabel } from '../count/location-switch'
import { resolveCode } from '../count/resolve'
import { pendingReceipts, scannedOf } from './receiving'

/** What one scan did to a receiving; every outcome but `added` and `bin` records nothing. */
export type ReceiveOutcome =
  | { status: 'added'; line: DockLine; lineTotal: number; ordered: number; words: string }
  | { status: 'bin'; bin: Location; words: string }
  /** Asked once per line: the person confirms, then the same scan is taken. */
  | { status: 'over'; lineId: string; words: string }
  /** Nothing recorded; the error tone sounds. */
  | { status: 'refused'; words: string }

export interface ReceiveOptions {
  /** The person confirmed an over-receipt of this line after an `over` outcome. */
  confirmOver?: string
  prefixes?: string[]
}

const refused = (words: string): ReceiveOutcome => ({ status: 'refused', words })

/** The warehouse a location stands in (itself, or its nearest warehouse ancestor). */
async function warehouseOf(db: StockroomDb, location: Location): Promise<string | undefined> {
  let at: Location | undefined = location
  for (let hops = 0; at && hops < 8; hops++) {
    if (at.kind === 'warehouse') return at.key
    at = at.parentKey ? await db.locations.get(at.parentKey) : undefined
  }
  return undefined
}

/** The lot and expiry last taken for a line: a label without them never blanks what is known. */
function known(session: DockSession, lineId: string): { lot?: string; expiry?: string } {
  const rows = session.lines.filter((l) => l.lineId === lineId)
  const last = rows[rows.length - 1]
  return { ...(last?.lot && { lot: last.lot }), ...(last?.expiry && { expiry: last.expiry }) }
}

/**
 * One scan at the receiving dock: an item on the order adds to its line (with the
 * lot, expiry, serial and count its GS1 label carries), a bin label sends the
 * following items to that bin, and anything else is refused with nothing recorded.
 * The session is written before the outcome returns, so the tone means "saved".
 */
export async function receiveScan(
  db: StockroomDb,
  sessionId: string,
  raw: string,
  o: ReceiveOptions = {}
): Promise<ReceiveOutcome> {
  const scan = parseScan(raw, o.prefixes ? { prefixes: o.prefixes } : {})
  if (!scan.ok) return refused(`Not a readable code (${scan.error.message}). Scan it again.`)
  return db.transaction(
    'rw',
    [db.dockSessions, db.orders, db.items, db.barcodeLinks, db.locations, db.outbox],
    async () => {
      const session = await db.dockSessions.get(sessionId)
      if (!session || session.state !== 'open') return refused('This receiving is not open.')
      const order = await db.orders.get(session.orderKey)
      if (!order) return refused('The order is no longer in the replica.')
      const found = await resolveCode(db, scan.keys, session.connectionId)
      if (found.status !== 'found') {
        const places = await findLocationLabel(
          db,
          [...scan.keys, scan.code.toUpperCase()],
          session.connectionId
        )
        const place = places.find((p) => p.connectionId === session.connectionId)
        if (place && found.status === 'unknown') {
          if (place.kind !== 'bin')
            return refused(`${place.name} is not a bin: scan a bin label to put the goods there.`)
          if (order.locationKey && (await warehouseOf(db, place)) !== order.locationKey)
            return refused(`Bin ${place.name} is not in the warehouse ${order.number} arrives at.`)
          await db.dockSessions.update(session.id, { binKey: place.key })
          return { status: 'bin', bin: place, words: `Into bin ${place.name}` }
        }
        return refused(
          `Not on ${order.number}: ${scan.code} is no item of this order. Put it aside; nothing was recorded.`
        )
      }
      const item = found.item
      const line = order.lines.find((l) => l.itemKey === item.key && l.lineId)
      const label = `${item.sku} ${item.name}`.trim()
      if (!line?.lineId)
        return refused(`Not on ${order.number}: ${label}. Put it aside; nothing was recorded.`)
      const g = scan.kind === 'gs1' ? scan.gs1 : undefined
      const quantity = g?.quantity ?? 1
      const last = known(session, line.lineId)
      const lot = g?.lot ?? last.lot
      const expiry = g?.expiry ?? (g?.lot === undefined || g.lot === last.lot ? last.expiry : undefined)
      if (item.tracking === 'lot' && !lot)
        return refused(`${label} is batch-tracked: scan the label that carries its lot (GS1 AI 10).`)
      const serial = item.tracking === 'serial' ? g?.serial : undefined
      if (serial && session.lines.some((l) => l.serials?.includes(serial)))
        return refused(`Serial ${serial} of ${label} was already received on this order.`)
      const pending = (await pendingReceipts(db, order.key)).get(line.lineId) ?? 0
      const after = (line.received ?? 0) + pending + scannedOf(session, line.lineId) + quantity
      const overOk = session.overOk ?? []
      if (after > line.ordered && !overOk.includes(line.lineId)) {
        if (o.confirmOver !== line.lineId)
          return {
            status: 'over',
            lineId: line.lineId,
            words: `${label}: ${after} would be received against ${line.ordered} ordered. Receive more than ordered?`
          }
        overOk.push(line.lineId)
      }
      const binKey = session.binKey
      const lotKey = item.tracking === 'lot' ? lot : undefined
      const rows = [...session.lines]
      const at = rows.findIndex((r) => r.lineId === line.lineId && r.binKey === binKey && r.lot === lotKey)
      const base: DockLine =
        at >= 0
          ? rows[at]!
          : {
              lineId: line.lineId,
              itemKey: item.key,
              label,
              quantity: 0,
              ...(binKey && { binKey }),
              ...(lotKey && { lot: lotKey })
            }
      const updated: DockLine = {
        ...base,
        quantity: base.quantity + quantity,
        ...(lotKey && expiry && { expiry }),
        ...(serial && { serials: [...(base.serials ?? []), serial] })
      }
      if (at >= 0) rows[at] = updated
      else rows.push(updated)
      await db.dockSessions.update(session.id, { lines: rows, overOk, lastLineId: line.lineId })
      const lineTotal = (line.received ?? 0) + pending + scannedOf({ ...session, lines: rows }, line.lineId)
      return {
        status: 'added',
        line: updated,
        lineTotal,
        ordered: line.ordered,
        words: `${label}: ${lineTotal} of ${line.ordered}${lotKey ? ` · lot ${lotKey}` : ''}${serial ? ` · serial ${serial}` : ''}`
      }
    }
  )
}

/** "Generate serials" for a serial-tracked line: the vendor makes one per unit received. */
export async function generateSerials(db: StockroomDb, sessionId: string, lineId: string): Promise<void> {
  await db.transaction('rw', [db.dockSessions], async () => {
    const session = await db.dockSessions.get(sessionId)
    if (!session) return
    await db.dockSessions.update(session.id, {
      lines: session.lines.map((l) =>
        l.lineId === lineId ? { ...l, generateSerials: true, serials: [] } : l
      )
    })
  })
}
