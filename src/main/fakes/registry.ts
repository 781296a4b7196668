import type { VendorId } from '../../shared/model/vendor'
import type { FakeServer } from './common/types'
import { FORGE_DEMO_KEY, startForgeFake } from './forgemrp/server'
import { startFrostbyteFake, FROSTBYTE_DEMO_KEY } from './frostbyte/server'
import { startInventoraFake, INVENTORA_DEMO_KEY } from './inventora/server'
import { startFiggroFake, FIGGRO_DEMO_KEY } from './figgro/server'
import { FIGGRO_PATHS, type FiggroEndpoint } from '../../shared/vendors/figgro/assumptions'
import { FRACTION_DEMO_LOGIN, startFractionFake } from './fractionerp/server'

/** What a person (or a test) types to connect to a fake: an API key, or a login. */
export type FakeCredentials = { apiKey: string } | { email: string; password: string }

export interface FakeOptions {
  seed?: number
  /** The vendor's main catalogue size (products, items or parts), 10..100,000. */
  size?: number
  /** A raised request limit (a vendor plan setting), where the vendor has one. */
  requestsPerMinute?: number
  /** The length of the vendor's rate window where it has one, shrunk so a test runs in seconds. */
  windowMs?: number
  /** The vendor's clock (default: the real one). */
  now?: () => Date
}

/** A running fake; `TData` is its dataset's type, for tests that read or change it (default: unknown). */
export interface StartedFake<TData = unknown> {
  vendor: VendorId
  server: FakeServer<TData>
  credentials: FakeCredentials
  /** How a request presents `credentials` (API-key vendors), for tools that call the fake directly. */
  authHeaders?: Record<string, string>
  /** Records per list path at the vendor, e.g. `{ '/products': 3000 }`: a full pass needs ceil(n / page size). */
  counts(): Record<string, number>
  /** One line for people: what this fake holds. */
  summary(): string
}

export interface FakeDefinition {
  start(o: FakeOptions): Promise<StartedFake>
}

const frostbyte: FakeDefinition = {
  async start({ seed, size, requestsPerMinute: rpm, now }) {
    const fb = await startFrostbyteFake({
      ...(seed !== undefined && { seed }),
      ...(size !== undefined && { size }),
      ...(rpm && { perKeyPerMinute: rpm, perOrgPerMinute: rpm }),
      ...(now && { now })
    })
    const d = fb.data
    return {
      vendor: 'frostbyte',
      server: fb,
      credentials: { apiKey: FROSTBYTE_DEMO_KEY },
      authHeaders: { Authorization: `Bearer ${FROSTBYTE_DEMO_KEY}` },
      counts: () => ({
        '/warehouses': d.warehouses.length,
        '/products': d.products.size,
        '/batches': d.batches.size,
        '/stock-on-hand': d.stockRows.all().filter((r) => d.products.get(r.productId)?.isActive).length
      }),
      summary: () => `${d.products.size.toLocaleString()} products`
    }
  }
}

const inventora: FakeDefinition = {
  // Inventora documents no rate limit (U1): requestsPerMinute does not apply.
  async start({ seed, size, now }) {
    const inv = await startInventoraFake({
      ...(seed !== undefined && { seed }),
      ...(size !== undefined && { size }),
      ...(now && { now })
    })
    const d = inv.data
    return {
      vendor: 'inventora',
      server: inv,
      credentials: { apiKey: INVENTORA_DEMO_KEY },
      authHeaders: { 'X-Inventora-API-Key': INVENTORA_DEMO_KEY },
      counts: () => ({
        '/locations': d.locations.length,
        '/products': d.products.size,
        '/materials': d.materials.size,
        '/tasks': [...d.tasks.values()].filter((t) => !t.deleted).length
      }),
      summary: () => `${d.tasks.size} production tasks`
    }
  }
}

const forgemrp: FakeDefinition = {
  async start({ seed, size, requestsPerMinute, now }) {
    const fake = await startForgeFake({
      ...(seed !== undefined && { seed }),
      ...(size !== undefined && { size }),
      ...(requestsPerMinute && { requestsPerMinute }),
      ...(now && { now })
    })
    const d = fake.data
    return {
      vendor: 'forgemrp',
      server: fake,
      credentials: { apiKey: FORGE_DEMO_KEY },
      counts: () => ({
        '/clients': d.clients.size,
        '/suppliers': d.suppliers.size,
        '/inventory_items': d.inventory.size,
        '/jobs': d.jobs.size,
        '/purchase_orders': d.purchaseOrders.size
      }),
      summary: () => `${d.inventory.size.toLocaleString()} inventory items, ${d.jobs.size} jobs`
    }
  }
}

const figgro: FakeDefinition = {
  // requestsPerMinute makes the documented hour a minute (1,000 per 60 s), so a budget test runs in minutes.
  async start({ seed, size, requestsPerMinute: rpm, windowMs, now }) {
    const fg = await startFiggroFake({
      ...(seed !== undefined && { seed }),
      ...(size !== undefined && { size }),
      ...(rpm && { limit: rpm, windowMs: 60_000 }),
      ...(windowMs && { windowMs }),
      ...(now && { now })
    })
    const d = fg.data
    return {
      vendor: 'figgro',
      server: fg,
      credentials: { apiKey: FIGGRO_DEMO_KEY },
      counts: () =>
        Object.fromEntries(
          Object.entries(FIGGRO_PATHS).map(([e, path]) => [path, d.list(e as FiggroEndpoint).length])
        ),
      summary: () =>
        `${d.products.length.toLocaleString()} products, ${d.rawMaterials.length.toLocaleString()} raw materials`
    }
  }
}

const fractionerp: FakeDefinition = {
  async start({ seed, size, requestsPerMinute: rpm, now }) {
    const fr = await startFractionFake({
      ...(seed !== undefined && { seed }),
      ...(size !== undefined && { size }),
      // FractionERP's limit is per hour: a raised per-minute figure becomes its hourly equivalent.
      ...(rpm && { hourlyLimit: rpm * 60 }),
      ...(now && { now })
    })
    const d = fr.data
    return {
      vendor: 'fractionerp',
      server: fr,
      credentials: { ...FRACTION_DEMO_LOGIN },
      counts: () => ({
        '/boms': d.boms.size,
        '/parts': d.parts.size,
        '/work-orders': d.workOrders.size,
        '/purchase-orders': d.purchaseOrders.size,
        '/shipments': d.shipments.size
      }),
      summary: () => `${d.parts.size.toLocaleString()} parts, ${d.workOrders.size} work orders`
    }
  }
}

/** The fake of every vendor Stockroom can talk to: tests, the demo, E2E and the fake-vendor CLI start them here. */
export const fakeDefinitions: Partial<Record<VendorId, FakeDefinition>> = {
  frostbyte,
  inventora,
  forgemrp,
  figgro,
  fractionerp
}

export async function startFake(vendor: VendorId, options: FakeOptions = {}): Promise<StartedFake> {
  const definition = fakeDefinitions[vendor]
  if (!definition) throw new Error(`no fake for ${vendor}`)
  return definition.start(options)
}
