import { FaultController } from './faults'
import { startFakeHttpServer } from './http-server'
import { createPipeline, type VendorSpec } from './pipeline'
import type { FakeServer, LedgerEntry, RequestLogEntry } from './types'

/**
 * Starts a fake vendor on 127.0.0.1 (port 0): the shared pipeline with the vendor's spec,
 * inside the HTTP shell, with a fresh request log, write ledger and fault controller.
 * `now` is the vendor's clock (Date headers, ledger times, the handlers' `ctx.now`).
 */
export function serveVendor<TData, P, E>(
  spec: VendorSpec<TData, P, E>,
  o: { data: TData; now: () => Date }
): Promise<FakeServer<TData>> {
  const ledger: LedgerEntry[] = []
  const requests: RequestLogEntry[] = []
  const vendor = createPipeline(spec, { data: o.data, ledger, now: o.now })
  return startFakeHttpServer({
    vendor,
    data: o.data,
    faults: new FaultController(),
    ledger,
    requests,
    now: o.now
  })
}

/** A fake's catalogue size option, checked: an integer in 10..100,000 (default `fallback`). */
export function catalogueSize(size: number | undefined, fallback: number): number {
  const n = size ?? fallback
  if (!Number.isInteger(n) || n < 10 || n > 100_000) throw new Error('size must be an integer in 10..100000')
  return n
}
