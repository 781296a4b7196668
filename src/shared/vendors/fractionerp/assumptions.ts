/**
 * Every place FractionERP's documentation is silent and Stockroom assumes (the vendor notes'
 * section 3; the README's vendor table lists the same). Code that relies on one names it.
 *
 * ASSUMPTION (U1): records are snake_case with integer ids. Part: id, part_number,
 *   description, revision, uom, material, category, type, created_at, updated_at. BOM: id,
 *   bom_number, part_id, part_number, revision, status, lines[{ part_id, part_number,
 *   description, quantity, uom }]. Work order: id, number, part_id, part_number, description,
 *   quantity, quantity_completed, uom, status, start_date, due_date, contract_id. Purchase
 *   order: id, po_number, supplier_name, status, due_date, lines[{ id, part_id, part_number,
 *   quantity, quantity_received }]. Shipment: id, shipment_number, customer{ id, name },
 *   status, ship_date, lines[{ id, part_id, part_number, quantity }].
 * ASSUMPTION (U2): parts may carry current_stock, allocated_stock, free_stock, min_stock,
 *   reorder_level, reorder_quantity, each possibly absent. Absent means unknown, never 0:
 *   an item without current_stock has no on-hand figure, and min_stock (else reorder_level)
 *   is its minimum.
 * ASSUMPTION (U3): no stock write exists; counts are exported as CSV (the profile says why).
 * ASSUMPTION (U5, U6): no change feed; every sync is a full pass in id order (`sort=id`),
 *   and records a pass no longer sees are removed by the sweep.
 * ASSUMPTION (U7): a token is refreshed when a fifth of its life, at most five minutes, is
 *   left; its life is measured against the vendor's clock (the login answer's Date), so a
 *   PC clock that is wrong does not matter; expires_at and Date have whole seconds, so the life is
 *   taken one second shorter. A 401 mid-sync logs in again once and retries.
 * ASSUMPTION (U9): a 429 carries no Retry-After: Stockroom waits for X-RateLimit-Reset.
 * ASSUMPTION: PLAN_RESTRICTED and ACCOUNT_INACTIVE are answered to the login itself (and to
 *   any request once the account changes); either stops the sync and pauses the connection.
 * ASSUMPTION: only BOMs with status Approved are an item's components (a works order needs
 *   an approved BOM); a part with several approved BOMs takes the newest.
 * ASSUMPTION (U12): work-order statuses are not documented. The Tasks screen's states are taken
 *   from the words the UI help uses: Completed and Closed are done, In Production is in progress,
 *   anything else (Planned, …) is pending; the vendor's own word stays in `raw`.
 */
export const FRACTION_ASSUMPTIONS = [
  'U1',
  'U2',
  'U3',
  'U5',
  'U6',
  'U7',
  'U9',
  'U12',
  'plan-at-login',
  'approved-boms'
] as const

/** Refresh when this share of the token's life is left (U7)… */
export const REFRESH_SHARE = 0.2
/** …but never more than five minutes before it expires (U7). */
export const REFRESH_MAX_MS = 5 * 60_000

/** Work-order statuses as the Tasks screen's states (U12); unlisted ones are pending. */
export const WORK_ORDER_STATUS: Readonly<Record<string, string>> = {
  completed: 'done',
  closed: 'done',
  'in production': 'in-progress',
  'in progress': 'in-progress'
}
export const taskStatusOf = (status: string) => WORK_ORDER_STATUS[status.toLowerCase()] ?? 'pending'
