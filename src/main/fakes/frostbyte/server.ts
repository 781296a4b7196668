/**
 * A fake Frostbyte Pro API on 127.0.0.1, faithful to the vendor's documented behaviour
 * (see /work/shared/vendors/frostbyte.md); unknowns are labelled `ASSUMPTION:` in this folder.
 *
 * Base URL: `server.url` = `http://127.0.0.1:<port>/api/v1`, the vendor's documented base
 * (`https://frostbytesoftware.co.nz/api/v1`). A connector appends the documented paths:
 * `${url}/products`, `${url}/stock-adjustments`, …
 *
 * Implemented: products (list with exact `sku`/`barcode`, detail, create, update),
 * categories, units-of-measure, suppliers, stock-on-hand, warehouses (zones and bins),
 * batches (FEFO), serial-numbers, stock-adjustments (list, detail, create), purchase orders
 * (list, detail, create, submit, approve, cancel, receipts), shipments (list, detail, pack,
 * dispatch), reports (low-stock, expiry, stock-on-hand-at-date, stock-movement).
 */
import { catalogueSize, serveVendor } from '../common/serve-vendor'
import type { FakeServer } from '../common/types'
import { ALL_SCOPES } from './access'
import type { FrostbyteData } from './data'
import { generateFrostbyte } from './generate'
import { frostbyteSpec } from './vendor'

export type { FakeServer, LedgerEntry, RequestLogEntry } from '../common/types'
export type { FrostbyteData } from './data'

export interface FrostbyteFakeOptions {
  /** Dataset seed (default 1). */
  seed?: number
  /** Number of products, 10..100_000 (default 200). */
  size?: number
  /** Accepted keys and their scopes (default `{ fb_demo_key: { scopes: ['read', 'write'] } }`); `org` groups keys for the per-org limit. */
  apiKeys?: Record<string, { scopes: string[]; org?: string }>
  /** Requests per minute per key (documented: 120). */
  perKeyPerMinute?: number
  /** Requests per minute per org, all keys together (documented: 600). */
  perOrgPerMinute?: number
  /** Failed authentications per minute from one address before they get 429 (ASSUMPTION: 30). */
  failedAuthPerMinute?: number
  /** The vendor's clock (default: the real one). Drives `Date`, timestamps, rate-limit windows and the dataset's anchor day. */
  now?: () => Date
}

export const FROSTBYTE_DEMO_KEY = 'fb_demo_key'
// ASSUMPTION: the fake holds one organisation's data; a key's `org` only groups keys for the per-org limit.
const DEFAULT_ORG = 'org_demo'

export async function startFrostbyteFake(
  opts: FrostbyteFakeOptions = {}
): Promise<FakeServer<FrostbyteData>> {
  const size = catalogueSize(opts.size, 200)
  const now = opts.now ?? (() => new Date())
  const data = generateFrostbyte({ seed: opts.seed ?? 1, size, now })
  const keys = opts.apiKeys ?? { [FROSTBYTE_DEMO_KEY]: { scopes: [...ALL_SCOPES] } }
  for (const [key, info] of Object.entries(keys))
    data.apiKeys.set(key, { scopes: [...info.scopes], org: info.org ?? DEFAULT_ORG })
  const spec = frostbyteSpec(data, {
    perKeyPerMinute: opts.perKeyPerMinute ?? 120,
    perOrgPerMinute: opts.perOrgPerMinute ?? 600,
    failedAuthPerMinute: opts.failedAuthPerMinute ?? 30
  })
  return serveVendor(spec, { data, now })
}
