import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import { getDb } from '../db/db'
import { getHost } from '../bridge/host'
import { useUi } from '../stores/ui'

/**
 * Connects to the host once: loads connections, mirrors them into the replica,
 * follows main's events. Sets `data-ready` on <body> when the app can be used,
 * the signal E2E tests wait for instead of sleeping.
 */
export function useHostBootstrap() {
  useEffect(() => {
    const host = getHost()
    const ui = useUi.getState()
    const mirror = async (list: Awaited<ReturnType<typeof loadConnections>>) => {
      ui.setConnections(list)
      const db = getDb()
      await db.transaction('rw', db.connections, async () => {
        const ids = new Set(list.map((c) => c.id))
        const stale = (await db.connections.toCollection().primaryKeys()).filter((id) => !ids.has(id))
        await db.connections.bulkDelete(stale)
        for (const c of list) {
          const existing = await db.connections.get(c.id)
          await db.connections.put({
            id: c.id,
            vendor: c.vendor,
            label: c.label,
            baseUrl: c.baseUrl,
            capabilities: c.capabilities,
            status: c.status,
            demo: c.demo,
            ...(existing?.lastSyncAt ? { lastSyncAt: existing.lastSyncAt } : {})
          })
        }
      })
    }
    const loadConnections = async () => {
      const reply = await host.call('connections:list', {})
      if (!reply.ok) throw new Error(reply.error.message)
      return reply.value
    }

    const offChanged = host.on('connections:changed', ({ connections }) => void mirror(connections))
    const offOnline = host.on('app:online', ({ online }) => ui.setMainOnline(online))
    let cancelled = false
    ;(async () => {
      try {
        await getDb().open()
        await mirror(await loadConnections())
        if (cancelled) return
        ui.setHostConnected(true)
        document.body.dataset.ready = 'true'
      } catch (err) {
        notifications.show({
          color: 'red',
          title: 'Stockroom could not start',
          message: `${(err as Error).message} Restart the app; your local data is kept.`,
          autoClose: false
        })
      }
    })()
    return () => {
      cancelled = true
      offChanged()
      offOnline()
    }
  }, [])
}
