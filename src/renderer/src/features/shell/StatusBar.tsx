import { useConnections } from '../../app/use-connections'
import { useServices } from '../../app/services-context'
import { Badge, Group, Text } from '@mantine/core'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, type ReactNode } from 'react'
import { useOnline } from '../../app/use-online'
import { useOutboxStatus } from '../../stores/outbox'
import { useSite } from '../../stores/site'
import { useSync } from '../../stores/sync'
import { useUi } from '../../stores/ui'
import { formatAgo } from '../../util/format'
import { attentionWords, countOf, failingIds, parkedLine, syncPercent, writesLine } from './status-summary'

/**
 * What is true now, one click from where to act: online or not, connections
 * paused or failing, writes waiting apart from writes in review, items low,
 * the sync. Offline, nothing claims to be syncing or sending. Also fed to the
 * tray tooltip and menu.
 */
export function StatusBar() {
  const { db, host } = useServices()
  const online = useOnline()
  const hostConnected = useUi((s) => s.hostConnected)
  const go = useUi((s) => s.go)
  const openTarget = useUi((s) => s.open)
  const running = useSync((s) => s.running)
  const syncing = running && online
  const percent = useSync((s) => (s.running ? syncPercent(s.progress) : undefined))
  const syncErrors = useSync((s) => s.errors)
  const progress = useSync((s) => s.progress)
  const unreachable = useOutboxStatus((s) => Object.keys(s.unreachable).length)
  const site = useSite((s) => s.status)
  const connections = useConnections()
  const lanes = useSync((s) => s.lanes)
  const parked = parkedLine(connections, lanes, failingIds(connections, syncErrors, progress))
  // Two queries: a sync's writes of low-stock rows re-read the low count only, never the outbox.
  const writes = useLiveQuery(
    async () => {
      const [waiting, review] = await Promise.all([
        db.outbox.where('state').anyOf('pending', 'sending').count(),
        db.outbox.where('state').equals('needs-review').count()
      ])
      return { waiting, review }
    },
    [],
    { waiting: 0, review: 0 }
  )
  const low = useLiveQuery(() => db.alerts.count(), [], 0)
  const counts = { ...writes, low }
  const lastSyncAt = useLiveQuery(
    async () => {
      const all = await db.connections.toArray()
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
    void host.call('app:reportStatus', {
      online,
      pendingWrites: counts.waiting,
      lastSyncAt,
      syncing,
      lowItems: counts.low
    })
  }, [host, hostConnected, online, counts.waiting, counts.low, lastSyncAt, syncing])

  const attention = attentionWords(connections, syncErrors, progress)

  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap" data-testid="status-bar">
      <Badge color={online ? 'teal' : 'orange'} variant="dot" data-testid="status-online">
        {online ? 'Online' : 'Offline'}
      </Badge>
      {attention.length > 0 && (
        <LinkBadge color="red" onClick={() => go('connections')} testId="status-attention">
          {attention.join(' · ')}
        </LinkBadge>
      )}
      {unreachable > 0 && online && (
        <Badge color="orange" variant="light" data-testid="status-unreachable">
          {unreachable === connections.length
            ? 'Vendor unreachable'
            : `${unreachable} vendor${unreachable === 1 ? '' : 's'} unreachable`}{' '}
          — writes wait on this PC
        </Badge>
      )}
      {site.state === 'unreachable' && (
        <LinkBadge color="orange" onClick={() => go('connections')} testId="status-site">
          Site database unreachable — {countOf(site.waiting, 'shared change')}{' '}
          {site.waiting === 1 ? 'waits' : 'wait'} on this PC
        </LinkBadge>
      )}
      <Text size="xs" data-testid="status-pending">
        {writesLine({ waiting: counts.waiting, review: counts.review, online })}
      </Text>
      {counts.review > 0 && (
        <LinkBadge color="red" onClick={() => go('outbox')} testId="status-review">
          {countOf(counts.review, 'write')} in review
        </LinkBadge>
      )}
      {counts.low > 0 && (
        <LinkBadge color="orange" onClick={() => openTarget({ kind: 'low-stock' })} testId="status-low">
          {countOf(counts.low, 'item')} low
        </LinkBadge>
      )}
      <Text size="xs" c="dimmed" data-testid="status-last-sync">
        {parked && online
          ? parked
          : syncing
            ? `Syncing…${percent !== undefined ? ` ${percent}%` : ''}`
            : !online
              ? `Sync waits for the network${lastSyncAt ? ` · last ${formatAgo(lastSyncAt)}` : ''}`
              : lastSyncAt
                ? `Last sync ${formatAgo(lastSyncAt)}`
                : 'Not synced yet'}
      </Text>
      {!hostConnected && (
        <Text size="xs" c="red">
          Connecting to the Stockroom host…
        </Text>
      )}
    </Group>
  )
}

/** A status that opens where it is dealt with: a badge that is a button. */
function LinkBadge({
  color,
  onClick,
  testId,
  children
}: {
  color: string
  onClick: () => void
  testId: string
  children: ReactNode
}) {
  return (
    <Badge
      color={color}
      variant="light"
      component="button"
      style={{ cursor: 'pointer' }}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </Badge>
  )
}
