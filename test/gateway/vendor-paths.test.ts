import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { inventoraHarness } from '../contract/inventora-harness'
import { connectVendor, type Connected } from '../helpers/connected'

/**
 * A path in a queued write, or an id in a request from the page, is never
 * trusted to stay under the vendor's API base: one that would leave it is
 * refused before anything is sent, so the vendor's request log stays empty.
 */
const hostile = [
  '/../admin',
  '/stock-adjustments/../../admin',
  '/%2e%2e/admin',
  '/%2E%2e%2fadmin',
  '/stock-adjustments/%252e%252e/x',
  '//evil.example/steal',
  '/\\evil.example',
  '/..',
  '/./stock-adjustments'
]

describe('vendor paths stay under the API base', () => {
  let c: Connected<unknown>
  afterEach(async () => c.close())

  describe('a queued write', () => {
    beforeEach(async () => {
      c = (await connectVendor(frostbyteHarness, { seed: 1, size: 10 })) as Connected<unknown>
    })

    it.each(hostile)('%s is refused and never reaches the vendor', async (path) => {
      const reply = await c.t.services.dispatch('outbox:send', {
        connectionId: c.cid,
        idempotencyKey: 'key-0000000001',
        request: { method: 'POST', path, body: '{}' }
      })
      expect(JSON.stringify(reply)).not.toContain('"outcome":"applied"')
      expect(c.fake.server.requests).toEqual([])
    })

    it('an absolute URL as a path is refused', async () => {
      const reply = await c.t.services.dispatch('outbox:send', {
        connectionId: c.cid,
        idempotencyKey: 'key-0000000002',
        request: { method: 'POST', path: 'http://evil.example/x', body: '{}' }
      })
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
      expect(c.fake.server.requests).toEqual([])
    })
  })

  describe('an id from the page', () => {
    beforeEach(async () => {
      c = (await connectVendor(inventoraHarness, { seed: 1, size: 10 })) as Connected<unknown>
    })

    it.each(['../admin', 'products/../../admin', 'products/%2e%2e/%2e%2e/admin', 'http://evil.example/x'])(
      'item %s is refused and never reaches the vendor',
      async (itemVendorId) => {
        const reply = await c.t.services.dispatch('outbox:currentLevel', {
          connectionId: c.cid,
          itemVendorId,
          locationVendorId: 'Main'
        })
        expect(reply).toMatchObject({ ok: false })
        expect((reply as { error: { message: string } }).error.message).toMatch(/outside/)
        expect(c.fake.server.requests).toEqual([])
      }
    )
  })
})
