import { matchers, type FaultController, type FaultRequest } from '../../src/main/fakes/common/faults'
import type { HostClient } from '../../src/shared/host-api/client'
import { replayConnection, type ReplayDeps } from '../../src/renderer/src/outbox/replayer'

/** The faults the outbox suites inject, in rotation: commits whose answer is lost among them. */
export const OUTBOX_FAULTS: Parameters<FaultController['add']>[0][] = [
  { kind: 'drop-after-commit', match: matchers.isWrite },
  { kind: 'status', status: 503, retryAfter: 2 },
  { kind: 'drop-before-commit' },
  { kind: 'rate-limit', retryAfter: 1 },
  { kind: 'status', status: 502 },
  { kind: 'drop-mid-body' }
]

/**
 * Faults on every other request the fake receives, rotating through the kinds
 * given — including commits whose response is dropped.
 */
export function faultEveryOtherRequest(faults: FaultController, kinds = OUTBOX_FAULTS) {
  let seen = 0
  const slot = new WeakMap<FaultRequest, number>()
  const slotOf = (req: FaultRequest) => {
    if (!slot.has(req)) {
      seen++
      slot.set(req, seen % 2 === 0 ? (seen / 2) % kinds.length : -1)
    }
    return slot.get(req)!
  }
  kinds.forEach((kind, i) => faults.add({ ...kind, match: (req) => slotOf(req) === i }))
}

/**
 * Drives a connection's replay to the end on a virtual clock: waits (backoff,
 * Retry-After) pass instantly, an offline stop tries again as the app would
 * after its probe. Returns how many stops of each kind were seen.
 */
export async function drain(deps: Omit<ReplayDeps, 'now'>, connectionId: string, maxRounds = 20_000) {
  let clock = Date.now()
  const stops: Record<string, number> = {}
  for (let round = 0; round < maxRounds; round++) {
    const stop = await replayConnection({ ...deps, now: () => clock }, connectionId)
    stops[stop.state] = (stops[stop.state] ?? 0) + 1
    if (stop.state === 'drained') return stops
    if (stop.state === 'paused' || stop.state === 'cancelled')
      throw new Error(`replay stopped: ${JSON.stringify(stop)}`)
    clock = stop.state === 'waiting' ? stop.until : clock + 1_000
  }
  throw new Error(`outbox did not drain: ${JSON.stringify(stops)}`)
}

/** The renderer dies right after the vendor answered a send, before the answer is written to IndexedDB. */
export function crashAfterSend(host: HostClient): HostClient {
  return {
    on: host.on,
    call: (async (name: string, req: unknown) => {
      const reply = await host.call(name as never, req as never)
      if (name === 'outbox:send') throw new Error('renderer crashed')
      return reply
    }) as HostClient['call']
  }
}
