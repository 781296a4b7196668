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

/** The keys a committed change touched in one table, or `all` when it touched a range (a clear, a big write). */
function touched(parts: ObservabilitySet, db: string, table: string): IndexableType[] | 'all' {
  const keys: IndexableType[] = []
  for (const part of ['', ':dels']) {
    const tree: IntervalTree | undefined = parts[`idb://${db}/${table}/${part}`]
    if (!tree) continue
    for (const node of RangeSet(tree)) {
      if (cmp(node.from, node.to) !== 0) return 'all'
      keys.push(node.from)
    }
  }
  return keys
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

  /** Items and lots of the lines that are not known yet (or all of them again). */
  const readNames = async (all: boolean) => {
    const itemKeys = [...new Set([...lines.values()].map((l) => l.itemKey))].filter(
      (k) => all || !items.has(k)
    )
    const lotKeys = [...new Set([...lines.values()].flatMap((l) => (l.lotKey ? [l.lotKey] : [])))].filter(
      (k) => all || !lots.has(k)
    )
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
    const itemKeys = touched(parts, db.name, 'items')
    const lotKeys = touched(parts, db.name, 'lots')
    const names =
      itemKeys === 'all' ||
      lotKeys === 'all' ||
      itemKeys.some((k) => items.has(k as string)) ||
      lotKeys.some((k) => lots.has(k as string))
    if (changedLines.length === 0 && eventKeys.length === 0 && !names) return false
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
