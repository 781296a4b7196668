/**
 * A fake ForgeMRP API on 127.0.0.1, faithful to the vendor's developer page
 * (/work/shared/vendors/forgemrp.md); what the page leaves open is assumed in
 * src/shared/vendors/forgemrp/assumptions.ts, labelled there.
 *
 * Base URL: `server.url` = `http://127.0.0.1:<port>/api/v1` (the documented
 * `https://app.forgemrp.com/api/v1`). Implemented: keyset lists and single records of
 * clients, suppliers, inventory items, jobs (with parts and work orders), purchase orders
 * (with lines) and quotes; `POST /quotes` with Idempotency-Key.
 */
import { catalogueSize, serveVendor } from '../common/serve-vendor'
import type { FakeServer } from '../common/types'
import { ALL_SCOPES, type ForgeData } from './data'
import { generateForge } from './generate'
import { formatKey } from './keys'
import { forgeSpec } from './vendor'

export type { ForgeData } from './data'

export interface ForgeFakeOptions {
  /** Dataset seed (default 1). */
  seed?: number
  /** Inventory items, 10..100_000 (default 500). */
  size?: number
  /** Requests per key per minute (default 300; U10: ForgeMRP publishes no numbers). */
  requestsPerMinute?: number
  /** The vendor's clock (default: the real one). */
  now?: () => Date
}

const DEMO = { mode: 'live', keyId: 'demo0001', secret: 'StockroomDemo' } as const
/** A live key holding every scope (what the demo and the fake-vendor CLI connect with). */
export const FORGE_DEMO_KEY = formatKey(DEMO)

export async function startForgeFake(opts: ForgeFakeOptions = {}): Promise<FakeServer<ForgeData>> {
  const size = catalogueSize(opts.size, 500)
  const now = opts.now ?? (() => new Date())
  const data = generateForge({ seed: opts.seed ?? 1, size, now })
  data.addKey(ALL_SCOPES, DEMO.mode, DEMO)
  const spec = forgeSpec(data, { requestsPerWindow: opts.requestsPerMinute ?? 300, windowMs: 60_000 })
  return serveVendor(spec, { data, now })
}
