import 'fake-indexeddb/auto'
import type { HostClient } from '../../src/shared/host-api/client'
import type { MainServices } from '../../src/main/services'
import { createHostClient } from '../../src/renderer/src/bridge/host'
import { createDb, type StockroomDb } from '../../src/renderer/src/db/db'

let n = 0
/** A fresh replica on fake-indexeddb: the real Dexie schema, no shared state between tests. */
export function freshDb(): StockroomDb {
  return createDb(`test-replica-${process.pid}-${++n}`)
}

/**
 * The renderer's host client wired straight to main's dispatcher and event
 * bus: everything but the wire (tested separately per transport) is real.
 */
export function inProcessHost(services: MainServices): HostClient {
  return createHostClient({
    call: (name, payload) =>
      services.dispatch(name, structuredClone(payload)).then((r) => structuredClone(r)),
    on: (listener) => services.events.subscribe((name, payload) => listener(name, structuredClone(payload)))
  })
}
