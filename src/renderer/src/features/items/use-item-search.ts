import { useServices } from '../../app/services-context'
import { Dexie, type ObservabilitySet } from 'dexie'
import { useEffect, useState } from 'react'
import type { Item } from '../../../../shared/model/records'
import { measureSpan, now } from '../../scan/scan-timing'
import { searchItems } from './search'

/** A sync writes items every few hundred ms: results follow it at most this often, never per page. */
const REFRESH_MS = 1_000

export interface ItemSearch {
  /** The text these results answer (the field may already hold more). */
  query: string
  items: Item[]
  /** When the search answered (`performance.now()`), so drawing the results can be measured. */
  at: number
}

/**
 * The Items search as you type: one plain indexed search per keystroke (a live
 * query would also track every key it reads, which costs more than the search),
 * a search overtaken by the next keystroke is dropped, and results are refreshed
 * when a sync changes items, at most once a second.
 */
export function useItemSearch(
  text: string,
  { limit, enabled = true }: { limit?: number; enabled?: boolean } = {}
): ItemSearch | undefined {
  const { db } = useServices()
  const [found, setFound] = useState<ItemSearch>()
  const [refreshed, setRefreshed] = useState(0)

  useEffect(() => {
    if (!enabled) return
    const part = `idb://${db.name}/items/`
    let timer: ReturnType<typeof setTimeout> | undefined
    const onMutated = (parts: ObservabilitySet) => {
      if (!parts[part] || timer) return
      timer = setTimeout(() => {
        timer = undefined
        setRefreshed((n) => n + 1)
      }, REFRESH_MS)
    }
    Dexie.on('storagemutated', onMutated)
    return () => {
      clearTimeout(timer)
      Dexie.on.storagemutated.unsubscribe(onMutated)
    }
  }, [db.name, enabled])

  useEffect(() => {
    if (!enabled) return
    let current = true
    const start = now()
    void searchItems(db, text, limit).then(
      (items) => {
        if (!current) return
        const at = now()
        measureSpan('search:query', start, at)
        setFound({ query: text, items, at })
      },
      (error: unknown) => console.error('Item search failed', error)
    )
    return () => {
      current = false
    }
  }, [db, text, limit, enabled, refreshed])

  return found
}
