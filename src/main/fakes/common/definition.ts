import type { VendorId } from '../../../shared/model/vendor'
import type { FakeServer } from './types'

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

/** The options every fake takes as they are, with the unset ones left out (exact optional properties). */
export function commonOptions(o: FakeOptions): Pick<FakeOptions, 'seed' | 'size' | 'now'> {
  return {
    ...(o.seed !== undefined && { seed: o.seed }),
    ...(o.size !== undefined && { size: o.size }),
    ...(o.now && { now: o.now })
  }
}
