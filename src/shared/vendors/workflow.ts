import type { FrozenRequest } from '../host-api/outbox'
import type { Result } from '../result'

/**
 * The writes beyond stock and batches: receiving a purchase order, packing and
 * dispatching a shipment, moving a task along, undoing a recorded batch. A
 * vendor declares each kind it takes in its profile (`workflow`); a kind it
 * lacks hides the screen that would make it. The invariants of StockWrites
 * hold for each (test/contract/writes.test.ts runs every kind through the same
 * faults): built once, sent byte for byte, applied once.
 */
export type FlowKind = 'receipt' | 'pack' | 'dispatch' | 'task-status' | 'batch-undo'

/** One line of a goods receipt: what arrived against one order line. */
export interface ReceiptLineIntent {
  lineId: string
  itemVendorId: string
  /** "SKU name" for people. */
  label: string
  quantity: number
  /** The vendor id of the bin the goods were put in (the last bin scanned before them). */
  binVendorId?: string
  /** Lot / batch number (GS1 AI 10). */
  lot?: string
  /** Expiry (GS1 AI 17), YYYY-MM-DD. */
  expiry?: string
  /** One per unit, for serial-tracked items (GS1 AI 21). */
  serials?: string[]
  /** The vendor makes the serials (where it can). */
  generateSerials?: boolean
}

export interface ReceiptIntent {
  orderVendorId: string
  orderNumber: string
  /** The vendor id of the warehouse the goods arrive at. */
  locationVendorId: string
  lines: ReceiptLineIntent[]
  note: string
}

export interface ShipmentRef {
  shipmentVendorId: string
  number: string
}

export interface DispatchIntent extends ShipmentRef {
  carrier: string
  tracking: string
}

export interface TaskStatusIntent {
  taskVendorId: string
  taskName: string
  to: 'start' | 'complete'
}

export interface BatchUndoIntent {
  batchId: string
  /** "3 × SKU name for “Task”" */
  label: string
}

/** A workflow write ready for the outbox. */
export interface PlannedFlow {
  request: FrozenRequest
  description: string
  /**
   * A resend after a lost answer is harmless: the write sets a state the vendor
   * keeps once (pack, a task's status, deleting one batch). The outbox resends it
   * with the same bytes, where otherwise an unanswered write without a key goes to review.
   */
  repeatable?: true
}

/** What the vendor's answer says about the order or shipment written (the replica takes it). */
export interface FlowAnswer {
  status?: string
  /** Order lines' received quantities after a receipt, by line id. */
  received?: { lineId: string; received: number }[]
  /** The batch the vendor created or removed, for a task. */
  reference?: string
}

/** The error a resend met, as the outbox saw it. */
export interface FlowRefusal {
  status?: number
  code?: string
  message: string
}

export interface WorkflowWrites {
  receipt?: {
    build(r: ReceiptIntent): Result<PlannedFlow>
    answer(body: unknown): FlowAnswer
    /** Serial-tracked lines may ask the vendor to make the serials. */
    generatesSerials: boolean
    /** What to do about a refused receipt, in plain words, from the vendor's message; undefined when unknown. */
    advice?(message: string): string | undefined
  }
  pack?: { build(s: ShipmentRef): Result<PlannedFlow>; answer(body: unknown): FlowAnswer }
  dispatch?: {
    build(d: DispatchIntent): Result<PlannedFlow>
    answer(body: unknown): FlowAnswer
    /** Why a tracking number would be refused, as the vendor checks it; undefined when it is fine. */
    trackingProblem(tracking: string): string | undefined
    /** Statuses in which a dispatch (or a correction of its tracking, with a new key) is taken. */
    dispatchableFrom: string[]
    /** Statuses in which a shipment can be packed. */
    packableFrom: string[]
  }
  taskStatus?: {
    build(t: TaskStatusIntent): Result<PlannedFlow>
    /** The vendor's status for a started and a completed task. */
    statuses: { start: string; complete: string }
  }
  batchUndo?: { build(b: BatchUndoIntent): Result<PlannedFlow> }
  /**
   * A resend of a repeatable write that the vendor refused because it is
   * already so (packed already, the batch already gone): the first attempt was
   * applied and its answer lost.
   */
  alreadyApplied?(kind: FlowKind, refusal: FlowRefusal): boolean
}

/** Why a path id cannot be sent, or undefined. */
export const unsafeId = (id: string) => !/^[\w-]+$/.test(id)
