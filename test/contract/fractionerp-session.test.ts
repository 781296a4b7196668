import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { FaultController } from '../../src/main/fakes/common/faults'
import { startFractionFake, type FractionData } from '../../src/main/fakes/fractionerp/server'
import { syncConnection } from '../../src/renderer/src/sync/driver'
import type { HostClient } from '../../src/shared/host-api/client'
import { createHostClient } from '../../src/renderer/src/bridge/host'
import { connectVendor, type Connected } from '../helpers/connected'
import { createTestServices, instantClock } from '../helpers/main-services'
import { freshDb, inProcessHost } from '../helpers/replica'
import { expectReplicaEquals } from './conformance'
import { fractionerpHarnessWith } from './fractionerp-harness'

/**
 * FractionERP's login session over real HTTP: the fake's tokens expire and can
 * be revoked, and its request log shows every login, refresh and refusal.
 */
let c: Connected<FractionData> | undefined
afterEach(async () => {
  await c?.close()
  c = undefined
})

/** An administrator signs every session out as the parts pass asks for `page` (once). */
function revokeOnce(data: FractionData, faults: FaultController, page: string) {
  let done = false
  faults.add({
    kind: 'slow',
    ms: 0,
    match: (r) => {
      if (done || r.path !== '/parts' || r.query.get('page') !== page) return false
      done = true
      data.revokeAll()
      return true
    }
  })
}

const logins = (c: Connected<FractionData>) => c.fake.server.requests.filter((r) => r.path === '/auth/login')
const refused = (c: Connected<FractionData>) => c.fake.server.requests.filter((r) => r.status === 401)

describe('FractionERP session', () => {
  it('a token that expires mid-pass is refreshed before it does, and no page fails', async () => {
    // A lifetime long enough that a refresh begun at a fifth of it left ends in time on a busy PC.
    const lifetime = 6_000
    c = await connectVendor(fractionerpHarnessWith({ tokenLifetimeMs: lifetime }), { seed: 5, size: 4_000 })
    // Slow pages stretch the pass over several token lifetimes.
    c.fake.server.faults.add({ kind: 'slow', ms: 300, match: (r) => r.method === 'GET' })
    const started = Date.now()
    await syncConnection(c.db, c.host, c.cid)
    expect(Date.now() - started).toBeGreaterThan(2 * lifetime)
    await expectReplicaEquals(c.db, c.cid, c.fake.expected(c.cid))
    const refreshes = c.fake.server.requests.filter((r) => r.path === '/auth/refresh')
    expect(refreshes.length).toBeGreaterThanOrEqual(2)
    expect(refreshes.every((r) => r.status === 200)).toBe(true)
    expect(refused(c)).toEqual([])
    expect(logins(c)).toHaveLength(1)
  })

  it('a revoked token gets one new login, the refused page is asked again and the pass completes', async () => {
    c = await connectVendor(fractionerpHarnessWith({}), { seed: 5, size: 800 })
    revokeOnce(c.fake.server.data, c.fake.server.faults, '3')
    await syncConnection(c.db, c.host, c.cid)
    await expectReplicaEquals(c.db, c.cid, c.fake.expected(c.cid))
    expect(refused(c).map((r) => `${r.path}?page=${r.query.page}`)).toEqual(['/parts?page=3'])
    expect(logins(c)).toHaveLength(2)
    const page3 = c.fake.server.requests.filter((r) => r.path === '/parts' && r.query.page === '3')
    expect(page3.map((r) => r.status)).toEqual([401, 200])
    expect((await c.t.services.connections.get(c.cid))?.status).toBe('ok')
  })

  it('a refused password pauses the connection with words after one attempt, and is not tried again', async () => {
    c = await connectVendor(
      fractionerpHarnessWith(
        { login: { email: 'ops@mouldings.example', password: 'the-real-one' } },
        {
          email: 'ops@mouldings.example',
          password: 'a-typo'
        }
      ),
      { seed: 5, size: 100 }
    )
    await expect(syncConnection(c.db, c.host, c.cid)).rejects.toThrow(
      'The password for "FractionERP test" was refused — enter it again in Connections → FractionERP test.'
    )
    const after = await c.t.services.connections.get(c.cid)
    expect(after?.status).toBe('paused')
    expect(after?.statusMessage).toMatch(/password for "FractionERP test" was refused/)
    expect(c.fake.server.requests).toHaveLength(1)
    // Until a new password is entered, Stockroom does not try the refused one again.
    await expect(syncConnection(c.db, c.host, c.cid)).rejects.toThrow(/was refused/)
    expect(c.fake.server.requests).toHaveLength(1)
    await c.t.services.connections.setLogin(c.cid, {
      email: 'ops@mouldings.example',
      password: 'the-real-one'
    })
    c.t.services.gateway.forget(c.cid)
    await syncConnection(c.db, c.host, c.cid)
    await expectReplicaEquals(c.db, c.cid, c.fake.expected(c.cid))
  })

  it('PLAN_RESTRICTED and ACCOUNT_INACTIVE stop the sync after one request and say what the account needs', async () => {
    c = await connectVendor(fractionerpHarnessWith({ plan: 'advanced' }), { seed: 5, size: 100 })
    await expect(syncConnection(c.db, c.host, c.cid)).rejects.toThrow(/only on the Pro or Moulding plan/)
    expect(c.fake.server.requests.map((r) => [r.path, r.status])).toEqual([['/auth/login', 403]])
    expect((await c.t.services.connections.get(c.cid))?.status).toBe('paused')
    await c.close()

    c = await connectVendor(fractionerpHarnessWith({ inactive: true }), { seed: 5, size: 100 })
    await expect(syncConnection(c.db, c.host, c.cid)).rejects.toThrow(
      /account of "FractionERP test" is inactive/
    )
    expect(c.fake.server.requests).toHaveLength(1)
  })

  it('a planted password is found only in the body of the login requests', async () => {
    const password = 'Planted-7Qz!pw-d41d8cd9'
    const email = 'planted@mouldings.example'
    const harness = fractionerpHarnessWith(
      { login: { email, password }, tokenLifetimeMs: 1200 },
      { email, password }
    )
    const fake = await harness.start({ seed: 11, size: 600 })
    const t = await createTestServices({ maxAttempts: 10, random: () => 0.05 })
    const db = freshDb()
    // Everything the renderer receives: every call's answer and every event.
    const toRenderer: string[] = []
    const host: HostClient = createHostClient({
      call: async (name, payload) => {
        const reply = await t.services.dispatch(name, structuredClone(payload))
        toRenderer.push(JSON.stringify(reply))
        return structuredClone(reply)
      },
      on: (listener) =>
        t.services.events.subscribe((name, payload) => {
          toRenderer.push(JSON.stringify({ name, payload }))
          listener(name, structuredClone(payload))
        })
    })
    try {
      const created = await host.call('connections:create', {
        vendor: 'fractionerp',
        label: 'Planted',
        baseUrl: fake.url,
        login: { email, password }
      })
      if (!created.ok) throw new Error(created.error.message)
      const cid = created.value.id
      await db.connections.put({ ...created.value } as never)
      // Refreshes, a revoked session, a 503 and a refused password on the way.
      fake.server.faults.add({ kind: 'slow', ms: 60, match: (r) => r.method === 'GET' })
      fake.server.faults.add({ kind: 'status', status: 503, retryAfter: 0, times: 1 })
      revokeOnce(fake.server.data, fake.server.faults, '4')
      await syncConnection(db, host, cid)
      await host.call('connections:test', { id: cid })
      await host.call('connections:list', {})
      fake.server.data.user.password = 'changed-at-the-vendor'
      t.services.gateway.forget(cid)
      await expect(syncConnection(db, host, cid)).rejects.toThrow(/was refused/)

      const withPassword = fake.server.requests.filter((r) => JSON.stringify(r).includes(password))
      expect(withPassword.length).toBeGreaterThanOrEqual(3)
      for (const r of withPassword) {
        expect(r.path).toBe('/auth/login')
        expect(JSON.stringify({ ...r, body: undefined })).not.toContain(password)
        expect(JSON.parse(r.body!)).toEqual({ email, password })
      }
      expect(toRenderer.length).toBeGreaterThan(10)
      expect(toRenderer.filter((m) => m.includes(password))).toEqual([])
      expect(toRenderer.filter((m) => m.includes(email))).toEqual([])
      expect(t.logs.filter((l) => l.includes(password))).toEqual([])
      // On disk only encrypted: nothing in the data or key directories holds it in the clear.
      for (const dir of [t.dataDir, t.keyDir])
        for (const f of await readdir(dir, { recursive: true, withFileTypes: true }))
          if (f.isFile()) expect(await readFile(join(f.parentPath, f.name), 'utf8')).not.toContain(password)
    } finally {
      db.close()
      await fake.close()
      await t.cleanup()
    }
  })

  it('when the hour’s requests run out mid-pass, it says when the sync continues and continues then, without a 429', async () => {
    // Vendor and Stockroom share one clock whose waits pass at once, so the hour goes by in no time.
    const clock = instantClock()
    const fake = await startFractionFake({
      seed: 3,
      size: 500,
      hourlyLimit: 6,
      now: () => new Date(clock.now())
    })
    const t = await createTestServices({ clock, maxAttempts: 3, random: () => 0.05 })
    const db = freshDb()
    const host = inProcessHost(t.services)
    const waits: { ms: number; reason: string; at: number }[] = []
    const off = t.services.events.subscribe((name, payload) => {
      if (name === 'sync:wait')
        waits.push({ ...(payload as { ms: number; reason: string }), at: clock.now() })
    })
    try {
      const created = await t.services.connections.create({
        vendor: 'fractionerp',
        label: 'Hourly',
        baseUrl: fake.url,
        login: { email: fake.data.user.email, password: fake.data.user.password }
      })
      await db.connections.put({ ...created } as never)
      await syncConnection(db, host, created.id)
      const harness = fractionerpHarnessWith({})
      const expected = (await harness.start({ seed: 3, size: 500 })) as Awaited<
        ReturnType<typeof harness.start>
      >
      await expectReplicaEquals(db, created.id, expected.expected(created.id))
      await expected.close()
      // The wait announced runs to the end of the vendor's hour (X-RateLimit-Reset), not a guess.
      const long = waits.filter((w) => w.reason === 'rate-limit' && w.ms > 60_000)
      expect(long.length).toBeGreaterThanOrEqual(1)
      for (const w of long) expect((w.at + w.ms) % 3_600_000).toBeLessThan(1000)
      expect(fake.requests.filter((r) => r.status === 429)).toEqual([])
    } finally {
      off()
      db.close()
      await fake.close()
      await t.cleanup()
    }
  })
})
