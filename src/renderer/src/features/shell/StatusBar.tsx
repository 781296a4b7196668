import { Badge, Group, Text } from '@mantine/core'
import { useNetwork } from '@mantine/hooks'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { getHost } from '../../bridge/host'
import { getDb } from '../../db/db'
import { useOutboxStatus } from '../../stores/outbox'
import { useSync } from '../../stores/sync'
import { useUi } from '../../stores/ui'
import { formatAgo } from '../../util/format'

/** Online state, writes waiting for the vendor, and the last completed sync; also fed to the tray tooltip. */
export function StatusBar() {
  const network = useNetwork()
  const hostConnected = useUi((s) => s.hostConnected)
  const mainOnline = useUi((s) => s.mainOnline)
  const online = network.online && mainOnline
  const syncing = useSync((s) => s.running)
  const unreachable = useOutboxStatus((s) => Object.keys(s.unreachable).length)
  const connections = useUi((s) => s.connections)
  const pending = useLiveQuery(() => getDb().outbox.where('state').anyOf('pending', 'sending').count(), [], 0)
  const lastSyncAt = useLiveQuery(
    async () => {
      const all = await getDb().connections.toArray()
      return (
        all
          .map((c) => c.lastSyncAt ?? '')
          .sort()
          .at(-1) || null
      )
    },
    [],
    null
  )

  useEffect(() => {
    if (!hostConnected) return
    void getHost().call('app:reportStatus', { online, pendingWrites: pending, lastSyncAt, syncing })
  }, [hostConnected, online, pending, lastSyncAt, syncing])

  return (
    <Group h="100%" px="md" gap="lg" data-testid="status-bar">
      <Badge color={online ? 'teal' : 'orange'} variant="dot" data-testid="status-online">
        {online ? 'Online' : 'Offline'}
      </Badge>
      {unreachable > 0 && (
        <Badge color="orange" variant="light" data-testid="status-unreachable">
          {unreachable === connections.length
            ? 'Vendor unreachable'
            : `${unreachable} vendor${unreachable === 1 ? '' : 's'} unreachable`}{' '}
          — writes wait on this PC
        </Badge>
      )}
      <Text size="xs" data-testid="status-pending">
        {pending === 0 ? 'All writes sent' : `${pending} write${pending === 1 ? '' : 's'} waiting to send`}
      </Text>
      <Text size="xs" c="dimmed" data-testid="status-last-sync">
        {syncing ? 'Syncing…' : lastSyncAt ? `Last sync ${formatAgo(lastSyncAt)}` : 'Not synced yet'}
      </Text>
      {!hostConnected && (
        <Text size="xs" c="red">
          Connecting to the Stockroom host…
        </Text>
      )}
    </Group>
  )
}
