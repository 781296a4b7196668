import type { ConnectionInfo, LoginCredentials } from '../../shared/host-api/connections'
import type { VendorChange } from '../../shared/host-api/outbox'
import type { PageResult, ResourcePlan } from '../../shared/host-api/sync'
import type { VendorId } from '../../shared/model/vendor'
import type { BudgetPolicy, PacerClock, RateLimit, RateLimitHeaders } from '../http/pacer'
import type { VendorHttp, VendorHttpOptions } from '../http/vendor-http'

export interface PageRequest {
  resource: string
  phase: 'full' | 'incremental'
  /** null for the first page of a pass; afterwards whatever the previous page returned as `next`. */
  cursor: unknown
  /** Incremental passes: the vendor instant to list changes from (overlap already applied by the caller). */
  since?: string
}

/**
 * One vendor's REST API seen as pages of the common model.
 *
 * Contract every implementation keeps (and the conformance suite checks):
 * - `plan()` lists resources in dependency order (locations before stock) with
 *   the largest page size the vendor allows; a full pass costs
 *   ceil(records / pageSize) requests per resource, no more.
 * - `fetchPage` is a pure function of its request: the same cursor gives the
 *   same page, so a pass resumed after a crash neither skips nor repeats.
 * - Pages are in a stable order; `next` is null exactly on the last page.
 * - Records the vendor sends but we cannot read go to `rejected`, never into
 *   the batch and never fail the page.
 * - Errors are thrown as VendorError (see shared/vendors/errors.ts); transient
 *   ones have already been retried by VendorHttp.
 */
export interface VendorConnector {
  plan(): ResourcePlan[]
  fetchPage(req: PageRequest): Promise<PageResult>
  /** The cheapest authenticated request: proves the address and key work. */
  probe(): Promise<void>
  /**
   * The vendor's current on-hand quantity of an item at a location (the ids
   * are the replica records' vendorIds), or null when it holds none there.
   * Only vendors that take writes need it: the outbox shows it in review.
   */
  currentLevel?(itemVendorId: string, locationVendorId: string): Promise<number | null>
  /**
   * The vendor's movement log at a place since an instant (vendor clock), for the items
   * given, oldest first, every page of it. Only vendors that keep such a log have it; for
   * the others the outbox compares each item's current level with what the count
   * expected. Changes whose reference `own` holds (this PC's writes) are left out.
   */
  changesSince?(
    locationVendorId: string,
    itemVendorIds: ReadonlySet<string>,
    since: string,
    own: ReadonlySet<string>
  ): Promise<VendorChange[]>
  /**
   * What the vendor has recorded on one line of a production task (for a
   * batch whose answer was lost): made so far and how many batches, or null
   * when the task is gone. Only vendors with production tasks have it.
   */
  taskLine?(taskVendorId: string, lineId: string): Promise<{ made: number; batches: number } | null>
}

/** What a login vendor's session is given. */
export interface SessionContext {
  /**
   * The connection's HTTP client. The session sends its own requests (login,
   * refresh) with `auth: false`, so they are paced with the rest but carry no
   * token of the session's.
   */
  http: VendorHttp
  connection: ConnectionInfo
  /** Reads the stored login at the moment of logging in (null when none is stored). */
  login(): Promise<LoginCredentials | null>
  clock: PacerClock
}

/**
 * Auth for vendors whose requests carry a short-lived token obtained by
 * logging in (credentials kind `login` in the vendor's profile). Tokens live
 * here, in main, and nowhere else; the password goes only to the login request.
 *
 * Contract:
 * - `headers()` logs in on first use and refreshes before the token expires;
 *   concurrent callers share one login or refresh in flight and all get the new token.
 * - `renew(refused)` is called when the vendor answered 401 to a request that
 *   carried `refused`: the session gets a new token (unless another caller
 *   already did) and resolves true, and the request is retried once. A failed
 *   login rejects with the login's VendorError, whose `advice` says what to do.
 * - A refused password is not tried again: every later call fails at once
 *   with the same error, until the gateway drops the session (a new password).
 */
export interface AuthSession {
  headers(): Promise<Record<string, string>>
  renew(refused: Record<string, string>): Promise<boolean>
}

export interface ConnectorDefinition {
  vendor: VendorId
  /** Documented limits (or labelled assumptions where the vendor documents none). */
  limits: RateLimit[]
  /** Where the vendor sends its live rate-limit state, when not as X-RateLimit-* with an epoch reset. */
  rateLimitHeaders?: RateLimitHeaders
  /**
   * The limit is a rolling budget (e.g. 1,000 an hour) to plan passes in: the
   * pacer follows the vendor's X-RateLimit-* headers and keeps this reserve.
   */
  budget?: BudgetPolicy
  /** The vendor honours Idempotency-Key on the writes Stockroom sends (replays instead of re-applying). */
  idempotencyKeys: boolean
  /** API-key vendors: the headers that carry the key. */
  authHeaders?(apiKey: string): Record<string, string>
  /** Login vendors: a session that logs in with the stored email and password and keeps its token alive. */
  session?(ctx: SessionContext): AuthSession
  parseError: VendorHttpOptions['parseError']
  create(http: VendorHttp, connection: ConnectionInfo): VendorConnector
}
