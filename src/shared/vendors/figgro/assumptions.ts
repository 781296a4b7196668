/**
 * Everything Stockroom assumes about Figgro where its documentation is silent
 * (vendor notes U1–U17, plus U18 on the rolling window's reset header). The
 * seed copy of developers.figgro.com lost its endpoint list and every record
 * schema; when the real swagger.json can be read (U17) it replaces this file.
 * The fake, the schemas, the mapping and the connector all read these values
 * from here, so a correction is made once.
 */

/**
 * ASSUMPTION (U1): paths of the endpoints, relative to `<base>/api/v1`. Only
 * `/Inventory/getproducts` is documented in full; `getrawmaterials` and
 * `getproductjobruntickets` are named without their controller; the job-run
 * list is inferred from "all job endpoints" (plural). The fifth endpoint is
 * unknown and not used.
 */
export const FIGGRO_PATHS = {
  products: '/Inventory/getproducts',
  rawMaterials: '/Inventory/getrawmaterials',
  jobRuns: '/Manufacturing/getjobruns',
  jobRunTickets: '/Manufacturing/getproductjobruntickets'
} as const
export type FiggroEndpoint = keyof typeof FIGGRO_PATHS

/** Endpoints that take `startDate`/`endDate` (documented: "all job endpoints"). */
export const FIGGRO_DATED: readonly FiggroEndpoint[] = ['jobRuns', 'jobRunTickets']

/** ASSUMPTION (U7): every page holds 25 records and no page-size parameter exists; none is ever sent. */
export const FIGGRO_PAGE_SIZE = 25

/** Documented: 1,000 requests per key per rolling 60 minutes. */
export const FIGGRO_LIMIT = { requests: 1000, windowMs: 60 * 60_000 }

/** The share of the window Stockroom leaves for what people do while a sync runs (tests, refreshes). */
export const FIGGRO_RESERVE = 0.1

/**
 * ASSUMPTION (U6, U10): job runs and tickets change for a while after they
 * start (status, lab test, Metrc), and the only filter is the start date; a
 * later sync asks again for everything started in the last 14 days.
 */
export const FIGGRO_JOB_LOOKBACK_MS = 14 * 24 * 60 * 60_000

/*
 * The rest, as the fake, the schemas and the mapping apply them:
 * - ASSUMPTION (U18, not in the notes): on the rolling window, `X-RateLimit-Reset` is the instant
 *   the oldest counted request leaves the window (when Remaining next rises), in whole Unix
 *   seconds rounded up; a 429 is not counted and its Retry-After points at the same instant.
 * - ASSUMPTION (U2): a product is { id, sku, name, quantityOnHand, unitOfMeasure, updatedAt }.
 * - ASSUMPTION (U3): a raw material is a product's fields plus lotNumber and expiryDate
 *   (YYYY-MM-DD); one row per material, carrying its current lot.
 * - ASSUMPTION (U4): a job run is { id, jobNumber, productId, sku, productName, plannedQuantity,
 *   completedQuantity, status, startDate, endDate }; a ticket is { id, ticketNumber, jobRunId,
 *   jobNumber, productId, sku, productName, quantity, status, startDate, endDate, labTestPassed,
 *   metrcSynced }.
 * - ASSUMPTION (U5): record fields are camelCase (the envelope is snake_case, as documented).
 * - ASSUMPTION (U6): startDate/endDate take YYYY-MM-DD or a full ISO 8601 date-time, filter on the
 *   record's startDate, and are inclusive (a bare endDate covers its whole day).
 * - ASSUMPTION (U8): the order across pages is not guaranteed; records are keyed by id, so one
 *   that moves between pages lands once, and deletions are swept only after a complete pass.
 * - ASSUMPTION (U9): records carry a string `id`; there is no by-id endpoint.
 * - ASSUMPTION (U10): no change feed: products and raw materials are read by full passes with the
 *   sweep for deletions; job endpoints by start-date window after the first pass.
 * - ASSUMPTION (U11): Figgro stock has no locations: one quantity per record, shown at one place
 *   named after the connection.
 * - ASSUMPTION (U12): the only code is `sku` (no barcodes).
 * - ASSUMPTION (U13): no minimum levels from Figgro; low-stock rules stay local.
 * - ASSUMPTION (U14): a page past total_pages answers 200 with an empty `data`.
 * - ASSUMPTION (U15): 403 is per endpoint (scoped keys): that endpoint is unavailable, the others sync.
 * - ASSUMPTION (U16): the X-RateLimit-* headers come on every answer, errors included.
 * - ASSUMPTION (U17): the swagger.json could not be read; it replaces U1–U9 once it can.
 */
