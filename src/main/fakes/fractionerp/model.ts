/**
 * FractionERP records as the fake keeps them. The vendor documents no response shapes for
 * these resources (notes U1, U2): field names are snake_case guesses, labelled in
 * `src/shared/vendors/fractionerp/assumptions.ts`. Ids are integers on the wire; the tables
 * key them as strings.
 */

export interface FrPart {
  id: string
  part_number: string
  description: string
  revision: string
  uom: string
  material: string | null
  category: string | null
  type: 'Manufactured' | 'Purchased'
  /** Stock fields: absent on some parts (U2), so a client must not read absence as zero. */
  stock?: { current: number; allocated: number; min: number; reorderLevel: number; reorderQty: number }
  created_at: number
  updated_at: number
}

export interface FrBomLine {
  part_id: string
  quantity: number
}

export interface FrBom {
  id: string
  bom_number: string
  part_id: string
  revision: string
  status: 'Approved' | 'Draft'
  lines: FrBomLine[]
  created_at: number
  updated_at: number
}

export interface FrWorkOrder {
  id: string
  number: string
  part_id: string
  quantity: number
  quantity_completed: number
  status: 'Planned' | 'In Production' | 'Completed'
  start_date: string
  due_date: string
  contract_id: number | null
  created_at: number
  updated_at: number
}

export interface FrOrderLine {
  part_id: string
  quantity: number
  quantity_received: number
}

export interface FrPurchaseOrder {
  id: string
  po_number: string
  supplier_name: string
  status: 'Draft' | 'Approved' | 'Part Received' | 'Received'
  due_date: string
  lines: FrOrderLine[]
  created_at: number
  updated_at: number
}

export interface FrShipment {
  id: string
  shipment_number: string
  customer_id: string
  status: 'Pending' | 'Shipped'
  ship_date: string
  lines: { part_id: string; quantity: number }[]
  created_at: number
  updated_at: number
}

export interface FrCustomer {
  id: string
  name: string
  currency: string
  contacts: { id: number; name: string; email: string; job_title: string }[]
  created_at: number
  updated_at: number
}

export interface FrUser {
  id: number
  name: string
  email: string
  password: string
}

export interface FrTenant {
  id: number
  company: string
  /** Only `pro` and `moulding` may use the API. */
  plan: 'core' | 'advanced' | 'pro' | 'moulding'
  active: boolean
}

export interface FrToken {
  userId: number
  expiresAt: number
  revoked: boolean
}
