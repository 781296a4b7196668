import { afterEach, expect, it } from 'vitest'
import { FRACTION_DEMO_LOGIN, startFractionFake } from '../../src/main/fakes/fractionerp/server'
import type { FakeServer } from '../../src/main/fakes/common/types'
import type { FractionData } from '../../src/main/fakes/fractionerp/data'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import { createTestServices, instantClock, type TestServices } from '../helpers/main-services'
import { freshDb, inProcessHost } from '../helpers/replica'

let fake: FakeServer<FractionData> | undefined
let t: TestServices | undefined
afterEach(async () => {
  await fake?.close()
  await t?.cleanup()
})

/**
 * A token whose refresh falls due while requests are paced: the refresh waits
 * for its slot like any request, and by then the token may have expired. It is
 * then never sent expired (a 401 and a password login each time); the session
 * logs in once more instead, before the token is used again.
 */
it('a FractionERP token is refreshed before use after a pacing wait, never after it expired', async () => {
  // One clock for the vendor and for Stockroom's pacing: a minute's wait passes at once, and the
  // vendor's tokens age through it as they would.
  const clock = instantClock()
  fake = await startFractionFake({
    seed: 5,
    size: 450,
    tokenLifetimeMs: 50_000,
    now: () => new Date(clock.now())
  })
  t = await createTestServices({ random: () => 0.05, maxAttempts: 10, clock })
  const db = freshDb()
  const created = await t.services.connections.create({
    vendor: 'fractionerp',
    label: 'Paced plant',
    baseUrl: fake.url,
    login: FRACTION_DEMO_LOGIN,
    // 3 a minute: every third request waits up to a minute for its slot, longer than the rest of a token's life.
    requestsPerMinute: 3
  })
  await db.connections.put({ ...created } as never)
  const results = await syncConnection(db, inProcessHost(t.services), created.id)
  expect(results.every((r) => r.state === 'done')).toBe(true)
  const auth = fake.requests.filter((r) => r.path.startsWith('/auth/'))
  // Never an expired token sent: no 401 anywhere.
  expect(fake.requests.filter((r) => r.status === 401).map((r) => `${r.method} ${r.path}`)).toEqual([])
  expect(auth.length).toBeGreaterThan(1)
}, 60_000)
