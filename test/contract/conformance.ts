import { expect } from 'vitest'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import type { ReplicaTable } from '../../src/shared/model/schemas'
import type { VendorId } from '../../src/shared/model/vendor'
import { matchers, type FaultController } from '../../src/main/fakes/common/faults'
import type { FakeServer, RequestLogEntry } from '../../src/main/fakes/common/types'
import { startFake, type FakeOptions, type StartedFake } from '../../src/main/fakes/registry'

/** Comparable fields of every record a replica should hold, per table, by key. */
export type ExpectedReplica = Partial<Record<ReplicaTable, Map<string, Record<string, unknown>>>>

/**
 * A vendor's fake as the conformance suite drives it. Each adapter computes
 * the expected replica from the fake's own data, independently of the
 * connector's mapping, so a mapping bug cannot hide itself.
 */
export interface VendorFake<TData = unknown> {
  /** The fake server itself: its request log, write ledger, faults and live data. */
  server: FakeServer<TData>
  url: string
  /** What a person enters to connect: the vendor's API key (empty for a vendor that logs in)… */
  apiKey: string
  /** …or its login, for a vendor whose profile says `credentials: 'login'`. */
  login?: { email: string; password: string }
  /** What a complete, current replica of connection `cid` holds. */
  expected(cid: string): ExpectedReplica
  /** Records per resource at the vendor: the minimum requests of a full pass are ceil(n / pageSize). */
  counts(): Record<string, number>
  /** List requests (GET) the fake answered for a resource. */
  listRequests(resource: string): number
  /** Changes some records and removes others at the vendor; returns how many of each. */
  mutate(): { changed: string[]; removed: string[] }
  close(): Promise<void>
}

export interface VendorHarness<TData = unknown> {
  vendor: VendorId
  label: string
  start(o: { seed: number; size: number }): Promise<VendorFake<TData>>
}

/**
 * Starts `vendor`'s fake through the registry (as the demo, E2E and the CLI do) and
 * gives the parts of a VendorFake that come straight from it: resources are the
 * fake's list paths without their slash.
 */
export async function startHarnessFake<TData>(
  vendor: VendorId,
  options: FakeOptions
): Promise<Pick<VendorFake<TData>, 'server' | 'url' | 'apiKey' | 'counts' | 'listRequests' | 'close'>> {
  const started = (await startFake(vendor, options)) as StartedFake<TData>
  const { server, credentials } = started
  if (!('apiKey' in credentials))
    throw new Error(`${vendor}'s fake takes a login; the harness needs an API key`)
  return {
    server,
    url: server.url,
    apiKey: credentials.apiKey,
    counts: () =>
      Object.fromEntries(Object.entries(started.counts()).map(([path, n]) => [path.replace(/^\//, ''), n])),
    listRequests: (resource) =>
      server.requests.filter((r) => r.method === 'GET' && r.path === `/${resource}` && r.status === 200)
        .length,
    close: () => server.close()
  }
}

/** The replica equals the expectation record for record: same keys, same compared fields. */
export async function expectReplicaEquals(db: StockroomDb, cid: string, expected: ExpectedReplica) {
  for (const [table, records] of Object.entries(expected) as [
    ReplicaTable,
    Map<string, Record<string, unknown>>
  ][]) {
    const rows = (await db.table(table).where('connectionId').equals(cid).toArray()) as Record<
      string,
      unknown
    >[]
    const actual = new Map(rows.map((r) => [r.key as string, r]))
    const missing = [...records.keys()].filter((k) => !actual.has(k))
    const extra = [...actual.keys()].filter((k) => !records.has(k))
    expect({ table, missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({
      table,
      missing: [],
      extra: []
    })
    for (const [key, fields] of records) {
      const row = actual.get(key)!
      const picked = Object.fromEntries(Object.keys(fields).map((f) => [f, row[f]]))
      if (JSON.stringify(picked) !== JSON.stringify(fields))
        expect({ key, ...picked }).toEqual({ key, ...fields })
    }
  }
}

/** A 429 with Retry-After, a burst of 503s and connections dropped mid-body, spread over list requests. */
export function injectReadFaults(faults: FaultController) {
  faults.add({ kind: 'rate-limit', retryAfter: 1, times: 1, match: matchers.isRead })
  faults.add({ kind: 'status', status: 503, retryAfter: 1, times: 3, every: 4, match: matchers.isRead })
  faults.add({ kind: 'drop-mid-body', times: 2, every: 5, match: matchers.isRead })
}

/** "faults injected: rate-limit ×1, status ×3, …; N requests": what a fault run did, for the test output. */
export function faultSummary(requests: RequestLogEntry[]): string {
  const fired: Record<string, number> = {}
  for (const r of requests) for (const kind of r.faults ?? []) fired[kind] = (fired[kind] ?? 0) + 1
  const list = Object.entries(fired).map(([kind, n]) => `${kind} ×${n}`)
  return `faults injected: ${list.join(', ') || 'none'}; ${requests.length} requests`
}
