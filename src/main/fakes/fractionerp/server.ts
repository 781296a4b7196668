/**
 * A fake FractionERP API on 127.0.0.1, faithful to the vendor's API page
 * (see /work/shared/vendors/fractionerp.md); unknowns are labelled as assumptions in
 * `src/shared/vendors/fractionerp/assumptions.ts`.
 *
 * Base URL: `server.url` = `http://127.0.0.1:<port>/api/v1`, the documented base
 * (`https://fraction.app/api/v1`). Implemented: /auth/login, /auth/refresh (revokes the old
 * token), /auth/me, /auth/logout; parts (list, get, POST with 409 DUPLICATE), boms,
 * work-orders, purchase-orders, shipments, customers (list and get).
 */
import { FaultController } from '../common/faults'
import { startFakeHttpServer } from '../common/http-server'
import type { FakeServer, LedgerEntry, RequestLogEntry } from '../common/types'
import type { FractionData } from './data'
import type { FrTenant } from './model'
import { generateFraction } from './generate'
import { createFractionVendor } from './vendor'

export type { FractionData } from './data'

export const FRACTION_DEMO_LOGIN = { email: 'demo@fraction.example', password: 'demo-password' }

export interface FractionFakeOptions {
  /** Dataset seed (default 1). */
  seed?: number
  /** Number of parts, 10..100_000 (default 500). */
  size?: number
  /** The one user's login (default {@link FRACTION_DEMO_LOGIN}). */
  login?: { email: string; password: string }
  /** How long a token lives (default one hour); tests use seconds. */
  tokenLifetimeMs?: number
  /** Requests per hour per user (default the documented 2,000). */
  hourlyLimit?: number
  /** The tenant's plan (default `pro`); only Pro and Moulding may use the API. */
  plan?: FrTenant['plan']
  /** An inactive tenant answers 403 ACCOUNT_INACTIVE. */
  inactive?: boolean
  /** The vendor's clock (default: the real one). */
  now?: () => Date
}

export async function startFractionFake(opts: FractionFakeOptions = {}): Promise<FakeServer<FractionData>> {
  const size = opts.size ?? 500
  if (!Number.isInteger(size) || size < 10 || size > 100_000)
    throw new Error('size must be an integer in 10..100000')
  const now = opts.now ?? (() => new Date())
  const data = generateFraction({ seed: opts.seed ?? 1, size, now })
  const login = opts.login ?? FRACTION_DEMO_LOGIN
  data.user = { ...data.user, email: login.email, password: login.password }
  data.tenant = { ...data.tenant, plan: opts.plan ?? 'pro', active: !opts.inactive }
  if (opts.tokenLifetimeMs !== undefined) data.tokenLifetimeMs = opts.tokenLifetimeMs
  if (opts.hourlyLimit !== undefined) data.hourlyLimit = opts.hourlyLimit
  const ledger: LedgerEntry[] = []
  const requests: RequestLogEntry[] = []
  const vendor = createFractionVendor(data, ledger)
  return startFakeHttpServer({ vendor, data, faults: new FaultController(), ledger, requests, now })
}
