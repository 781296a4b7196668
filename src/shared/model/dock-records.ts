/** What the dock keeps in the replica: receiving and shipment checks in progress. */

/**
 * A receiving or shipment check in progress at the dock: kept in the replica
 * scan by scan, so it survives a reload and works offline.
 */
export interface DockSession {
  id: string
  kind: 'receive' | 'check'
  connectionId: string
  /** The purchase order or shipment. */
  orderKey: string
  state: 'open' | 'submitted' | 'closed'
  createdAt: string
  /** Receiving: the bin the next items go to (the last bin scanned). */
  binKey?: string
  /** One row per order line × bin × lot: what was scanned against it. */
  lines: DockLine[]
  /** Order lines whose over-receipt a person confirmed (asked once per line). */
  overOk?: string[]
  /** The order line scanned last (its "Generate serials" is one key away). */
  lastLineId?: string
  /** The outbox entries this session made (receipt; pack, dispatch and its corrections). */
  entryIds: string[]
}

export interface DockLine {
  lineId: string
  itemKey: string
  label: string
  quantity: number
  binKey?: string
  lot?: string
  expiry?: string
  serials?: string[]
  generateSerials?: boolean
}
