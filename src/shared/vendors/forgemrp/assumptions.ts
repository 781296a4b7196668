/**
 * ForgeMRP: every assumption Stockroom makes where the vendor's public
 * developer page is silent (its full API reference is not public; see the
 * vendor notes, §3). The fake vendor server and the connector both read them
 * from here, and the README's ForgeMRP list repeats them.
 *
 * Documented (not assumed): `Authorization: Bearer fmrp_live_<keyid>_<secret>_<crc>`,
 * scopes `<resource>.<action>` with a write scope implying its read scope,
 * `403 insufficient_scope`, `401 unauthorized`, lists as `{ data, next_cursor }`
 * with `limit` and `cursor`, `created_at`/`updated_at` on every resource,
 * `RateLimit-Limit/Remaining/Reset` (Reset = seconds until the window resets)
 * with `429` + `Retry-After`, `Idempotency-Key` on POST, and errors as
 * `{ error: { code, message } }`.
 */

/**
 * ASSUMPTION (U1): the paths of the resources the seed names only in prose,
 * plural and snake_case like `/clients` and `/quotes`.
 */
export const FORGE_PATHS = {
  clients: '/clients',
  suppliers: '/suppliers',
  inventory: '/inventory_items',
  jobs: '/jobs',
  purchaseOrders: '/purchase_orders',
  quotes: '/quotes'
} as const

/**
 * ASSUMPTION (U1, scopes): each list needs `<resource>.view`, the naming the
 * seed documents for `quotes.view` and `clients.create`.
 */
export const FORGE_SCOPES = {
  clients: 'clients.view',
  suppliers: 'suppliers.view',
  inventory: 'inventory.view',
  jobs: 'jobs.view',
  purchaseOrders: 'purchase_orders.view',
  quotes: 'quotes.view'
} as const

/** ASSUMPTION (U6): `limit` defaults to 50 and is at most 100 (the seed's example asks for 100; more is treated as 100). */
export const FORGE_MAX_LIMIT = 100
export const FORGE_DEFAULT_LIMIT = 50

/**
 * ASSUMPTION (U7): lists are in creation order (created_at, then id). Stockroom
 * does not rely on it: it follows `next_cursor` without reading it and sweeps
 * deletions after each complete pass (U8: no tombstones are documented).
 */

/**
 * ASSUMPTION (U2): inventory item fields `id, description, material_category,
 * material_type, material_spec, shape, dimensions, quantity_on_hand, location,
 * unit_cost, created_at, updated_at` (snake_case, like created_at). `location`
 * is a name; ForgeMRP has no location resource, so Stockroom's locations are the
 * names its items stand at. Items carry no barcode or SKU (U14).
 */

/**
 * ASSUMPTION (U4): a job is `{ id, number, client_id, status, due_date, parts[],
 * work_orders[] }`; a part `{ id, part_number, name, quantity }`; a work order
 * `{ id, part_id, sequence, operation, equipment, phase, status, quantity,
 * estimated_minutes }`.
 */

/**
 * ASSUMPTION (U5): statuses are lower-case snake_case strings. Jobs: open,
 * in_progress, on_hold, complete; work orders: blocked, ready, in_progress,
 * complete; purchase orders: draft, sent, acknowledged, partially_received,
 * received, closed. Values not listed are kept as they come.
 */
export const FORGE_JOB_STATUS: Readonly<Record<string, string>> = {
  open: 'pending',
  in_progress: 'in-progress',
  on_hold: 'on hold',
  complete: 'done',
  completed: 'done',
  closed: 'done'
}
export const FORGE_DONE_WORK_ORDER = new Set(['complete', 'completed', 'done'])

/**
 * ASSUMPTION (purchase orders): `{ id, number, supplier_id, status, order_date,
 * required_date, currency, lines[] }`, a line `{ id, inventory_item_id (or null
 * for an item bought outside inventory), description, quantity_ordered,
 * quantity_received }` (the help centre's receiving screen shows "received /
 * ordered" per line).
 */

/** ASSUMPTION (U3): no inventory write endpoint; counts are exported as CSV. */

/** ASSUMPTION (U10): no fixed request budget; Stockroom paces on the live RateLimit-* headers only. */

/**
 * ASSUMPTION (U9, U11, U12): `POST /quotes` takes camelCase `{ clientId }`; a
 * repeated Idempotency-Key returns the original response for 24 h, and with a
 * different body answers `422 validation_error`.
 */

/** ASSUMPTION (U13): a single object comes as `{ data: {…} }`. */

/** ASSUMPTION (U16): `fmrp_test_` keys work like `fmrp_live_` keys (against test data). */

/**
 * ASSUMPTION (key check digits): `<crc>` is the CRC-32 of everything before
 * it (`fmrp_live_<keyid>_<secret>`) as 8 lower-case hex digits; keyid and
 * secret are letters and digits.
 */
export const FORGE_KEY_PATTERN = /^fmrp_(live|test)_([a-z0-9]+)_([A-Za-z0-9]+)_([0-9a-f]{8})$/

/** Where a ForgeMRP admin adds a scope to a key (the seed: keys are made in Settings → Integrations). */
export const forgeScopeAdvice = (scope: string) =>
  `This key lacks ${scope} — add it in ForgeMRP Settings → Integrations.`
