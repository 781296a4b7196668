import type { StockroomDb } from '../../src/renderer/src/db/db'
import type { HostClient } from '../../src/shared/host-api/client'
import type { VendorFake, VendorHarness } from '../contract/conformance'
import { createTestServices, instantClock, type TestServices } from './main-services'
import { freshDb, inProcessHost } from './replica'

export interface Connected<TData> {
  fake: VendorFake<TData>
  t: TestServices
  db: StockroomDb
  host: HostClient
  cid: string
  close(): Promise<void>
}

/**
 * A vendor fake, main's services with a connection to it, and an empty replica
 * wired to them: what every integration test starts from. Pacing and
 * Retry-After waits pass on an instant clock.
 */
export async function connectVendor<TData>(
  harness: VendorHarness<TData>,
  o: { seed: number; size: number; instant?: boolean; db?: StockroomDb },
  /** Changes the vendor's data before anything reads it (records a test needs). */
  prepare?: (fake: VendorFake<TData>) => void
): Promise<Connected<TData>> {
  const fake = await harness.start({ seed: o.seed, size: o.size })
  prepare?.(fake)
  const t = await createTestServices({
    random: () => 0.05,
    maxAttempts: 10,
    ...(o.instant !== false && { clock: instantClock() })
  })
  const db = o.db ?? freshDb()
  const host = inProcessHost(t.services)
  const created = await t.services.connections.create({
    vendor: harness.vendor,
    label: `${harness.label} test`,
    baseUrl: fake.url,
    ...(fake.login ? { login: fake.login } : { apiKey: fake.apiKey })
  })
  await db.connections.put({ ...created } as never)
  return {
    fake,
    t,
    db,
    host,
    cid: created.id,
    async close() {
      db.close()
      await fake.close()
      await t.cleanup()
    }
  }
}
