import { afterEach, describe, expect, it } from 'vitest'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { connectVendor, type Connected } from '../helpers/connected'
import { expectReplicaEquals } from './conformance'
import { figgroDrift } from './figgro-drift'
import { forgemrpDrift } from './forgemrp-drift'
import { fractionerpDrift } from './fractionerp-drift'
import type { ShapeDrift } from './shape-drift'

/**
 * The read conformance suite's shape-drift run: for each vendor whose page
 * leaves its records' shape open, the fake sends the documented alternatives
 * (numeric ids, other field names and casings, optional parts left out) and the
 * replica still equals the vendor, with no record unreadable.
 */
const drifts = [fractionerpDrift, forgemrpDrift, figgroDrift] as ShapeDrift[]

for (const drift of drifts) {
  describe(`${drift.harness.label} shape drift`, () => {
    let c: Connected<unknown> | undefined
    afterEach(() => c?.close())

    it('the fake sends the alternatives its page allows; the replica still equals the vendor', async () => {
      c = await connectVendor(drift.harness, { seed: 11, size: 600 })
      const tally = drift.send(c.fake)
      const results = await syncConnection(c.db, c.host, c.cid)
      expect(results.map((r) => ({ resource: r.resource, state: r.state, rejected: r.rejected }))).toEqual(
        results.map((r) => ({ resource: r.resource, state: 'done', rejected: 0 }))
      )
      await expectReplicaEquals(c.db, c.cid, drift.expected(c.fake, c.cid))
      expect(tally.counts.size).toBeGreaterThan(2)
      console.log(`${drift.harness.label} shape drift — sent: ${tally.toString()}; replica equals the vendor`)
    })
  })
}
