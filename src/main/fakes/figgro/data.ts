/**
 * The Figgro fake's records, shaped as the connector receives them (field
 * names per the ASSUMPTIONs in src/shared/vendors/figgro/assumptions.ts).
 */
import type { FiggroEndpoint } from '../../../shared/vendors/figgro/assumptions'

export interface FgProduct {
  id: string
  sku: string
  name: string
  quantityOnHand: number
  unitOfMeasure: string
  updatedAt: string
}

export interface FgRawMaterial extends FgProduct {
  lotNumber: string
  /** YYYY-MM-DD */
  expiryDate: string
}

export interface FgJobRun {
  id: string
  jobNumber: string
  productId: string
  sku: string
  productName: string
  plannedQuantity: number
  completedQuantity: number
  status: 'Scheduled' | 'InProgress' | 'Completed'
  startDate: string
  endDate: string | null
}

export interface FgTicket {
  id: string
  ticketNumber: string
  jobRunId: string
  jobNumber: string
  productId: string
  sku: string
  productName: string
  quantity: number
  status: 'Open' | 'Closed'
  startDate: string
  endDate: string | null
  labTestPassed: boolean
  metrcSynced: boolean
}

export type FgRecord = FgProduct | FgRawMaterial | FgJobRun | FgTicket

/** Keys and what each may read (U15: a key may lack some endpoints). */
export type KeyScopes = Map<string, ReadonlySet<FiggroEndpoint> | 'all'>

export class FiggroData {
  readonly keys: KeyScopes = new Map()

  constructor(
    readonly products: FgProduct[],
    readonly rawMaterials: FgRawMaterial[],
    readonly jobRuns: FgJobRun[],
    readonly jobRunTickets: FgTicket[],
    readonly now: () => number
  ) {}

  list(endpoint: FiggroEndpoint): readonly FgRecord[] {
    return this[endpoint]
  }

  /** Removes a record at the vendor (the next full pass sweeps it from the replica). */
  remove(endpoint: FiggroEndpoint, id: string): boolean {
    const rows = this[endpoint] as FgRecord[]
    const at = rows.findIndex((r) => r.id === id)
    if (at < 0) return false
    rows.splice(at, 1)
    return true
  }

  /** Changes a product's or raw material's quantity, as a stock movement in Figgro would. */
  setQuantity(endpoint: 'products' | 'rawMaterials', id: string, quantity: number): void {
    const row = this[endpoint].find((r) => r.id === id)
    if (!row) throw new Error(`no ${endpoint} ${id}`)
    row.quantityOnHand = quantity
    row.updatedAt = new Date(this.now()).toISOString()
  }

  /** A ticket recorded now (the newest by start date). */
  addTicket(ticket: FgTicket): void {
    this.jobRunTickets.push(ticket)
  }
}
