import { useServices } from '../../app/services-context'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useRef, useState } from 'react'
import { useSync } from '../../stores/sync'

const EVERY_MS = 3_000
/** While a sync writes, counting competes with it for IndexedDB: less often then. */
const SYNCING_EVERY_MS = 15_000

/**
 * How many items the replica holds. Counting an IndexedDB store walks all of
 * it, and a live count re-runs on every page a sync writes — at 100,000 items
 * that costs the sync a third of its speed. So the count follows the
 * checkpoints (a tiny table that changes with every page) at most every 3 s,
 * every 15 s while a sync runs.
 */
/**
 * The total last counted, kept for the next visit and the next start: the header
 * shows it in its first frame, and the count that follows only corrects it.
 */
const REMEMBERED = 'stockroom:item-total'
let remembered: number | undefined

function rememberedTotal(): number | undefined {
  if (remembered === undefined && typeof localStorage !== 'undefined') {
    const stored = Number(localStorage.getItem(REMEMBERED) ?? NaN)
    if (Number.isInteger(stored) && stored >= 0) remembered = stored
  }
  return remembered
}

function remember(total: number): void {
  remembered = total
  try {
    localStorage.setItem(REMEMBERED, String(total))
  } catch {
    // Storage full or off: the total is still remembered for this run.
  }
}

export function useItemTotal(): number | undefined {
  const { db } = useServices()
  const pages = useLiveQuery(async () => {
    const cps = await db.checkpoints.toArray()
    return cps.map((c) => `${c.connectionId}/${c.resource}/${c.pagesDone}/${c.completedAt ?? ''}`).join('|')
  }, [])
  const syncing = useSync((s) => s.running)
  const [total, setTotal] = useState<number | undefined>(rememberedTotal)
  const last = useRef(0)
  // A count under way is not given up when the checkpoints move (that left the header at
  // nothing for the first 3 s of every visit): only leaving the screen drops its answer.
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  useEffect(() => {
    const count = () => {
      last.current = Date.now()
      void db.items.count().then((n) => {
        remember(n)
        if (mounted.current) setTotal(n)
      })
    }
    const wait = last.current + (syncing ? SYNCING_EVERY_MS : EVERY_MS) - Date.now()
    const timer = setTimeout(count, Math.max(0, wait))
    return () => clearTimeout(timer)
  }, [db, pages, syncing])
  return total
}
