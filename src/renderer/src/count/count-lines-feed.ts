import { cmp, Dexie, RangeSet, type IndexableType, type IntervalTree, type ObservabilitySet } from 'dexie'
import type { CountEvent, CountLine, Item, Lot } from '../../../shared/model/records'
import type { StockroomDb } from '../db/db'
import { timedRequery } from '../scan/scan-timing'

/** A count's lines as its screens show them, newest change first, with how many scans it holds. */
export interface CountLinesSnapshot {
  lines: { line: CountLine; item: Item | undefined; lot: Lot | undefined }[]
  /** Scans and typed quantities (events) of the count. */
  events: number
  /** Lines counted again with "recount" (a `set` event stands for them). */
  recounted: Set<string>
}

/** The key ranges a committed change touched in one table (a big write is one range from its least key to its greatest). */
function touchedRanges(
  parts: ObservabilitySet,
  db: string,
  table: string
): { from: IndexableType; to: IndexableType }[] {
  const ranges: { from: IndexableType; to: IndexableType }[] = []
  for (const part of ['', ':dels']) {
    const tree: IntervalTree | undefined = parts[`idb://${db}/${table}/${part}`]
    if (!tree) continue
    for (const node of RangeSet(tree)) ranges.push({ from: node.from, to: node.to })
  }
  return ranges
}

/** The keys a committed change touched in one table, or `all` when it touched a range (a clear, a big write). */
function touched(parts: ObservabilitySet, db: string, table: string): IndexableType[] | 'all' {
  const keys: IndexableType[] = []
  for (const { from, to } of touchedRanges(parts, db, table)) {
    if (cmp(from, to) !== 0) return 'all'
    keys.push(from)
  }
  return keys
}

/** Of `known`, the keys that fall inside a touched range: a sync's write of other items touches none. */
function knownTouched(parts: ObservabilitySet, db: string, table: string, known: Iterable<string>): string[] {
  const ranges = touchedRanges(parts, db, table)
  if (ranges.length === 0) return []
  return [...known].filter((k) => ranges.some((r) => cmp(k, r.from) >= 0 && cmp(k, r.to) <= 0))
}

/**
 * Follows one count's lines without reading the count again on every scan: read once,
 * then only the records a committed change touched are read back (Dexie reports the
 * keys of every commit, in this window and in others). A scan therefore costs a read
 * of its own line and event, however long the count and however big the replica.
 */
export function watchCountLines(
  db: StockroomDb,
  countId: string,
  onChange: (snapshot: CountLinesSnapshot) => void
): () => void {
  const lines = new Map<string, CountLine>()
  const items = new Map<string, Item | undefined>()
  const lots = new Map<string, Lot | undefined>()
  /** This count's events: id → the line of a `set` event, or null. */
  const events = new Map<number, string | null>()
  const ours = (lineId: IndexableType): lineId is string =>
    typeof lineId === 'string' && lineId.startsWith(`${countId}|`)
  let stopped = false
  let queue: Promise<unknown> = Promise.resolve()

  const emit = () => {
    if (stopped) return
    const sorted = [...lines.values()].sort((a, b) =>
      a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    )
    onChange({
      lines: sorted.map((line) => ({
        line,
        item: items.get(line.itemKey),
        lot: line.lotKey ? lots.get(line.lotKey) : undefined
      })),
      events: events.size,
      recounted: new Set([...events.values()].filter((l): l is string => l !== null))
    })
  }

  const noteEvent = (e: CountEvent) => {
    if (e.id !== undefined) events.set(e.id, e.kind === 'set' ? e.lineId : null)
  }

  /** Items and lots of the lines that are not known yet, all of them again (`true`), or these again. */
  const readNames = async (again: boolean | { items: string[]; lots: string[] }) => {
    const all = again === true
    const itemKeys = [
      ...new Set([
        ...[...lines.values()].map((l) => l.itemKey).filter((k) => all || !items.has(k)),
        ...(typeof again === 'object' ? again.items : [])
      ])
    ]
    const lotKeys = [
      ...new Set([
        ...[...lines.values()]
          .flatMap((l) => (l.lotKey ? [l.lotKey] : []))
          .filter((k) => all || !lots.has(k)),
        ...(typeof again === 'object' ? again.lots : [])
      ])
    ]
    const [foundItems, foundLots] = await Promise.all([db.items.bulkGet(itemKeys), db.lots.bulkGet(lotKeys)])
    itemKeys.forEach((k, i) => items.set(k, foundItems[i]))
    lotKeys.forEach((k, i) => lots.set(k, foundLots[i]))
  }

  const readAll = async () => {
    await db.transaction('r', [db.countLines, db.countEvents, db.items, db.lots], async () => {
      const [rows, evs] = await Promise.all([
        db.countLines.where('countId').equals(countId).toArray(),
        db.countEvents.where('countId').equals(countId).toArray()
      ])
      lines.clear()
      events.clear()
      for (const l of rows) lines.set(l.id, l)
      for (const e of evs) noteEvent(e)
      await readNames(true)
    })
  }

  const apply = async (parts: ObservabilitySet) => {
    const lineKeys = touched(parts, db.name, 'countLines')
    const eventKeys = touched(parts, db.name, 'countEvents')
    if (lineKeys === 'all' || eventKeys === 'all') return readAll()
    const changedLines = lineKeys.filter(ours)
    // Only the items and lots of this count that a change touched are read again: a sync writing
    // other items (another connection, another location) costs the count screen nothing.
    const names = {
      items: knownTouched(parts, db.name, 'items', items.keys()),
      lots: knownTouched(parts, db.name, 'lots', lots.keys())
    }
    const namesTouched = names.items.length + names.lots.length > 0
    if (changedLines.length === 0 && eventKeys.length === 0 && !namesTouched) return false
    await db.transaction('r', [db.countLines, db.countEvents, db.items, db.lots], async () => {
      const [rows, evs] = await Promise.all([
        db.countLines.bulkGet(changedLines),
        db.countEvents.bulkGet(eventKeys.filter((k): k is number => typeof k === 'number'))
      ])
      changedLines.forEach((id, i) => {
        const row = rows[i]
        if (row) lines.set(id, row)
        else lines.delete(id)
      })
      eventKeys.forEach((id, i) => {
        const e = evs[i]
        if (e && e.countId === countId) noteEvent(e)
        else events.delete(id as number)
      })
      await readNames(names)
    })
  }

  const onMutated = (parts: ObservabilitySet) => {
    queue = queue
      .then(() => timedRequery(() => apply(parts)))
      .then((changed) => changed !== false && emit())
      .catch(failed)
  }
  // A read that failed (the database closing under it) leaves the last snapshot shown.
  const failed = (error: unknown) => {
    if (!stopped) console.error('Reading the count lines failed', error)
  }

  Dexie.on('storagemutated', onMutated)
  queue = readAll().then(emit).catch(failed)
  return () => {
    stopped = true
    Dexie.on.storagemutated.unsubscribe(onMutated)
  }
}
