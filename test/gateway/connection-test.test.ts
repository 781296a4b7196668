import { afterEach, expect, it } from 'vitest'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { figgroHarness } from '../contract/figgro-harness'
import { connectVendor, type Connected } from '../helpers/connected'

let c: Connected<unknown> | undefined
afterEach(() => c?.close())

/**
 * Test agrees with the last sync: right after a sync spent the vendor's request
 * budget, the vendor answers 429 — it was reached and took the key, so the
 * connection works; Test says so, and when the limit frees up.
 */
it('Test says a connection works when the vendor only answers that its request limit is spent', async () => {
  c = (await connectVendor(figgroHarness, { seed: 3, size: 100 })) as Connected<unknown>
  await syncConnection(c.db, c.host, c.cid)
  c.fake.server.faults.add({ kind: 'rate-limit', retryAfter: 600, times: 1 })
  const reply = await c.host.call('connections:test', { id: c.cid })
  expect(reply.ok && reply.value).toMatchObject({
    ok: true,
    message: expect.stringMatching(/^Connected to Figgro test; its request limit is spent for now — /)
  })
  // A refused key still fails.
  await c.t.services.connections.setSecret(c.cid, 'fgr_wrong')
  c.t.services.gateway.forget(c.cid)
  const refused = await c.host.call('connections:test', { id: c.cid })
  expect(refused.ok && refused.value.ok).toBe(false)
})
