import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { StockroomDb } from '../../src/renderer/src/db/db'
import type { HostClient } from '../../src/shared/host-api/client'
import { connectVendor, type Connected } from '../helpers/connected'
import type { TestServices } from '../helpers/main-services'
import {
  expectReplicaEquals,
  faultSummary,
  injectReadFaults,
  type VendorFake,
  type VendorHarness
} from './conformance'
import { figgroHarness } from './figgro-harness'
import { forgemrpHarness } from './forgemrp-harness'
import { fractionerpHarness } from './fractionerp-harness'
import { frostbyteHarness } from './frostbyte-harness'
import { inventoraHarness } from './inventora-harness'

/**
 * One conformance suite, run against every vendor over real HTTP: the fake
 * vendor server, main's gateway and connector, the renderer's sync driver and
 * a real Dexie replica (fake-indexeddb). Only the host transport is in-process.
 */
const harnesses = [
  frostbyteHarness,
  inventoraHarness,
  forgemrpHarness,
  figgroHarness,
  fractionerpHarness
] as VendorHarness[]

for (const harness of harnesses) {
  describe(`${harness.label} connector conformance`, () => {
    let fake: VendorFake
    let t: TestServices
    let db: StockroomDb
    let host: HostClient
    let cid: string

    let c: Connected<unknown>
    beforeEach(async () => {
      c = await connectVendor(harness, { seed: 7, size: 1_234 })
      ;({ fake, t, db, host, cid } = c)
    })
    afterEach(() => c.close())

    const plan = async () =>
      (await t.services.gateway.plan(cid)).map((p) => ({ resource: p.resource, pageSize: p.pageSize }))

    it('a full sync equals the vendor record for record, in the minimum number of requests', async () => {
      await syncConnection(db, host, cid)
      await expectReplicaEquals(db, cid, fake.expected(cid))
      const counts = fake.counts()
      for (const { resource, pageSize } of await plan()) {
        const minimum = Math.max(1, Math.ceil((counts[resource] ?? 0) / pageSize))
        expect({ resource, requests: fake.listRequests(resource) }).toEqual({ resource, requests: minimum })
      }
    })

    it('a later pass brings exactly the changes and the removals', async () => {
      await syncConnection(db, host, cid)
      const { changed, removed } = fake.mutate()
      expect(changed.length).toBeGreaterThan(0)
      expect(removed.length).toBeGreaterThan(0)
      const progress = await syncConnection(db, host, cid)
      await expectReplicaEquals(db, cid, fake.expected(cid))
      const deletedSeen = progress.reduce((n, p) => n + p.deleted, 0)
      expect(deletedSeen).toBeGreaterThanOrEqual(removed.length)
      // Where the vendor has a change feed, the later pass reads the changes only, not everything again.
      const full = fake.counts()
      for (const p of await t.services.gateway.plan(cid)) {
        if (!p.incremental) continue
        const pass = progress.find((x) => x.resource === p.resource)!
        expect(pass.phase).toBe('incremental')
        if (p.resource === 'products') {
          expect(pass.recordsDone + pass.deleted).toBeGreaterThanOrEqual(changed.length + removed.length)
          expect(pass.pagesDone).toBe(Math.max(1, Math.ceil((changed.length + removed.length) / p.pageSize)))
        }
        expect(pass.recordsDone).toBeLessThan(full[p.resource] ?? 0)
      }
    })

    it('a crash between pages resumes without a gap or a duplicate', async () => {
      // The renderer dies while fetching the first page after a resource's first (so mid-pass).
      const crashing: HostClient = {
        on: host.on,
        call: (async (name: string, req: unknown) => {
          if (name === 'sync:fetchPage' && (req as { cursor: unknown }).cursor !== null)
            throw new Error('renderer crashed')
          return host.call(name as never, req as never)
        }) as HostClient['call']
      }
      await expect(syncConnection(db, crashing, cid)).rejects.toThrow('renderer crashed')
      const interrupted = (await db.checkpoints.toArray()).filter((c) => c.running)
      expect(interrupted).toHaveLength(1)
      const resumedFrom = interrupted[0]!
      await syncConnection(db, host, cid)
      const after = await db.checkpoints.get([cid, resumedFrom.resource])
      expect(after?.running).toBe(false)
      expect(after?.phase).toBe('full')
      expect(after?.syncId).toBe(resumedFrom.syncId) // the same pass, continued
      await expectReplicaEquals(db, cid, fake.expected(cid))
    })

    it('429s, 503s and connections dropped mid-body still end in a complete replica', async () => {
      injectReadFaults(fake.server.faults)
      const waits: string[] = []
      const off = t.services.events.subscribe((name, payload) => {
        if (name === 'sync:wait') waits.push((payload as { reason: string }).reason)
      })
      await syncConnection(db, host, cid)
      off()
      await expectReplicaEquals(db, cid, fake.expected(cid))
      expect(waits).toContain('rate-limit')
      expect(waits).toContain('retry')
      console.log(`${harness.label} reads — ${faultSummary(fake.server.requests)}; replica equals the vendor`)
    })

    it('a wrong key or password stops the sync with words that say where to fix it, and pauses the connection', async () => {
      if (fake.login)
        await t.services.connections.setLogin(cid, { ...fake.login, password: 'wrong-password' })
      else await t.services.connections.setSecret(cid, 'wrong-key')
      t.services.gateway.forget(cid)
      await expect(syncConnection(db, host, cid)).rejects.toThrow(
        fake.login ? /password for .* was refused.*Connections/ : /refused the API key.*Connections/
      )
      expect((await t.services.connections.get(cid))?.status).toBe('paused')
    })
  })
}
