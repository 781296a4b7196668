import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FrostbyteData } from '../../src/main/fakes/frostbyte/server'
import { startSyncScheduler, type SyncScheduler } from '../../src/renderer/src/sync/scheduler'
import { syncStoreReporter } from '../../src/renderer/src/stores/sync'
import { useSync } from '../../src/renderer/src/stores/sync'
import { frostbyteHarness } from '../contract/frostbyte-harness'
import { connectVendor, type Connected } from '../helpers/connected'

/** Each sync pass lists warehouses once: the number of passes the vendor saw. */
const passes = (c: Connected<FrostbyteData>) => c.fake.listRequests('warehouses')

describe('sync scheduler', () => {
  let c: Connected<FrostbyteData>
  let scheduler: SyncScheduler | undefined
  beforeEach(async () => {
    c = await connectVendor(frostbyteHarness, { seed: 5, size: 60 })
    useSync.setState({ progress: {} })
  })
  afterEach(async () => {
    await scheduler?.stop()
    await c.close()
  })

  it('a sync asked for before the running one has listed the connections is that same run', async () => {
    scheduler = startSyncScheduler(c.db, c.host, syncStoreReporter, { intervalMs: 3_600_000 }) // its first run starts at once
    // A connection added as the app starts asks for a sync too: the first run will see it anyway.
    await scheduler.syncAll()
    expect(passes(c)).toBe(1)
  })

  it('asks during a run that already listed the connections queue exactly one more run', async () => {
    const listed = new Promise<void>((resolve) => {
      const off = useSync.subscribe((s) => {
        if (Object.keys(s.progress).length > 0) {
          off()
          resolve()
        }
      })
    })
    scheduler = startSyncScheduler(c.db, c.host, syncStoreReporter, { intervalMs: 3_600_000 })
    await listed
    const asks = [scheduler.syncAll(), scheduler.syncAll(), scheduler.syncAll()]
    await Promise.all(asks)
    expect(passes(c)).toBe(2)
  })

  it('counts the interval from the end of the last run, whatever started it', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
    scheduler = startSyncScheduler(c.db, c.host, syncStoreReporter, { intervalMs: 2_000 }) // first run at once, ends within ~200 ms
    await sleep(1_000)
    await scheduler.syncAll() // asked for (a new connection, Sync now): ends at ~1.2 s
    // The timer set after the first run would fire at ~2.2 s, right after the asked-for run.
    await sleep(1_400)
    expect(passes(c)).toBe(2)
  })

  it('starts no run while offline, and runs when asked once the network is back', async () => {
    let online = false
    scheduler = startSyncScheduler(c.db, c.host, syncStoreReporter, {
      intervalMs: 3_600_000,
      isOnline: () => online
    })
    await scheduler.syncAll()
    expect(passes(c)).toBe(0)
    expect(useSync.getState().running).toBe(false)
    online = true
    await scheduler.syncAll()
    expect(passes(c)).toBe(1)
  })
})
