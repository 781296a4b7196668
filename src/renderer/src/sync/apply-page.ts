import { Dexie } from 'dexie'
import type { PageResult, ResourcePlan } from '../../../shared/host-api/sync'
import type { ReplicaTable } from '../../../shared/model/schemas'
import type { Checkpoint, Item, Location } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { floorClear, sinceFloorUsed } from '../db/floor'
import { indexLocation } from '../db/location-index'
import { putObserved } from '../db/observed-put'
import { trackLowStock } from './low-stock'
import type { LowCrossing } from './progress'
import { takeWriteTurn } from './write-turns'

/**
 * How long one of the sync's write transactions may keep the replica's stores:
 * a scan that arrives meanwhile waits for at most this (plus the commit).
 */
export const WRITE_SLICE_MS = 12
/**
 * While nobody has scanned for {@link QUIET_AFTER_MS}, slices may be this long:
 * a transaction's fixed cost is then paid less often. The first key of the next
 * scan holds the floor, so that scan waits at most for the rest of one slice
 * while its keys are still coming.
 */
export const QUIET_SLICE_MS = 60
export const QUIET_AFTER_MS = 10_000
/**
 * Longest a slice waits for people's scans to leave the replica free. Scans
 * every 300 ms on a slow PC can hold the floor nearly all the time: past this
 * wait the slice goes anyway (a scan then waits for one short slice), so the
 * sync slows down while people scan but always finishes.
 */
export const FLOOR_WAIT_MAX_MS = 250
const MIN_ROWS = 8
const MAX_ROWS = 2_000

/**
 * Sizes the sync's write transactions by time, not by record count. A slice
 * costs a fixed part (open, commit: learnt from the checkpoint's one-row
 * transactions) plus a part per row that depends on the table's indexes (an
 * item with its codes and words costs several times a stock row). Slices are
 * cut to fit {@link WRITE_SLICE_MS}; where the fixed part alone is that long (a
 * busy PC), to twice the fixed part, so at least half of each slice is writing.
 */
export class SliceSizer {
  private msPerRow = new Map<string, number>()
  private overheadMs = 2

  constructor(
    private readonly targetMs = WRITE_SLICE_MS,
    /** How long since a person last used the floor; quiet floors get {@link QUIET_SLICE_MS}. */
    private readonly sinceUsed: () => number = () => 0
  ) {}

  rows(table: string): number {
    const per = this.msPerRow.get(table) ?? (table === 'items' ? 0.3 : 0.05)
    const target =
      this.sinceUsed() >= QUIET_AFTER_MS ? Math.max(this.targetMs, QUIET_SLICE_MS) : this.targetMs
    const room = Math.max(target, 2 * this.overheadMs) - this.overheadMs
    return Math.max(MIN_ROWS, Math.min(MAX_ROWS, Math.floor(room / per)))
  }

  /** A slice's duration: its fixed part when it wrote one small row, else its rows' part. */
  learn(table: string, rows: number, ms: number): void {
    if (ms <= 0) return
    if (table === 'checkpoints') {
      this.overheadMs = this.overheadMs * 0.8 + ms * 0.2
      return
    }
    const seen = Math.max(0.005, (ms - this.overheadMs) / rows)
    const before = this.msPerRow.get(table)
    // Smoothed, and quick to shrink: one slow slice makes the next ones smaller at once.
    this.msPerRow.set(table, before === undefined || seen > before ? seen : before * 0.8 + seen * 0.2)
  }
}

/**
 * User Timing of the sync's writes (`sync:wait` for the floor and its turn, `sync:slice` for one
 * write transaction), beside the scans' `scan:*`: bench/scan.mjs reads both back.
 */
let measures = 0
function syncMeasure(phase: 'wait' | 'slice', start: number, end: number): void {
  try {
    performance.measure(`sync:${phase}`, { start, end })
    // A day of syncing does not fill the timeline: the oldest go now and then.
    if (++measures > 4_000) {
      measures = 0
      performance.clearMeasures('sync:wait')
      performance.clearMeasures('sync:slice')
    }
  } catch {
    // Timing is for people reading a profile; it never stops a write.
  }
}

const tableOfKey: Record<string, ReplicaTable> = {
  item: 'items',
  location: 'locations',
  stock: 'stock',
  lot: 'lots',
  task: 'tasks',
  order: 'orders'
}

/** What a row looks like in the replica: search pieces added, stamped with the pass that saw it. */
function stored(table: string, rows: object[], syncId: string): object[] {
  // Items are written as they come: their search pieces follow after the pass (item-pieces.ts).
  const indexed = table === 'locations' ? (rows as Location[]).map(indexLocation) : rows
  return indexed.map((r) => ({ ...r, syncId }))
}

/**
 * One page into the replica, then the checkpoint after it.
 *
 * The page is written in slices, each its own short transaction, taken only
 * when no person's scan holds the floor and only one at a time across every
 * connection (see write-turns.ts); the checkpoint naming the next page commits
 * last, alone. What must stay true: a crash between slices leaves the
 * checkpoint on this page, so the page is read and written again (puts by key:
 * no duplicate, no gap), and a low-stock crossing is recorded with the rows
 * that caused it. `sweep`: the pass is complete; records of this resource it
 * did not stamp are removed before the checkpoint says so.
 */
export async function applyPage(
  db: StockroomDb,
  plan: ResourcePlan,
  cp: Checkpoint,
  next: Checkpoint,
  page: PageResult,
  sweep: boolean,
  at: string,
  sizer: SliceSizer
): Promise<{ swept: number; lowCrossed: LowCrossing[] }> {
  const lowCrossed: LowCrossing[] = []
  const slice = async (tables: string[], run: () => Promise<unknown>, learn?: [string, number]) => {
    const asked = performance.now()
    await floorClear(FLOOR_WAIT_MAX_MS)
    await takeWriteTurn(async () => {
      await floorClear(FLOOR_WAIT_MAX_MS) // a scan that began while this slice waited for its turn goes first
      const started = performance.now()
      await db.transaction('rw', tables, run)
      const ended = performance.now()
      if (learn) sizer.learn(learn[0], learn[1], ended - started)
      syncMeasure('wait', asked, started)
      syncMeasure('slice', started, ended)
      // While people scan, the sync writes at most half the time: the other half the database (and,
      // on a 2-core PC, the CPU) is free for their lookups and commits.
      if (sinceFloorUsed() < QUIET_AFTER_MS) await new Promise((r) => setTimeout(r, ended - started))
    })
  }

  for (const [table, rows] of Object.entries(page.batch)) {
    if (!rows || rows.length === 0) continue
    for (let i = 0; i < rows.length; ) {
      const n = sizer.rows(table)
      const part = rows.slice(i, i + n) as object[]
      i += part.length
      const values = stored(table, part, cp.syncId)
      const tables = table === 'items' ? [table, 'alerts'] : [table]
      await slice(tables, async () => {
        // The low-stock read and the put touch different stores: issued together, one round trip.
        await Promise.all([
          putObserved(db.table(table), values),
          table === 'items' &&
            trackLowStock(db, part as Item[], at).then((crossed) => lowCrossed.push(...crossed))
        ])
      }, [table, part.length])
    }
  }

  const gone = page.deleted
    .map((key) => ({ key, table: tableOfKey[key.split(':')[1] ?? ''] }))
    .filter((d): d is { key: string; table: ReplicaTable } => !!d.table && plan.tables.includes(d.table))
  if (gone.length > 0)
    await slice([...new Set(gone.map((d) => d.table)), 'stock'], async () => {
      for (const { key, table } of gone) {
        await db.table(table).delete(key)
        // Its stock rows go with it (vendors stop listing them); lots stay while the vendor lists them.
        if (table === 'items') await db.stock.where('itemKey').equals(key).delete()
      }
    })

  let swept = 0
  if (sweep) {
    for (const table of plan.tables) {
      const stale = await staleKeys(db, table, cp)
      for (let i = 0; i < stale.length; i += MAX_ROWS) {
        const part = stale.slice(i, i + MAX_ROWS)
        await slice([table], () => db.table(table).bulkDelete(part))
      }
      swept += stale.length
    }
  }
  await slice(['checkpoints'], () => db.checkpoints.put(next), ['checkpoints', 1])
  return { swept, lowCrossed }
}

/**
 * Everything of this resource stamped with another pass's id (or none): two key
 * ranges around the current id, so a pass that removed nothing reads nothing.
 */
async function staleKeys(db: StockroomDb, table: string, cp: Checkpoint): Promise<string[]> {
  const index = db.table(table).where('[connectionId+resource+syncId]')
  const { connectionId, resource, syncId } = cp
  const [before, after] = await Promise.all([
    index
      .between([connectionId, resource, Dexie.minKey], [connectionId, resource, syncId], true, false)
      .primaryKeys(),
    index
      .between([connectionId, resource, syncId], [connectionId, resource, Dexie.maxKey], false, true)
      .primaryKeys()
  ])
  return [...before, ...after] as string[]
}
