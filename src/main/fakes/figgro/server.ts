/**
 * A fake Figgro API on 127.0.0.1, faithful to what survives of its docs
 * (/work/shared/vendors/figgro.md); unknowns are labelled in
 * src/shared/vendors/figgro/assumptions.ts.
 *
 * Base URL: `server.url` = `http://127.0.0.1:<port>/api/v1` (the vendor's
 * `https://developer.figgro.com/api/v1`). Read-only: products, raw materials,
 * job runs, job run tickets; a rolling request window whose length a test can
 * shrink (`windowMs`) so an hour's budget passes in seconds.
 */
import { FIGGRO_LIMIT, type FiggroEndpoint } from '../../../shared/vendors/figgro/assumptions'
import { RollingWindowCounter } from '../common/rolling-window'
import { catalogueSize, serveVendor } from '../common/serve-vendor'
import type { FakeServer } from '../common/types'
import type { FiggroData } from './data'
import { generateFiggro } from './generate'
import { figgroSpec } from './vendor'

export type { FiggroData } from './data'

export interface FiggroFakeOptions {
  /** Dataset seed (default 1). */
  seed?: number
  /** Number of products, 10..100,000 (default 300). */
  size?: number
  /** Keys with full access (default `[FIGGRO_DEMO_KEY]`). */
  apiKeys?: string[]
  /** Keys limited to some endpoints (U15). */
  scopedKeys?: Record<string, FiggroEndpoint[]>
  /** Requests per window (default the documented 1,000). */
  limit?: number
  /** Length of the rolling window (default the documented 60 minutes). */
  windowMs?: number
  /** The vendor's clock (default: the real one). */
  now?: () => Date
}

export const FIGGRO_DEMO_KEY = 'fgr_demo_key'

export async function startFiggroFake(opts: FiggroFakeOptions = {}): Promise<FakeServer<FiggroData>> {
  const size = catalogueSize(opts.size, 300)
  const now = opts.now ?? (() => new Date())
  const data = generateFiggro({ seed: opts.seed ?? 1, size, now })
  for (const key of opts.apiKeys ?? [FIGGRO_DEMO_KEY]) data.keys.set(key, 'all')
  for (const [key, endpoints] of Object.entries(opts.scopedKeys ?? {})) data.keys.set(key, new Set(endpoints))
  const window = new RollingWindowCounter(
    opts.limit ?? FIGGRO_LIMIT.requests,
    opts.windowMs ?? FIGGRO_LIMIT.windowMs
  )
  return serveVendor(figgroSpec(data, window), { data, now })
}
