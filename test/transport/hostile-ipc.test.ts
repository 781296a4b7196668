import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { wireIpc, type IpcWire } from '../helpers/ipc-wire'
import { createTestServices, type TestServices } from '../helpers/main-services'

/**
 * Electron IPC under whatever a compromised page could hand to ipcRenderer:
 * every call gets a `Result` back, nothing throws into Electron, and the host
 * still answers afterwards.
 */
describe('the IPC host under malformed messages', () => {
  let t: TestServices
  let wire: IpcWire
  beforeEach(async () => {
    t = await createTestServices()
    wire = wireIpc(t)
  })
  afterEach(async () => {
    wire.dispose()
    await t.cleanup()
  })

  const nest = (n: number): unknown => {
    let v: unknown = null
    for (let i = 0; i < n; i++) v = [v]
    return v
  }
  const stillAnswers = async () =>
    expect(await wire.transport.call('app:ping', { echo: 'hi' })).toMatchObject({
      ok: true,
      value: { echo: 'hi' }
    })

  it('answers a sync:fetchPage cursor nested 5,000 deep with a clear error', async () => {
    const reply = await wire.invoke('sync:fetchPage', {
      connectionId: 'c1',
      resource: 'items',
      phase: 'full',
      cursor: nest(5000)
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect((reply as { error: { message: string } }).error.message).toMatch(/nested too deep/)
    await stillAnswers()
  })

  it('answers every random call with a Result (fuzz, fixed seed)', async () => {
    const names = ['app:ping', 'sync:fetchPage', 'outbox:send', 'connections:create', 'toString', '__proto__']
    const args = fc.array(
      fc.oneof(
        fc.constantFrom(...names),
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
        // Deep enough to overflow a recursive validator, shallow enough for fast-check to print.
        fc.nat({ max: 3000 }).map(nest)
      ),
      { maxLength: 3 }
    )
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const reply = (await wire.invoke(...a)) as { ok?: unknown }
        expect(typeof reply.ok).toBe('boolean')
      }),
      { seed: 16, numRuns: 300 }
    )
    await stillAnswers()
  })
})
