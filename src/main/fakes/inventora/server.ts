/**
 * A fake Inventora API on 127.0.0.1, faithful to the vendor's docs
 * (see /work/shared/vendors/inventora.md); unknowns are labelled `ASSUMPTION:` in this folder.
 *
 * Base URL: `server.url` = `http://127.0.0.1:<port>/api`, the vendor's documented base
 * (`https://api.inventora.com/api`). A connector appends the documented paths:
 * `${url}/products`, `${url}/tasks/:id/items/:item_id/batches`, `${url}/task-batches/:id`, …
 *
 * Implemented: products and materials (list, get, PATCH, stock-level-updates), locations,
 * tasks (list with status/UserId filters, get, create, PATCH, soft DELETE), task batches
 * (create, delete with production reversal).
 */
import { catalogueSize, serveVendor } from '../common/serve-vendor'
import type { FakeServer } from '../common/types'
import type { InventoraData } from './data'
import { generateInventora } from './generate'
import { inventoraSpec } from './vendor'

export type { FakeServer, LedgerEntry, RequestLogEntry } from '../common/types'
export type { InventoraData } from './data'

export interface InventoraFakeOptions {
  /** Dataset seed (default 1). */
  seed?: number
  /** Number of products, 10..100_000 (default 150). */
  size?: number
  /** Number of materials (default max(18, ceil(size / 2))). */
  materials?: number
  /** Number of production tasks (default 10..50, size / 5). */
  tasks?: number
  /** Accepted API keys (default `['inv_demo_key']`). */
  apiKeys?: string[]
  /** U4: whether a product `restock` deducts its materials (default true). */
  deductMaterialsOnProductRestock?: boolean
  /** The vendor's clock (default: the real one). */
  now?: () => Date
}

export const INVENTORA_DEMO_KEY = 'inv_demo_key'

export async function startInventoraFake(
  opts: InventoraFakeOptions = {}
): Promise<FakeServer<InventoraData>> {
  const size = catalogueSize(opts.size, 150)
  const now = opts.now ?? (() => new Date())
  const data = generateInventora({
    seed: opts.seed ?? 1,
    size,
    now,
    ...(opts.materials !== undefined ? { materials: opts.materials } : {}),
    ...(opts.tasks !== undefined ? { tasks: opts.tasks } : {})
  })
  for (const key of opts.apiKeys ?? [INVENTORA_DEMO_KEY]) data.apiKeys.add(key)
  data.deductMaterialsOnProductRestock = opts.deductMaterialsOnProductRestock ?? true
  return serveVendor(inventoraSpec(data), { data, now })
}
